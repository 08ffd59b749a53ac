package io.trawl.jobs.plan;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.TrawlException;
import io.trawl.catalog.SessionCatalogRegistrar;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.detection.EngineConfig;
import io.trawl.detection.ManagedDataIdentifiers;
import io.trawl.extraction.ExtractionLimits;
import io.trawl.jobs.classify.ClassificationJob;
import io.trawl.jobs.classify.ClassificationJobDefinition;
import io.trawl.jobs.classify.CostModel;
import io.trawl.jobs.testing.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * plan, classify --plan and discover on a tiny folder estate of three buckets of different sizes:
 * budgets hold, plans are deterministic, and the tables say what happened. Tests run in order
 * because later ones build on earlier results.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanningEndToEndTest {
  static final String SSN = "536-22-8426";
  static SparkSession spark;
  static Pipeline pipeline;
  static TrawlCatalog catalog;
  static final CostModel COST = CostModel.defaults();

  @BeforeAll
  static void estate() throws IOException {
    spark = SharedSpark.session();
    Path root = SharedSpark.newFolder("planning");
    Path estate = root.resolve("estate");
    for (int i = 0; i < 24; i++) {
      String dir = i % 2 == 0 ? "logs" : "exports";
      String ext = i % 3 == 0 ? "csv" : "txt";
      String body = i % 4 == 0 ? "name,ssn\nJane Roe," + SSN + "\n" : "nothing here " + i + "\n";
      write(estate, "lake/" + dir + "/f" + i + "." + ext, body);
    }
    for (int i = 0; i < 6; i++) {
      write(estate, "hr/staff" + i + ".txt", i % 2 == 0 ? "SSN: " + SSN + "\n" : "fine\n");
    }
    write(estate, "web/index.txt", "hello\n");
    write(estate, "web/about.txt", "about us\n");
    catalog = new TrawlCatalog("planning", root.resolve("tables").toUri().toString());
    pipeline = new Pipeline(spark, catalog);
    pipeline.inventory(List.of(estate.toUri().toString()), List.of());
  }

  static void write(Path estate, String path, String content) throws IOException {
    Path p = estate.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  static SamplingPlanner.Settings settings(String budget, String planId) {
    return new SamplingPlanner.Settings(
        catalog,
        Budget.parse(budget),
        0.95,
        IntervalMethod.WILSON,
        planId,
        List.of(),
        COST,
        List.of(new SessionCatalogRegistrar(spark)));
  }

  static ClassificationJob.Result classifyPlan(String planId, String runId) {
    ClassificationJobDefinition job =
        AutomatedDiscovery.discoveryJob(
            Pipeline.ACCOUNT, PlannedSelection.buckets(spark, catalog, planId));
    EngineConfig engine =
        new EngineConfig(
            job.effectiveSelector().resolve(List.of(), ManagedDataIdentifiers.load()),
            List.of(),
            List.of(),
            Pipeline.HASH_KEY);
    return ClassificationJob.create(
            spark,
            new ClassificationJob.Settings(
                catalog,
                job,
                engine,
                ExtractionLimits.defaults(),
                runId,
                null,
                "us-east-1",
                Pipeline.ACCOUNT,
                2,
                60_000,
                COST,
                List.of(),
                planId))
        .run();
  }

  static Set<String> keysOf(String runId) {
    Set<String> out = new HashSet<>();
    for (Row r :
        pipeline
            .table(TrawlTable.CLASSIFICATION_RESULTS)
            .where(col("run_id").equalTo(runId))
            .select("bucket", "key")
            .collectAsList()) {
      out.add(r.getString(0) + "/" + r.getString(1));
    }
    return out;
  }

  @Test
  @Order(1)
  void aPlanSpendsTheObjectBudgetOnEveryBucketAndWritesOneRowPerStratum() {
    SamplingPlanner.Plan plan = SamplingPlanner.plan(spark, settings("12objects", "p1"));
    assertThat(plan.sampleObjects()).isEqualTo(12);
    assertThat(plan.budgetUsed()).isEqualTo(12);
    assertThat(plan.buckets())
        .extracting(SamplingPlanner.BucketPlan::bucket)
        .containsExactly("hr", "lake", "web");
    // Small buckets are not starved: every bucket gets a sample.
    assertThat(plan.buckets()).allSatisfy(b -> assertThat(b.sampleObjects()).isPositive());
    // Tiny files: GET requests dominate, so Macie's per-byte price is the lower one here.
    assertThat(plan.trawlCostUsd()).isPositive();
    assertThat(plan.macieCostUsd()).isEqualTo(COST.macieCost((double) plan.sampleBytes()));
    List<Row> rows =
        pipeline
            .table(TrawlTable.SAMPLING_PLANS)
            .where(col("plan_id").equalTo("p1"))
            .collectAsList();
    // lake: {logs, exports} x {csv, txt}; hr and web: one stratum each; all below 16 KB.
    assertThat(rows).hasSize(6);
    assertThat(rows.stream().mapToLong(r -> r.<Long>getAs("sample_size")).sum()).isEqualTo(12);
    Row lakeLogsCsv =
        rows.stream()
            .filter(
                r ->
                    r.getAs("bucket").equals("lake")
                        && r.getAs("prefix").equals("logs")
                        && r.getAs("extension").equals("csv"))
            .findFirst()
            .orElseThrow();
    assertThat(lakeLogsCsv.<String>getAs("size_band")).isEqualTo("<16KB");
    assertThat(lakeLogsCsv.<Long>getAs("population_objects")).isEqualTo(4);
    assertThat(lakeLogsCsv.<Long>getAs("already_classified")).isZero();
    assertThat(lakeLogsCsv.<Object>getAs("bucket_estimate")).isNull();
    assertThat(lakeLogsCsv.<Double>getAs("bucket_lower")).isZero();
    assertThat(lakeLogsCsv.<Double>getAs("bucket_upper")).isEqualTo(1.0);
    assertThat(lakeLogsCsv.<scala.collection.Seq<String>>getAs("priority_reasons").mkString(","))
        .contains("unsampled");
    assertThat(lakeLogsCsv.<String>getAs("budget")).isEqualTo("12objects");
    assertThat(lakeLogsCsv.<String>getAs("snapshot_id")).isNotBlank();
    assertThat(spark.sql("SELECT count(*) FROM planning.sampling_plans").first().getLong(0))
        .isEqualTo(6);
  }

  @Test
  @Order(2)
  void classifyingAPlanIsDeterministicAndRecordsThePlanAndItsCost() {
    Set<String> before = selected("p1");
    ClassificationJob.Result first = classifyPlan("p1", "p1-run-a");
    assertThat(first.objectsInScope()).isEqualTo(12);
    assertThat(keysOf("p1-run-a")).hasSize(12).isEqualTo(before);
    // Results written after the plan was made do not change what it picks: a rerun redoes them.
    assertThat(selected("p1")).isEqualTo(before);
    Row run = pipeline.table(TrawlTable.JOB_RUNS).where(col("run_id").equalTo("p1-run-a")).first();
    assertThat(run.<String>getAs("plan_id")).isEqualTo("p1");
    assertThat(run.<String>getAs("status")).isEqualTo("COMPLETE");
    assertThat(run.<Double>getAs("estimated_cost_usd")).isPositive();
    assertThat(run.<Double>getAs("macie_cost_usd")).isPositive();
    assertThatThrownBy(() -> PlannedSelection.buckets(spark, catalog, "no-such-plan"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("no sampling plan 'no-such-plan'");
  }

  @Test
  @Order(3)
  void discoveryStaysWithinAByteBudgetAndSamplesOnlyWhatIsNotKnownYet() {
    Set<String> known = keysOf("p1-run-a");
    // The estate's files are 5 to 30 bytes: 150 bytes buys a handful of them.
    AutomatedDiscovery.Result r = AutomatedDiscovery.run(spark, discovery("0.00000015GB", "d1"));
    assertThat(r.withinBudget()).isTrue();
    assertThat(r.run()).isNotNull();
    assertThat(r.run().bytesInScope()).isPositive().isLessThanOrEqualTo(150);
    assertThat(r.plan().sampleBytes()).isLessThanOrEqualTo(150);
    Set<String> picked = keysOf("d1");
    assertThat(picked).isNotEmpty().doesNotContainAnyElementsOf(known);
    // What p1 learnt is now part of the plan: classified counts and a bucket estimate.
    Row hr =
        pipeline
            .table(TrawlTable.SAMPLING_PLANS)
            .where(col("plan_id").equalTo("d1").and(col("bucket").equalTo("hr")))
            .first();
    assertThat(hr.<Long>getAs("already_classified")).isPositive();
    assertThat(hr.<Double>getAs("bucket_estimate")).isNotNull();
    assertThat(hr.<Double>getAs("bucket_upper")).isLessThan(1.0);
    Row job = pipeline.table(TrawlTable.JOB_RUNS).where(col("run_id").equalTo("d1")).first();
    assertThat(job.<String>getAs("job_name")).isEqualTo(AutomatedDiscovery.JOB_NAME);
    assertThat(job.<String>getAs("job_definition")).contains("RECOMMENDED");
    assertThat(
            pipeline.table(TrawlTable.BUCKET_PROFILES).where(col("run_id").equalTo("d1")).count())
        .isPositive();
    assertThat(r.macieMonitoringUsd()).isPositive();
    assertThat(PlanReport.discovery(r)).contains("within budget", "Macie");
  }

  @Test
  @Order(4)
  void aDollarBudgetCapsWhatThePlanPicks() {
    // About $5e-7 per tiny object with the default model: $0.000002 buys a few.
    SamplingPlanner.Plan plan = SamplingPlanner.plan(spark, settings("$0.000002", "d2"));
    assertThat(plan.trawlCostUsd()).isPositive().isLessThanOrEqualTo(0.000002);
    double spent =
        PlannedSelection.select(spark, catalog, "d2", COST)
            .select(PlannedSelection.objectCost(COST).as("c"))
            .agg(org.apache.spark.sql.functions.sum("c"))
            .first()
            .getDouble(0);
    assertThat(spent).isPositive().isLessThanOrEqualTo(0.000002);
    assertThat(selected("d2")).hasSizeBetween(1, 4);
    assertThat(PlanReport.plan(plan)).contains("hr", "lake", "web", "estimated cost $");
  }

  static Set<String> selected(String planId) {
    Set<String> out = new HashSet<>();
    for (Row r :
        PlannedSelection.select(spark, catalog, planId, COST)
            .select("bucket", "key")
            .collectAsList()) {
      out.add(r.getString(0) + "/" + r.getString(1));
    }
    return out;
  }

  static AutomatedDiscovery.Settings discovery(String budget, String planId) {
    return new AutomatedDiscovery.Settings(
        settings(budget, planId),
        Pipeline.HASH_KEY,
        ExtractionLimits.defaults(),
        "us-east-1",
        Pipeline.ACCOUNT,
        2,
        60_000);
  }
}
