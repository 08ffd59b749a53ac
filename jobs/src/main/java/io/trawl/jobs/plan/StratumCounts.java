package io.trawl.jobs.plan;

import java.io.Serializable;

/**
 * What is known about one stratum of a bucket: how many objects it holds, how many of them have a
 * current classification result, and how many of those were sensitive.
 *
 * @param population objects in the stratum (latest inventory)
 * @param classified objects with a result for their current version (etag), at most population
 * @param sensitive classified objects in which sensitive data was found
 */
public record StratumCounts(long population, long classified, long sensitive)
    implements Serializable {
  public StratumCounts {
    if (population < 0 || classified < 0 || sensitive < 0) {
      throw new IllegalArgumentException("negative count");
    }
    if (classified > population || sensitive > classified) {
      throw new IllegalArgumentException(
          "need sensitive <= classified <= population: "
              + sensitive
              + ", "
              + classified
              + ", "
              + population);
    }
  }

  /** The stratum's own interval (simple random sample of its population). */
  public PrevalenceInterval interval(IntervalMethod method, double confidence) {
    return BucketEstimator.estimate(java.util.List.of(this), method, confidence);
  }
}
