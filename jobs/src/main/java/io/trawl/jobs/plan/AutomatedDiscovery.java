package io.trawl.jobs.plan;

import io.trawl.catalog.TableRegistrar;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.detection.EngineConfig;
import io.trawl.detection.ManagedDataIdentifiers;
import io.trawl.extraction.ExtractionLimits;
import io.trawl.jobs.classify.ClassificationJob;
import io.trawl.jobs.classify.ClassificationJobDefinition;
import io.trawl.jobs.classify.CostModel;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * Macie's automated sensitive data discovery as one daily job ({@code trawl discover}): plan within
 * the budget, classify the picked objects with the automated-discovery default identifiers (Macie's
 * RECOMMENDED set, no custom identifiers, no allow lists), which refreshes {@code bucket_profiles},
 * and report what was spent beside what Macie would charge.
 */
public final class AutomatedDiscovery {
  /** The name of the job discovery runs, as Macie names its sensitivity inspection template. */
  public static final String JOB_NAME = "automated-sensitive-data-discovery";

  /**
   * A discovery run's settings.
   *
   * @param plan what and how to plan (its plan id is also the run id)
   * @param hashKey the secret of the keyed hash of matched values
   */
  public record Settings(
      SamplingPlanner.Settings plan,
      String hashKey,
      ExtractionLimits limits,
      String region,
      String accountId,
      int partitions,
      long progressIntervalMillis) {}

  /**
   * What a discovery run did.
   *
   * @param spent what the run's picks cost against the budget, in the budget's unit
   * @param macieMonitoringUsd Macie's object monitoring for the objects in the plan, for one day
   */
  public record Result(
      SamplingPlanner.Plan plan,
      ClassificationJob.Result run,
      double spent,
      boolean withinBudget,
      double macieMonitoringUsd) {}

  private AutomatedDiscovery() {}

  /** Plans, classifies and reports. */
  public static Result run(SparkSession spark, Settings s) {
    SamplingPlanner.Plan plan = SamplingPlanner.plan(spark, s.plan());
    if (plan.sampleObjects() == 0) {
      // Nothing left to learn within this budget: no run, nothing spent.
      return new Result(plan, null, 0, true, monitoring(plan, s.plan().cost()));
    }
    ClassificationJobDefinition job =
        discoveryJob(
            s.accountId(),
            plan.buckets().stream()
                .filter(b -> b.sampleObjects() > 0)
                .map(SamplingPlanner.BucketPlan::bucket)
                .toList());
    EngineConfig engine =
        new EngineConfig(
            job.effectiveSelector().resolve(List.of(), ManagedDataIdentifiers.load()),
            List.of(),
            List.of(),
            s.hashKey());
    TrawlCatalog catalog = s.plan().catalog();
    List<TableRegistrar> registrars = s.plan().registrars();
    ClassificationJob.Result r =
        ClassificationJob.create(
                spark,
                new ClassificationJob.Settings(
                    catalog,
                    job,
                    engine,
                    s.limits(),
                    plan.planId(),
                    null,
                    s.region(),
                    s.accountId(),
                    s.partitions(),
                    s.progressIntervalMillis(),
                    s.plan().cost(),
                    registrars,
                    plan.planId()))
            .run();
    double spent = spent(plan.budget(), r, s.plan().cost(), spark, catalog, plan.planId());
    return new Result(
        plan,
        r,
        spent,
        spent <= plan.budget().amount() * (1 + 1e-9),
        monitoring(plan, s.plan().cost()));
  }

  /** The job automated discovery runs: every plan bucket, the RECOMMENDED managed identifiers. */
  public static ClassificationJobDefinition discoveryJob(String accountId, List<String> buckets) {
    String names =
        buckets.stream()
            .map(b -> "\"" + b.replace("\"", "") + "\"")
            .collect(Collectors.joining(","));
    return ClassificationJobDefinition.parse(
        JOB_NAME,
        "{\"name\":\""
            + JOB_NAME
            + "\",\"jobType\":\"ONE_TIME\",\"managedDataIdentifierSelector\":\"RECOMMENDED\","
            + "\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\""
            + accountId
            + "\",\"buckets\":["
            + names
            + "]}]}}");
  }

  /** What a plan's run spent, in the budget's unit, from the objects it selected. */
  static double spent(
      Budget budget,
      ClassificationJob.Result r,
      CostModel cost,
      SparkSession spark,
      TrawlCatalog catalog,
      String planId) {
    return switch (budget.unit()) {
      case OBJECTS -> r.objectsInScope();
      case GB -> r.bytesInScope() / CostModel.GB;
      case USD ->
          PlannedSelection.select(spark, catalog, planId, cost)
              .select(PlannedSelection.objectCost(cost).as("c"))
              .agg(org.apache.spark.sql.functions.sum("c"))
              .first()
              .getDouble(0);
    };
  }

  private static double monitoring(SamplingPlanner.Plan plan, CostModel cost) {
    long objects = plan.buckets().stream().mapToLong(SamplingPlanner.BucketPlan::objects).sum();
    return cost.macieMonitoringCost(objects, 1);
  }
}
