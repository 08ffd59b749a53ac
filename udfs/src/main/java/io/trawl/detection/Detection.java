package io.trawl.detection;

import java.util.List;

/**
 * Everything one identifier found in one object.
 *
 * @param type Macie's managed identifier ID (e.g. {@code USA_SOCIAL_SECURITY_NUMBER}) or the custom
 *     identifier's name
 * @param identifierType managed or custom
 * @param category the identifier's category
 * @param count all occurrences after allow lists (for NAME and ADDRESS capped at 1,000 per file)
 * @param occurrences recorded locations, at most {@link #MAX_RECORDED_OCCURRENCES}
 * @param severity severity for this count (Macie's table or the custom identifier's levels)
 */
public record Detection(
    String type,
    IdentifierType identifierType,
    Category category,
    long count,
    List<Occurrence> occurrences,
    Severity severity) {

  /** Discovery results hold up to 1,000 locations per sensitive data type. */
  public static final int MAX_RECORDED_OCCURRENCES = 1000;

  /** Findings hold at most 15 locations. */
  public static final int MAX_FINDING_OCCURRENCES = 15;

  public Detection {
    occurrences = List.copyOf(occurrences);
  }
}
