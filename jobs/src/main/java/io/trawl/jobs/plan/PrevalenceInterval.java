package io.trawl.jobs.plan;

import java.io.Serializable;

/**
 * An estimated proportion of sensitive objects with its confidence interval.
 *
 * @param estimate the point estimate in [0, 1], or NaN when nothing was analysed yet
 * @param lower lower bound of the interval
 * @param upper upper bound of the interval
 */
public record PrevalenceInterval(double estimate, double lower, double upper)
    implements Serializable {

  /** Nothing known: the whole range. */
  public static final PrevalenceInterval UNKNOWN = new PrevalenceInterval(Double.NaN, 0, 1);

  public PrevalenceInterval {
    if (!(lower >= 0 && upper <= 1 && lower <= upper)) {
      throw new IllegalArgumentException("bad interval [" + lower + ", " + upper + "]");
    }
  }

  public double width() {
    return upper - lower;
  }

  /** Whether the interval contains {@code p}. */
  public boolean covers(double p) {
    return p >= lower && p <= upper;
  }

  /** True when at least one object was analysed. */
  public boolean known() {
    return !Double.isNaN(estimate);
  }
}
