package io.trawl.jobs.score;

import java.util.ArrayList;
import java.util.List;

/**
 * A bucket's risk, 0-100: how sensitive it is times how exposed it is, kept apart from either (as
 * Google's data risk level is). Sensitivity sets the ceiling; exposure decides how much of it is
 * reached:
 *
 * <pre>
 *   risk = round(100 * s * (0.35 + 0.65 * exposure / 100))
 *   s    = 0.75 + 0.25 * (score - 51) / 49 for a sensitive score (51-100)
 *        = 0.5                             for 50 (not yet analysed) or -1 (errors only)
 *        = 0.1 + 0.3 * (score - 1) / 48    for a not-sensitive score (1-49)
 * </pre>
 *
 * Levels: CRITICAL from 80, HIGH from 60, MEDIUM from 30, else LOW. A private bucket full of card
 * numbers is MEDIUM, the same bucket public is CRITICAL; a public bucket never analysed is MEDIUM
 * until it is.
 *
 * @param score 0-100
 * @param level LOW, MEDIUM, HIGH or CRITICAL
 * @param reasons exposure and sensitivity reasons, exposure first
 */
public record RiskScore(int score, String level, List<String> reasons) {

  /** Combines a sensitivity result and a posture assessment. */
  public static RiskScore of(SensitivityScore.Result sensitivity, PostureAssessment posture) {
    double s = sensitivityFactor(sensitivity.score());
    int score = (int) Math.round(100 * s * (0.35 + 0.65 * posture.exposureScore() / 100.0));
    score = Math.max(0, Math.min(100, score));
    List<String> reasons = new ArrayList<>();
    if (posture.exposureScore() > 0) {
      reasons.addAll(posture.exposureReasons());
    }
    String label = sensitivity.label().toLowerCase(java.util.Locale.ROOT);
    if (sensitivity.score() > SensitivityScore.NOT_YET_ANALYSED) {
      reasons.addAll(
          sensitivity.reasons().stream().filter(r -> r.contains(" with ")).limit(2).toList());
      if (sensitivity.overridden()) {
        reasons.add("marked sensitive by a manual override");
      }
    } else {
      reasons.add("sensitivity " + sensitivity.score() + " (" + label + ")");
    }
    if (posture.exposureScore() == 0) {
      reasons.addAll(posture.exposureReasons());
    }
    return new RiskScore(score, level(score), List.copyOf(reasons));
  }

  /** The sensitivity's share of the risk ceiling, 0.1-1. */
  static double sensitivityFactor(int sensitivity) {
    if (sensitivity > SensitivityScore.NOT_YET_ANALYSED) {
      return 0.75 + 0.25 * (Math.min(sensitivity, 100) - 51) / 49.0;
    }
    if (sensitivity == SensitivityScore.NOT_YET_ANALYSED
        || sensitivity == SensitivityScore.CLASSIFICATION_ERROR) {
      return 0.5;
    }
    return 0.1 + 0.3 * (Math.max(sensitivity, 1) - 1) / 48.0;
  }

  /** LOW, MEDIUM, HIGH or CRITICAL. */
  public static String level(int score) {
    if (score >= 80) {
      return "CRITICAL";
    }
    if (score >= 60) {
      return "HIGH";
    }
    return score >= 30 ? "MEDIUM" : "LOW";
  }
}
