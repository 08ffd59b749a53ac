package io.trawl.jobs.plan;

import java.util.Locale;

/** Plain-text summaries of plans and discovery runs for the CLI. */
public final class PlanReport {
  private PlanReport() {}

  /** A per-bucket table and the plan's total cost beside Macie's. */
  public static String plan(SamplingPlanner.Plan p) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "plan %s (budget %s): %d strata, %,d objects and %,d bytes to classify%n",
            p.planId(),
            p.budget().text(),
            p.strata(),
            p.sampleObjects(),
            p.sampleBytes()));
    b.append(
        String.format(
            Locale.ROOT,
            "%-24s %10s %10s %9s %13s %10s  %-22s %-22s%n",
            "bucket",
            "objects",
            "classified",
            "sample",
            "sample bytes",
            "cost $",
            "prevalence now",
            "after the sample"));
    for (SamplingPlanner.BucketPlan x : p.buckets()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-24s %,10d %,10d %,9d %,13d %10.6f  %-22s %-22s%n",
              x.bucket(),
              x.objects(),
              x.classified(),
              x.sampleObjects(),
              x.sampleBytes(),
              x.trawlCostUsd(),
              interval(x.current()),
              interval(x.projected())));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "estimated cost $%.6f (Macie for the same bytes: $%.4f); budget used %.6g of %s%n",
            p.trawlCostUsd(),
            p.macieCostUsd(),
            p.budgetUsed(),
            p.budget().text()));
    return b.toString();
  }

  /** A discovery run: its plan, what was classified, and the costs. */
  public static String discovery(AutomatedDiscovery.Result r) {
    StringBuilder b = new StringBuilder(plan(r.plan()));
    if (r.run() == null) {
      b.append("nothing left to classify within the budget: no run\n");
    } else {
      b.append(
          String.format(
              Locale.ROOT,
              "discovery run %s: %,d objects classified, %,d skipped, %,d sensitive; %,d bytes"
                  + " classified%n",
              r.run().runId(),
              r.run().objectsClassified(),
              r.run().objectsSkipped(),
              r.run().objectsSensitive(),
              r.run().bytesClassified()));
      b.append(
          String.format(
              Locale.ROOT,
              "spent %.6g of %s (%s); estimated cost $%.6f, Macie: $%.4f for the bytes + $%.4f"
                  + " object monitoring for the day%n",
              r.spent(),
              r.plan().budget().text(),
              r.withinBudget() ? "within budget" : "OVER BUDGET",
              r.run().estimatedCostUsd(),
              r.run().macieCostUsd(),
              r.macieMonitoringUsd()));
    }
    return b.toString();
  }

  private static String interval(PrevalenceInterval i) {
    if (!i.known()) {
      return String.format(Locale.ROOT, "? [%.3f, %.3f]", i.lower(), i.upper());
    }
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.estimate(), i.lower(), i.upper());
  }
}
