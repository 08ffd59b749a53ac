package io.trawl.jobs.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The planner's statistics on simulated estates with known prevalence: seeded, Spark-free, a few
 * seconds. Coverage is measured over many trials; the tolerances allow for Monte Carlo noise (about
 * 0.5 points at 2,000 trials) and for Wilson's known dips below nominal at small n * p.
 */
class SamplingStatisticsTest {
  static final double CONFIDENCE = 0.95;

  @Test
  void singleProportionIntervalsCoverTheTruthAtTheirNominalRate() {
    Random random = new Random(42);
    double[] ps = {0.02, 0.1, 0.3, 0.5};
    int[] ns = {30, 100, 400};
    int trials = 2000;
    for (IntervalMethod method : IntervalMethod.values()) {
      double sum = 0;
      double min = 1;
      for (double p : ps) {
        for (int n : ns) {
          int covered = 0;
          for (int t = 0; t < trials; t++) {
            int x = 0;
            for (int i = 0; i < n; i++) {
              x += random.nextDouble() < p ? 1 : 0;
            }
            covered += method.interval(x, n, CONFIDENCE).covers(p) ? 1 : 0;
          }
          double coverage = covered / (double) trials;
          sum += coverage;
          min = Math.min(min, coverage);
        }
      }
      double mean = sum / (ps.length * ns.length);
      System.out.printf(
          "%s single-proportion coverage: mean %.4f, worst %.4f%n", method, mean, min);
      assertThat(mean).as("%s mean coverage", method).isGreaterThanOrEqualTo(CONFIDENCE - 0.01);
      double floor = method == IntervalMethod.CLOPPER_PEARSON ? CONFIDENCE - 0.01 : 0.92;
      assertThat(min).as("%s worst coverage", method).isGreaterThanOrEqualTo(floor);
    }
  }

  @Test
  void clopperPearsonIsWiderThanWilsonAndBothStayInTheUnitInterval() {
    PrevalenceInterval wilson = IntervalMethod.WILSON.interval(0, 20, CONFIDENCE);
    PrevalenceInterval exact = IntervalMethod.CLOPPER_PEARSON.interval(0, 20, CONFIDENCE);
    assertThat(wilson.lower()).isZero();
    assertThat(exact.lower()).isZero();
    // The rule of three: 0 of 20 gives an exact upper bound near 3/20.
    assertThat(exact.upper()).isBetween(0.15, 0.18);
    assertThat(exact.width()).isGreaterThan(wilson.width());
    PrevalenceInterval all = IntervalMethod.CLOPPER_PEARSON.interval(20, 20, CONFIDENCE);
    assertThat(all.upper()).isEqualTo(1.0);
    assertThat(IntervalMethod.WILSON.interval(5, 10, CONFIDENCE).lower()).isBetween(0.23, 0.24);
  }

  @Test
  void bucketIntervalsCoverTheTruthOverSeededTrialsWithBothMethods() {
    List<SimStratum> estate = estate();
    List<AllocationInput> inputs = inputs(estate);
    long[] sample = SampleAllocator.allocate(inputs, 2_000);
    for (int i = 0; i < sample.length; i++) {
      assertThat(sample[i]).as("stratum %d sampled", i).isPositive();
    }
    for (IntervalMethod method : IntervalMethod.values()) {
      Random random = new Random(7);
      int trials = 1000;
      int covered = 0;
      int intervals = 0;
      for (int t = 0; t < trials; t++) {
        List<List<StratumCounts>> counts = draw(estate, sample, random);
        for (int b = 0; b < BUCKETS.length; b++) {
          PrevalenceInterval ci = BucketEstimator.estimate(counts.get(b), method, CONFIDENCE);
          covered += ci.covers(truth(estate, BUCKETS[b])) ? 1 : 0;
          intervals++;
        }
      }
      System.out.printf(
          "%s bucket coverage: %.4f over %d intervals%n",
          method, covered / (double) intervals, intervals);
      assertThat(covered / (double) intervals)
          .as("%s bucket coverage", method)
          .isGreaterThanOrEqualTo(CONFIDENCE - 0.02);
    }
  }

  @Test
  void plannedAllocationBeatsUniformSamplingOnIntervalWidth() {
    List<SimStratum> estate = estate();
    List<AllocationInput> inputs = inputs(estate);
    double budget = 1_500;
    long[] planned = SampleAllocator.allocate(inputs, budget);
    long[] uniform = SampleAllocator.proportional(inputs, budget);
    assertThat(sum(planned)).isLessThanOrEqualTo((long) budget).isGreaterThan((long) budget - 10);
    assertThat(sum(uniform)).isLessThanOrEqualTo((long) budget);
    double[] plannedWidth = widths(estate, planned);
    double[] uniformWidth = widths(estate, uniform);
    System.out.printf(
        "interval width, planned vs uniform: mean %.4f vs %.4f, max %.4f vs %.4f%n",
        plannedWidth[0], uniformWidth[0], plannedWidth[1], uniformWidth[1]);
    assertThat(plannedWidth[0]).as("mean width").isLessThan(uniformWidth[0] * 0.8);
    assertThat(plannedWidth[1]).as("max width").isLessThan(uniformWidth[1] * 0.8);
  }

  @Test
  void allocationNeverExceedsTheBudgetOrTheEligibleObjects() {
    List<AllocationInput> inputs = new ArrayList<>();
    Random random = new Random(3);
    for (int i = 0; i < 60; i++) {
      long population = 1 + random.nextInt(500);
      long classified = random.nextInt((int) population + 1);
      long sensitive = classified == 0 ? 0 : random.nextInt((int) classified + 1);
      inputs.add(
          new AllocationInput(
              "b" + (i % 7),
              new StratumCounts(population, classified, sensitive),
              0.01 + random.nextDouble(),
              1 + random.nextDouble()));
    }
    for (double budget : new double[] {0.5, 3, 77.7, 1_000, 1e9}) {
      long[] sample = SampleAllocator.allocate(inputs, budget);
      double spent = 0;
      for (int i = 0; i < sample.length; i++) {
        assertThat(sample[i]).isBetween(0L, inputs.get(i).eligible());
        spent += sample[i] * inputs.get(i).unitCost();
      }
      assertThat(spent).isLessThanOrEqualTo(budget + 1e-9);
    }
    long[] everything = SampleAllocator.allocate(inputs, 1e9);
    for (int i = 0; i < everything.length; i++) {
      assertThat(everything[i]).isEqualTo(inputs.get(i).eligible());
    }
  }

  @Test
  void riskyBucketsGetMoreOfTheBudgetThanTwinsThatAreNot() {
    List<AllocationInput> inputs =
        List.of(
            new AllocationInput("public", new StratumCounts(10_000, 0, 0), 1, 2.0),
            new AllocationInput("private", new StratumCounts(10_000, 0, 0), 1, 1.0));
    long[] sample = SampleAllocator.allocate(inputs, 400);
    assertThat(sample[0]).isGreaterThan(sample[1]);
  }

  // --- the simulated estate: three buckets of very different sizes, strata of known prevalence.

  static final String[] BUCKETS = {"lake", "crm", "hr"};

  record SimStratum(String bucket, int population, int sensitive) {}

  static List<SimStratum> estate() {
    return List.of(
        new SimStratum("lake", 40_000, 400),
        new SimStratum("lake", 20_000, 0),
        new SimStratum("lake", 8_000, 1_600),
        new SimStratum("lake", 2_000, 1_000),
        new SimStratum("crm", 1_500, 150),
        new SimStratum("crm", 600, 300),
        new SimStratum("crm", 300, 0),
        new SimStratum("hr", 250, 100),
        new SimStratum("hr", 150, 15));
  }

  static List<AllocationInput> inputs(List<SimStratum> estate) {
    List<AllocationInput> out = new ArrayList<>();
    for (SimStratum s : estate) {
      out.add(new AllocationInput(s.bucket(), new StratumCounts(s.population(), 0, 0), 1, 1));
    }
    return out;
  }

  static double truth(List<SimStratum> estate, String bucket) {
    double n = 0;
    double k = 0;
    for (SimStratum s : estate) {
      if (s.bucket().equals(bucket)) {
        n += s.population();
        k += s.sensitive();
      }
    }
    return k / n;
  }

  /** One trial: a simple random sample without replacement of each stratum. */
  static List<List<StratumCounts>> draw(List<SimStratum> estate, long[] sample, Random random) {
    List<List<StratumCounts>> byBucket = new ArrayList<>();
    for (String b : BUCKETS) {
      List<StratumCounts> counts = new ArrayList<>();
      for (int i = 0; i < estate.size(); i++) {
        SimStratum s = estate.get(i);
        if (!s.bucket().equals(b)) {
          continue;
        }
        long left = s.population();
        long positives = s.sensitive();
        long found = 0;
        for (long d = 0; d < sample[i]; d++) {
          if (random.nextDouble() * left < positives) {
            found++;
            positives--;
          }
          left--;
        }
        counts.add(new StratumCounts(s.population(), sample[i], found));
      }
      byBucket.add(counts);
    }
    return byBucket;
  }

  /** Mean and max over buckets of the mean interval width over seeded trials. */
  static double[] widths(List<SimStratum> estate, long[] sample) {
    Random random = new Random(11);
    int trials = 300;
    double[] total = new double[BUCKETS.length];
    for (int t = 0; t < trials; t++) {
      List<List<StratumCounts>> counts = draw(estate, sample, random);
      for (int b = 0; b < BUCKETS.length; b++) {
        total[b] +=
            BucketEstimator.estimate(counts.get(b), IntervalMethod.WILSON, CONFIDENCE).width();
      }
    }
    double mean = 0;
    double max = 0;
    for (double w : total) {
      mean += w / trials / BUCKETS.length;
      max = Math.max(max, w / trials);
    }
    return new double[] {mean, max};
  }

  static long sum(long[] xs) {
    long s = 0;
    for (long x : xs) {
      s += x;
    }
    return s;
  }
}
