package io.trawl.jobs.plan;

import java.util.List;

/**
 * A bucket's sensitive-object prevalence from its strata: the stratified estimator with an
 * effective sample size, and a conservative allowance for strata nothing is known about yet.
 *
 * <p>Among the strata with at least one classified object (population share {@code W_s}), the
 * estimate is {@code p = sum_h w_h x_h / c_h} with {@code w_h = N_h / N_s}. Its variance is {@code
 * V = sum_h w_h^2 q_h (1 - q_h) / c_h (1 - c_h / N_h)}, where {@code q_h = (x_h + 0.5) / (c_h + 1)}
 * keeps a stratum in which nothing (or everything) was sensitive from claiming zero variance. The
 * effective sample size {@code n* = q (1 - q) / V} (q the weighted mean of q_h) turns the
 * stratified estimate into a binomial one, {@code x* = p n*} out of {@code n*}, to which Wilson's
 * or Clopper-Pearson's interval applies (Korn and Graubard, 1998). Strata with nothing classified
 * could hold anything: the bucket's interval is {@code [W_s L, W_s U + (1 - W_s)]}.
 */
public final class BucketEstimator {
  private BucketEstimator() {}

  /** The bucket's estimate and interval from its strata. */
  public static PrevalenceInterval estimate(
      List<StratumCounts> strata, IntervalMethod method, double confidence) {
    double total = 0;
    double sampledPopulation = 0;
    for (StratumCounts s : strata) {
      total += s.population();
      if (s.classified() > 0) {
        sampledPopulation += s.population();
      }
    }
    if (sampledPopulation == 0) {
      return PrevalenceInterval.UNKNOWN;
    }
    double p = 0;
    double q = 0;
    double variance = 0;
    double classified = 0;
    boolean census = true;
    for (StratumCounts s : strata) {
      if (s.classified() == 0) {
        continue;
      }
      double w = s.population() / sampledPopulation;
      double c = s.classified();
      double qh = (s.sensitive() + 0.5) / (c + 1);
      double fpc = 1 - c / s.population();
      p += w * s.sensitive() / c;
      q += w * qh;
      variance += w * w * qh * (1 - qh) / c * fpc;
      classified += c;
      census &= s.classified() == s.population();
    }
    PrevalenceInterval sampled;
    if (census) {
      // Every object of these strata was analysed: no sampling error left.
      sampled = new PrevalenceInterval(p, p, p);
    } else {
      double effective = variance > 0 ? q * (1 - q) / variance : classified;
      sampled = method.interval(Math.min(p * effective, effective), effective, confidence);
    }
    double ws = sampledPopulation / total;
    double lower = ws * sampled.lower();
    double upper = Math.min(1, ws * sampled.upper() + (1 - ws));
    return new PrevalenceInterval(p, Math.min(lower, p), Math.max(upper, p));
  }
}
