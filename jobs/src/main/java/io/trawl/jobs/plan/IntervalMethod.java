package io.trawl.jobs.plan;

import java.util.Locale;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Confidence intervals for a binomial proportion: {@code x} sensitive objects out of {@code n}
 * analysed. Both accept fractional counts, which the stratified estimator passes as an effective
 * sample size (Korn and Graubard, 1998).
 */
public enum IntervalMethod {
  /**
   * Wilson's score interval: close to the nominal coverage on average and never outside [0, 1]; the
   * default.
   */
  WILSON {
    @Override
    public PrevalenceInterval interval(double x, double n, double confidence) {
      check(x, n, confidence);
      if (n == 0) {
        return PrevalenceInterval.UNKNOWN;
      }
      double p = x / n;
      double z = z(confidence);
      double z2n = z * z / n;
      double centre = (p + z2n / 2) / (1 + z2n);
      double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
      return new PrevalenceInterval(
          p, clamp(Math.min(p, centre - half)), clamp(Math.max(p, centre + half)));
    }
  },
  /**
   * Clopper-Pearson's "exact" interval from Beta quantiles: coverage at least the nominal rate for
   * every true proportion, at the price of wider intervals.
   */
  CLOPPER_PEARSON {
    @Override
    public PrevalenceInterval interval(double x, double n, double confidence) {
      check(x, n, confidence);
      if (n == 0) {
        return PrevalenceInterval.UNKNOWN;
      }
      double alpha = 1 - confidence;
      double p = x / n;
      // Fractional counts below a millionth of an object are zero (or all) for the Beta bounds.
      double lower =
          x < 1e-6 ? 0 : new BetaDistribution(x, n - x + 1).inverseCumulativeProbability(alpha / 2);
      double upper =
          n - x < 1e-6
              ? 1
              : new BetaDistribution(x + 1, n - x).inverseCumulativeProbability(1 - alpha / 2);
      return new PrevalenceInterval(p, clamp(Math.min(p, lower)), clamp(Math.max(p, upper)));
    }
  };

  /** The interval for {@code x} successes out of {@code n} at this confidence (e.g. 0.95). */
  public abstract PrevalenceInterval interval(double x, double n, double confidence);

  /** The two-sided standard normal quantile for this confidence, e.g. 1.96 for 0.95. */
  public static double z(double confidence) {
    return new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  /** Parses {@code wilson} or {@code clopper-pearson} (any case, - or _). */
  public static IntervalMethod parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  private static void check(double x, double n, double confidence) {
    if (!(n >= 0 && x >= 0 && x <= n + 1e-9)) {
      throw new IllegalArgumentException("need 0 <= x <= n, got x=" + x + " n=" + n);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
