package io.trawl.detection;

import java.io.Serializable;
import java.util.List;

/**
 * A custom data identifier in Macie's {@code CreateCustomDataIdentifier} shape. STUB: the engine
 * work (issue 3) completes parsing, validation and matching.
 */
public record CustomDataIdentifier(
    String id,
    String name,
    String description,
    String regex,
    List<String> keywords,
    List<String> ignoreWords,
    int maximumMatchDistance,
    List<SeverityLevel> severityLevels)
    implements Serializable {

  /**
   * Parses Macie JSON: one {@code CreateCustomDataIdentifier} request or {@code
   * GetCustomDataIdentifier} response object, or an array of them. {@code id} defaults to {@code
   * name}. Validates Macie's limits and regex restrictions; errors come from TrawlErrors.
   */
  public static List<CustomDataIdentifier> fromJson(String source, String json) {
    throw new UnsupportedOperationException("issue 3");
  }

  /** Macie's TestCustomDataIdentifier: number of matches in {@code sampleText}. */
  public long test(String sampleText) {
    throw new UnsupportedOperationException("issue 3");
  }
}
