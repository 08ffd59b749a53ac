package io.trawl.jobs.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Macie's bucket sensitivity score (1-100, or -1), computed from a bucket's profile. Macie does not
 * publish its formula; this one uses only its two stated inputs (macie.md 4.2): what was found (the
 * data types, weighted by their nature, and their occurrences) and how much was analysed (objects
 * analysed relative to the objects in the bucket). It keeps Macie's bands:
 *
 * <ul>
 *   <li>{@code 100}: only by a manual override;
 *   <li>{@code 1}: an empty bucket (no objects, or only 0-byte objects);
 *   <li>{@code 50}: not yet analysed (nothing analysed and no errors);
 *   <li>{@code -1}: nothing analysed successfully, only classification errors;
 *   <li>{@code 1-49}: analysed, nothing found: 49 after a few objects, falling to 1 as coverage
 *       reaches the whole bucket ({@code 49 - round(48 * sqrt(coverage))});
 *   <li>{@code 51-99}: something found: {@code 51 + round(48 * found * (0.3 + 0.7 *
 *       sqrt(coverage)))}, where {@code found = F / (F + 6)} and {@code F} sums, per data type not
 *       suppressed, {@code weight(category) * log10(1 + occurrences)} with weights 3 for
 *       credentials and financial, 2 for personal and 1 for custom identifiers.
 * </ul>
 *
 * See docs/scoring.md for worked examples.
 */
public final class SensitivityScore {
  /** The score Macie gives a bucket nothing has been analysed in. */
  public static final int NOT_YET_ANALYSED = 50;

  /** The score of a bucket whose objects could not be analysed at all. */
  public static final int CLASSIFICATION_ERROR = -1;

  /** The only override Macie accepts ({@code sensitivityScoreOverride}). */
  public static final int OVERRIDE = 100;

  /** Half-saturation of the found-amount: F = 6 gives found = 0.5. */
  static final double FOUND_HALF = 6.0;

  /** Share of the sensitive band reached on evidence alone, before coverage adds the rest. */
  static final double MIN_COVERAGE_WEIGHT = 0.3;

  private SensitivityScore() {}

  /**
   * What was found of one data identifier in a bucket.
   *
   * @param type managed or custom data identifier ID
   * @param category Macie category: CREDENTIALS, FINANCIAL_INFORMATION, PERSONAL_INFORMATION or
   *     CUSTOM_IDENTIFIER
   * @param objects objects in which it was found
   * @param occurrences occurrences in those objects
   */
  public record TypeFound(String type, String category, long objects, long occurrences) {}

  /**
   * A bucket's profile: everything analysed so far in the objects still in the latest inventory.
   *
   * @param objectsTotal objects in the bucket (latest inventory)
   * @param bytesTotal bytes in the bucket (latest inventory)
   * @param objectsClassified objects analysed (COMPLETE or PARTIAL)
   * @param objectsFailed objects skipped because of an error (permissions, encryption, KMS,
   *     malformed content, limits); unsupported types are not errors: Macie never selects them
   * @param found data types found, suppressed types already left out
   * @param override the user's override ({@link #OVERRIDE}) or null for a calculated score
   */
  public record Profile(
      long objectsTotal,
      long bytesTotal,
      long objectsClassified,
      long objectsFailed,
      List<TypeFound> found,
      Integer override) {
    public Profile {
      found = found == null ? List.of() : List.copyOf(found);
      if (override != null && override != OVERRIDE) {
        throw new IllegalArgumentException("the only score override is " + OVERRIDE);
      }
    }
  }

  /**
   * The score and why.
   *
   * @param score -1 or 1-100
   * @param label Macie's console label: Classification error, Not sensitive, Not yet analyzed or
   *     Sensitive
   * @param overridden true if the score is the user's override
   * @param coverage objects analysed / objects in the bucket, 0-1
   * @param reasons the score in words
   */
  public record Result(
      int score, String label, boolean overridden, double coverage, List<String> reasons) {}

  /** Scores one bucket. */
  public static Result score(Profile p) {
    double coverage =
        p.objectsTotal() <= 0
            ? 0
            : Math.min(1.0, (double) p.objectsClassified() / p.objectsTotal());
    if (p.override() != null) {
      return new Result(
          OVERRIDE,
          label(OVERRIDE),
          true,
          coverage,
          List.of("score set to 100 by a manual override"));
    }
    if (p.objectsTotal() == 0 || p.bytesTotal() == 0) {
      return new Result(
          1,
          label(1),
          false,
          coverage,
          List.of(p.objectsTotal() == 0 ? "empty bucket" : "only 0-byte objects"));
    }
    if (p.objectsClassified() == 0) {
      if (p.objectsFailed() > 0) {
        return new Result(
            CLASSIFICATION_ERROR,
            label(CLASSIFICATION_ERROR),
            false,
            0,
            List.of(
                String.format(
                    Locale.ROOT,
                    "no object analysed successfully; %,d skipped with errors",
                    p.objectsFailed())));
      }
      return new Result(
          NOT_YET_ANALYSED,
          label(NOT_YET_ANALYSED),
          false,
          0,
          List.of("not yet analysed: no object of the bucket has been classified"));
    }
    String analysed =
        String.format(
            Locale.ROOT,
            "%,d of %,d objects analysed (%s)",
            p.objectsClassified(),
            p.objectsTotal(),
            percent(coverage));
    double f = foundAmount(p.found());
    if (f <= 0) {
      int score = 49 - (int) Math.round(48 * Math.sqrt(coverage));
      return new Result(
          clamp(score, 1, 49),
          label(1),
          false,
          coverage,
          List.of(analysed, "no sensitive data found"));
    }
    double found = f / (f + FOUND_HALF);
    double weight = MIN_COVERAGE_WEIGHT + (1 - MIN_COVERAGE_WEIGHT) * Math.sqrt(coverage);
    int score = clamp(51 + (int) Math.round(48 * found * weight), 51, 99);
    List<String> reasons = new ArrayList<>();
    reasons.addAll(describeFound(p.found()));
    reasons.add(analysed);
    return new Result(score, label(score), false, coverage, List.copyOf(reasons));
  }

  /** {@code F}: the weighted amount of sensitive data found. */
  static double foundAmount(List<TypeFound> found) {
    double f = 0;
    for (TypeFound t : found) {
      if (t.occurrences() > 0) {
        f += weight(t.category()) * Math.log10(1 + t.occurrences());
      }
    }
    return f;
  }

  /**
   * Weight of a data type's nature: credentials and financial data are Macie's High-severity kinds
   * for any count; personal data needs more occurrences; custom identifiers are the user's own.
   */
  static double weight(String category) {
    if (category == null) {
      return 1;
    }
    return switch (category) {
      case "CREDENTIALS", "FINANCIAL_INFORMATION" -> 3;
      case "PERSONAL_INFORMATION" -> 2;
      default -> 1;
    };
  }

  /** Macie's console label for a score. */
  public static String label(int score) {
    if (score == CLASSIFICATION_ERROR) {
      return "Classification error";
    }
    if (score == NOT_YET_ANALYSED) {
      return "Not yet analyzed";
    }
    return score > NOT_YET_ANALYSED ? "Sensitive" : "Not sensitive";
  }

  /** "12,431 objects with USA_SOCIAL_SECURITY_NUMBER", most widespread types first, at most 3. */
  static List<String> describeFound(List<TypeFound> found) {
    return found.stream()
        .filter(t -> t.occurrences() > 0)
        .sorted(
            Comparator.comparingLong(TypeFound::objects)
                .reversed()
                .thenComparing(Comparator.comparingLong(TypeFound::occurrences).reversed())
                .thenComparing(TypeFound::type))
        .limit(3)
        .map(
            t ->
                String.format(
                    Locale.ROOT,
                    "%,d object%s with %s",
                    t.objects(),
                    t.objects() == 1 ? "" : "s",
                    t.type()))
        .toList();
  }

  private static String percent(double coverage) {
    double pct = coverage * 100;
    return pct >= 10 || pct == 0
        ? String.format(Locale.ROOT, "%.0f%%", pct)
        : String.format(Locale.ROOT, "%.1f%%", pct);
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
