package io.trawl.detection;

import java.io.Serializable;
import java.util.List;

/**
 * One managed data identifier as the catalog file defines it, validated (see {@link
 * ManagedDataIdentifiers}). Immutable; the engine compiles it.
 *
 * @param id Macie's managed identifier ID, or a Trawl extension ID
 * @param category Macie's category
 * @param description what it detects
 * @param recommended member of Macie's RECOMMENDED set
 * @param trawlExtension true for identifiers Macie does not have
 * @param regex RE2 pattern, or null when {@link #finder} is set
 * @param valueGroup the regex group that holds the value (0 = the whole match)
 * @param maxLength longest possible value in characters (sizes the search windows)
 * @param keywords keywords, lower case, as written in the catalog (variants are added by the
 *     engine)
 * @param keywordRequired Macie's "keyword required"
 * @param maximumMatchDistance greatest number of characters between a keyword and the value
 * @param anchors literals contained in every match (case-insensitive prefilter)
 * @param trigger shape prefilter
 * @param triggerMinDigits least number of digits in a digit run for {@link Trigger#DIGITS}
 * @param triggerMinGroupDigits least length of the longest group of consecutive digits (no
 *     separator) in a digit run for {@link Trigger#DIGITS} (1 = any run)
 * @param finder name of the {@link MatchFinder} used instead of a regex, or null
 * @param validator name of the {@link Validator} every value must pass, or null
 * @param exclusions values never reported
 * @param countLimit stop counting after this many occurrences per file (0 = no limit)
 * @param severity severity for 1, 2-99 and 100 or more occurrences
 * @param samples positive and negative samples the identifier is tested with
 */
public record ManagedDataIdentifier(
    String id,
    Category category,
    String description,
    boolean recommended,
    boolean trawlExtension,
    String regex,
    int valueGroup,
    int maxLength,
    List<String> keywords,
    boolean keywordRequired,
    int maximumMatchDistance,
    List<String> anchors,
    Trigger trigger,
    int triggerMinDigits,
    int triggerMinGroupDigits,
    String finder,
    String validator,
    List<String> exclusions,
    int countLimit,
    List<Severity> severity,
    Samples samples)
    implements Serializable {

  public ManagedDataIdentifier {
    keywords = List.copyOf(keywords);
    anchors = List.copyOf(anchors);
    exclusions = List.copyOf(exclusions);
    severity = List.copyOf(severity);
  }

  /** Severity for {@code count} occurrences: Macie's 1 / 2-99 / 100+ table (macie.md 3.1). */
  public Severity severityFor(long count) {
    if (count >= 100) {
      return severity.get(2);
    }
    return count >= 2 ? severity.get(1) : severity.get(0);
  }

  /** The summary Macie's ListManagedDataIdentifiers shows. */
  public ManagedIdentifierSummary summary() {
    return new ManagedIdentifierSummary(id, category, recommended, trawlExtension, description);
  }

  /** The identifier's own test texts. */
  public record Samples(List<PositiveSample> positive, List<NegativeSample> negative)
      implements Serializable {
    public Samples {
      positive = List.copyOf(positive);
      negative = List.copyOf(negative);
    }
  }

  /** A text in which the identifier must find exactly {@code count} occurrences. */
  public record PositiveSample(String text, int count) implements Serializable {}

  /** A text in which the identifier must find nothing, and why. */
  public record NegativeSample(String text, String reason) implements Serializable {}
}
