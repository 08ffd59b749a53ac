package io.trawl.extraction;

import java.util.List;

/**
 * What extraction concluded about an object.
 *
 * @param status Macie's status and reason
 * @param mimeType detected media type, e.g. {@code text/csv}, {@code application/zip}
 * @param sizeClassified bytes of content analysed (uncompressed), Macie's {@code sizeClassified}
 * @param unprocessedFiles files inside an archive that were not analysed, each as {@code path:
 *     REASON}; empty for non-archives
 */
public record ExtractionOutcome(
    ClassificationStatus status,
    String mimeType,
    long sizeClassified,
    List<String> unprocessedFiles) {

  public ExtractionOutcome {
    unprocessedFiles = List.copyOf(unprocessedFiles);
  }

  public static ExtractionOutcome skipped(StatusReason reason, String mimeType) {
    return new ExtractionOutcome(ClassificationStatus.skipped(reason), mimeType, 0, List.of());
  }
}
