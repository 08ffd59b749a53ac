package io.trawl.extraction;

import java.io.Serializable;
import java.time.Duration;

/**
 * Per-object budgets. Defaults are Macie's quotas (macie.md 7.3) except the time budget, which is
 * shorter than Macie's 10 hours so one object cannot stall a Spark task. STUB: issue 4 may add
 * fields.
 */
public record ExtractionLimits(
    long maxTextBytes,
    long maxPdfBytes,
    long maxOfficeBytes,
    long maxColumnarBytes,
    long maxArchiveBytes,
    long maxEmailBytes,
    int maxArchiveNesting,
    long maxArchiveFiles,
    long maxArchiveExtractedBytes,
    long maxExtractedFileBytes,
    int maxJsonNesting,
    Duration timeBudget)
    implements Serializable {

  private static final long GB = 1_000_000_000L;
  private static final long MB = 1_000_000L;

  public static ExtractionLimits defaults() {
    return new ExtractionLimits(
        20 * GB,
        1024 * MB,
        512 * MB,
        8 * GB,
        8 * GB,
        20 * GB,
        10,
        1_000_000,
        10 * GB,
        3 * GB,
        256,
        Duration.ofMinutes(10));
  }
}
