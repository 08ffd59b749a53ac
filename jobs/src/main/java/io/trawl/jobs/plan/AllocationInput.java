package io.trawl.jobs.plan;

import java.io.Serializable;

/**
 * One stratum as the allocator sees it.
 *
 * @param bucket the bucket whose prevalence the stratum contributes to
 * @param counts population, current results and sensitive results
 * @param unitCost what sampling one more object of the stratum costs against the budget (> 0)
 * @param weight how much a unit of uncertainty removed here is worth (1 = plain; more for risky
 *     buckets and changed strata)
 */
public record AllocationInput(String bucket, StratumCounts counts, double unitCost, double weight)
    implements Serializable {
  public AllocationInput {
    if (!(unitCost > 0) || !(weight > 0)) {
      throw new IllegalArgumentException("unitCost and weight must be > 0");
    }
  }

  /** Objects that can still be sampled: not yet classified at their current version. */
  public long eligible() {
    return counts.population() - counts.classified();
  }
}
