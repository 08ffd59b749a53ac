package io.trawl.detection;

/** Macie's severity: {@code severity.description} Low/Medium/High and {@code severity.score}. */
public enum Severity {
  LOW(1, "Low"),
  MEDIUM(2, "Medium"),
  HIGH(3, "High");

  private final int score;
  private final String description;

  Severity(int score, String description) {
    this.score = score;
    this.description = description;
  }

  public int score() {
    return score;
  }

  /**
   * Mixed case as in Macie findings ({@code "High"}); {@link #name()} is the custom-identifier
   * form.
   */
  public String description() {
    return description;
  }

  public static Severity max(Severity a, Severity b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.score >= b.score ? a : b;
  }
}
