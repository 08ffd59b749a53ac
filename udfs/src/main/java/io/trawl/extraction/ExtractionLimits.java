package io.trawl.extraction;

import java.io.Serializable;
import java.time.Duration;

/**
 * Per-object budgets. Defaults are Macie's quotas (macie.md 7.3) except the time budget, which is
 * shorter than Macie's 10 hours so one object cannot stall a Spark task.
 *
 * @param maxTextBytes non-binary text (txt, csv, tsv, json, jsonl, xml, html, yaml, ...)
 * @param maxPdfBytes PDF
 * @param maxOfficeBytes Word, Excel and PowerPoint files
 * @param maxColumnarBytes Avro and Parquet
 * @param maxArchiveBytes compressed size of zip and gzip files
 * @param maxEmailBytes eml messages
 * @param maxArchiveNesting archive levels analysed; a deeper archive ends the object with
 *     ARCHIVE_NESTING_LEVEL_OVER_LIMIT
 * @param maxArchiveFiles files extracted from one object's archives
 * @param maxArchiveExtractedBytes uncompressed bytes extracted from one object's archives
 * @param maxExtractedFileBytes uncompressed bytes of one extracted file
 * @param maxJsonNesting JSON nesting levels
 * @param timeBudget wall-clock time for one object, checked while streaming and by a watchdog
 * @param maxTarBytes size of a tar file (Macie allows tar files to be larger than zip files)
 * @param maxOoxmlUncompressedBytes uncompressed size of all parts of a docx/xlsx/pptx file
 * @param maxOoxmlCompressionRatio uncompressed / compressed size of one part of a docx/xlsx/pptx
 *     file (parts under 100 KB are exempt, as in POI's zip-bomb guard)
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
    Duration timeBudget,
    long maxTarBytes,
    long maxOoxmlUncompressedBytes,
    double maxOoxmlCompressionRatio)
    implements Serializable {

  private static final long GB = 1_000_000_000L;
  private static final long MB = 1_000_000L;

  public ExtractionLimits {
    if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("timeBudget must be positive: " + timeBudget);
    }
    if (maxArchiveNesting < 0 || maxJsonNesting < 1 || maxOoxmlCompressionRatio <= 1) {
      throw new IllegalArgumentException("nesting limits must be positive, ratio above 1");
    }
  }

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
        Duration.ofMinutes(10),
        20 * GB,
        4 * GB,
        100.0);
  }

  /** A copy with another time budget. */
  public ExtractionLimits withTimeBudget(Duration budget) {
    return new ExtractionLimits(
        maxTextBytes,
        maxPdfBytes,
        maxOfficeBytes,
        maxColumnarBytes,
        maxArchiveBytes,
        maxEmailBytes,
        maxArchiveNesting,
        maxArchiveFiles,
        maxArchiveExtractedBytes,
        maxExtractedFileBytes,
        maxJsonNesting,
        budget,
        maxTarBytes,
        maxOoxmlUncompressedBytes,
        maxOoxmlCompressionRatio);
  }

  /** A copy with other archive extraction limits (files, total bytes, bytes per file). */
  public ExtractionLimits withArchiveExtraction(long files, long totalBytes, long bytesPerFile) {
    return new ExtractionLimits(
        maxTextBytes,
        maxPdfBytes,
        maxOfficeBytes,
        maxColumnarBytes,
        maxArchiveBytes,
        maxEmailBytes,
        maxArchiveNesting,
        files,
        totalBytes,
        bytesPerFile,
        maxJsonNesting,
        timeBudget,
        maxTarBytes,
        maxOoxmlUncompressedBytes,
        maxOoxmlCompressionRatio);
  }

  /** A copy with another Office Open XML uncompressed size limit. */
  public ExtractionLimits withOoxmlUncompressedBytes(long bytes) {
    return new ExtractionLimits(
        maxTextBytes,
        maxPdfBytes,
        maxOfficeBytes,
        maxColumnarBytes,
        maxArchiveBytes,
        maxEmailBytes,
        maxArchiveNesting,
        maxArchiveFiles,
        maxArchiveExtractedBytes,
        maxExtractedFileBytes,
        maxJsonNesting,
        timeBudget,
        maxTarBytes,
        bytes,
        maxOoxmlCompressionRatio);
  }

  /** A copy with another non-binary text size limit. */
  public ExtractionLimits withMaxTextBytes(long bytes) {
    return new ExtractionLimits(
        bytes,
        maxPdfBytes,
        maxOfficeBytes,
        maxColumnarBytes,
        maxArchiveBytes,
        maxEmailBytes,
        maxArchiveNesting,
        maxArchiveFiles,
        maxArchiveExtractedBytes,
        maxExtractedFileBytes,
        maxJsonNesting,
        timeBudget,
        maxTarBytes,
        maxOoxmlUncompressedBytes,
        maxOoxmlCompressionRatio);
  }
}
