package io.trawl.jobs.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Spends a budget on samples where they shrink bucket prevalence uncertainty most per unit of cost.
 *
 * <p>The uncertainty of bucket {@code b} after {@code m_h} objects of each stratum are known is the
 * expected posterior standard deviation {@code SE_b = sqrt(sum_h (N_h/N_b)^2 q_h (1 - q_h) / (m_h +
 * 3) (1 - m_h / N_h))}: a uniform prior updated by the results so far ({@code q_h = (x_h + 1) /
 * (c_h + 2)}; 1/2 for a stratum never analysed, the most uncertain value), shrinking as samples are
 * added and reaching zero when the whole stratum is known. The allocator minimises {@code sum_b
 * SE_b}: greedily, it gives the next batch to the stratum with the largest {@code weight * (SE_b
 * before - SE_b after) / cost}. Batches grow with the stratum's sample (a tenth of it), so large
 * budgets take a few thousand steps, not one per object. Because {@code SE_b} falls ever more
 * slowly as a stratum fills, this greedy is close to the optimal integer allocation; unsampled
 * strata, small buckets and cheap objects come first, as they should.
 */
public final class SampleAllocator {
  private SampleAllocator() {}

  /**
   * Sample sizes, one per input (same order), whose total cost ({@code sum n_h unitCost_h}) never
   * exceeds {@code budget}.
   */
  public static long[] allocate(List<AllocationInput> strata, double budget) {
    int n = strata.size();
    long[] sample = new long[n];
    Map<String, List<Integer>> byBucket = new HashMap<>();
    Map<String, Double> bucketPopulation = new HashMap<>();
    for (int i = 0; i < n; i++) {
      AllocationInput s = strata.get(i);
      byBucket.computeIfAbsent(s.bucket(), k -> new ArrayList<>()).add(i);
      bucketPopulation.merge(s.bucket(), (double) s.counts().population(), Double::sum);
    }
    double[] term = new double[n];
    Map<String, Double> variance = new HashMap<>();
    for (int i = 0; i < n; i++) {
      AllocationInput s = strata.get(i);
      term[i] = term(s, 0, bucketPopulation.get(s.bucket()));
      variance.merge(s.bucket(), term[i], Double::sum);
    }
    Map<String, Integer> version = new HashMap<>();
    PriorityQueue<Step> queue = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      Step st = step(strata, i, sample, term, variance, bucketPopulation, 0, budget);
      if (st != null) {
        queue.add(st);
      }
    }
    double remaining = budget;
    while (!queue.isEmpty()) {
      Step st = queue.poll();
      AllocationInput s = strata.get(st.index);
      int current = version.getOrDefault(s.bucket(), 0);
      if (st.version != current) {
        continue; // superseded: a fresh step for this stratum was queued when its bucket changed
      }
      if (st.batch * s.unitCost() > remaining) {
        Step smaller =
            step(strata, st.index, sample, term, variance, bucketPopulation, current, remaining);
        if (smaller != null) {
          queue.add(smaller);
        }
        continue;
      }
      int i = st.index;
      sample[i] += st.batch;
      remaining -= st.batch * s.unitCost();
      double newTerm = term(s, sample[i], bucketPopulation.get(s.bucket()));
      variance.merge(s.bucket(), newTerm - term[i], Double::sum);
      term[i] = newTerm;
      version.put(s.bucket(), current + 1);
      // Every stratum of the bucket now gains differently: re-queue them all at the new version.
      for (int j : byBucket.get(s.bucket())) {
        Step next =
            step(strata, j, sample, term, variance, bucketPopulation, current + 1, remaining);
        if (next != null) {
          queue.add(next);
        }
      }
    }
    return sample;
  }

  /** The bucket variance term of a stratum with {@code extra} more objects known. */
  static double term(AllocationInput s, long extra, double bucketPopulation) {
    StratumCounts c = s.counts();
    if (c.population() == 0) {
      return 0;
    }
    double known = c.classified() + extra;
    double q = c.classified() == 0 ? 0.5 : (c.sensitive() + 1.0) / (c.classified() + 2.0);
    double w = c.population() / bucketPopulation;
    double fpc = Math.max(0, 1 - known / c.population());
    return w * w * q * (1 - q) / (known + 3) * fpc;
  }

  private static Step step(
      List<AllocationInput> strata,
      int i,
      long[] sample,
      double[] term,
      Map<String, Double> variance,
      Map<String, Double> bucketPopulation,
      int version,
      double remaining) {
    AllocationInput s = strata.get(i);
    long left = s.eligible() - sample[i];
    long affordable = (long) Math.floor(remaining / s.unitCost());
    // Rounding must never let a batch cost more than what remains (it would loop forever).
    while (affordable > 0 && affordable * s.unitCost() > remaining) {
      affordable--;
    }
    long batch =
        Math.min(
            Math.min(left, affordable), Math.max(1, (s.counts().classified() + sample[i]) / 10));
    if (batch <= 0) {
      return null;
    }
    double pop = bucketPopulation.get(s.bucket());
    double v = Math.max(0, variance.get(s.bucket()));
    double after = Math.max(0, v - term[i] + term(s, sample[i] + batch, pop));
    double gain = s.weight() * (Math.sqrt(v) - Math.sqrt(after)) / (batch * s.unitCost());
    return new Step(i, batch, gain, version);
  }

  /** A candidate batch; the queue's head has the largest gain (ties: lowest index). */
  private record Step(int index, long batch, double gain, int version) implements Comparable<Step> {
    @Override
    public int compareTo(Step o) {
      int c = Double.compare(o.gain, gain);
      return c != 0 ? c : Integer.compare(index, o.index);
    }
  }

  /**
   * The usual baseline: the same budget spread in proportion to each stratum's eligible objects (a
   * simple random sample of the estate), for comparisons.
   */
  public static long[] proportional(List<AllocationInput> strata, double budget) {
    double eligibleCost = 0;
    for (AllocationInput s : strata) {
      eligibleCost += s.eligible() * s.unitCost();
    }
    long[] sample = new long[strata.size()];
    if (eligibleCost == 0) {
      return sample;
    }
    double fraction = Math.min(1, budget / eligibleCost);
    for (int i = 0; i < sample.length; i++) {
      sample[i] = (long) Math.floor(strata.get(i).eligible() * fraction);
    }
    return sample;
  }
}
