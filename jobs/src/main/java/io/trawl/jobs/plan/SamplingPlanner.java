package io.trawl.jobs.plan;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.trawl.TrawlErrors;
import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TableRegistrar;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.jobs.classify.CostModel;
import io.trawl.jobs.spark.Rows;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a sampling plan ({@code trawl plan}): strata from the latest inventory, what past results
 * say about each, an allocation of the budget that narrows every bucket's prevalence interval most
 * (see {@link SampleAllocator}), and one {@code sampling_plans} row per stratum.
 */
public final class SamplingPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(SamplingPlanner.class);

  /** Priority of a stratum with objects that changed since they were classified. */
  static final double CHANGED_WEIGHT = 1.5;

  /**
   * What to plan.
   *
   * @param planId the plan to (re)write; null for a new {@code plan-<utc time>}
   * @param buckets only these buckets; empty for every bucket in the inventory
   * @param confidence the intervals' confidence level (default 0.95)
   * @param method the interval method (default Wilson)
   */
  public record Settings(
      TrawlCatalog catalog,
      Budget budget,
      double confidence,
      IntervalMethod method,
      String planId,
      List<String> buckets,
      CostModel cost,
      List<TableRegistrar> registrars) {
    public Settings {
      if (!(confidence > 0 && confidence < 1)) {
        throw TrawlErrors.invalidArgument(
            "--confidence must be between 0 and 1, got %s", confidence);
      }
      buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }
  }

  /**
   * One bucket of a plan.
   *
   * @param current the bucket's prevalence interval from what is known now
   * @param projected the interval expected once the sample is classified, if each stratum's sample
   *     shows its current rate (a forecast, not a promise)
   */
  public record BucketPlan(
      String bucket,
      long objects,
      long bytes,
      long classified,
      long sampleObjects,
      long sampleBytes,
      double trawlCostUsd,
      double macieCostUsd,
      Integer exposureScore,
      PrevalenceInterval current,
      PrevalenceInterval projected) {}

  /** A plan's totals and buckets. */
  public record Plan(
      String planId,
      Budget budget,
      Instant createdAt,
      List<BucketPlan> buckets,
      long strata,
      long sampleObjects,
      long sampleBytes,
      double trawlCostUsd,
      double macieCostUsd,
      double budgetUsed) {}

  private SamplingPlanner() {}

  /** Builds, writes and returns the plan. */
  public static Plan plan(SparkSession spark, Settings s) {
    Instant created = Instant.now();
    String planId =
        s.planId() != null
            ? s.planId()
            : "plan-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC)
                    .format(created);
    DeltaTables.ensureAll(spark, s.catalog());
    List<Row> strata = strata(spark, s);
    if (strata.isEmpty()) {
      throw TrawlErrors.invalidArgument(
          "nothing to plan: no classifiable objects in the inventory%s (run trawl inventory first)",
          s.buckets().isEmpty() ? "" : " for buckets " + s.buckets());
    }
    Map<String, Integer> exposure = exposureScores(spark, s.catalog());

    List<AllocationInput> inputs = new ArrayList<>();
    List<Double> meanBytes = new ArrayList<>();
    List<Double> kmsFraction = new ArrayList<>();
    for (Row r : strata) {
      String bucket = r.getAs("bucket");
      long population = r.<Long>getAs("population_objects");
      long classified = r.<Long>getAs("already_classified");
      long eligible = population - classified;
      double mean = eligible == 0 ? 0 : r.<Long>getAs("eligible_bytes") / (double) eligible;
      double kms = eligible == 0 ? 0 : r.<Long>getAs("eligible_kms") / (double) eligible;
      meanBytes.add(mean);
      kmsFraction.add(kms);
      double weight = 1 + exposure.getOrDefault(bucket, 0) / 100.0;
      if (r.<Long>getAs("changed_objects") > 0) {
        weight *= CHANGED_WEIGHT;
      }
      // Empty objects cost nothing in bytes; a tiny floor keeps the gain per unit finite.
      double unit = Math.max(s.budget().unitsPerObject(mean, kms, s.cost()), 1e-12);
      inputs.add(
          new AllocationInput(
              bucket,
              new StratumCounts(population, classified, r.<Long>getAs("already_sensitive")),
              unit,
              weight));
    }
    double budgetUnits = s.budget().amount();
    long[] sample = SampleAllocator.allocate(inputs, budgetUnits);

    Map<String, List<StratumCounts>> now = new TreeMap<>();
    Map<String, List<StratumCounts>> after = new TreeMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      StratumCounts c = inputs.get(i).counts();
      now.computeIfAbsent(inputs.get(i).bucket(), k -> new ArrayList<>()).add(c);
      double rate = c.classified() == 0 ? 0 : c.sensitive() / (double) c.classified();
      long expectedSensitive = c.sensitive() + Math.round(sample[i] * rate);
      after
          .computeIfAbsent(inputs.get(i).bucket(), k -> new ArrayList<>())
          .add(new StratumCounts(c.population(), c.classified() + sample[i], expectedSensitive));
    }
    Map<String, PrevalenceInterval> bucketNow = new HashMap<>();
    Map<String, PrevalenceInterval> bucketAfter = new HashMap<>();
    now.forEach(
        (b, l) -> bucketNow.put(b, BucketEstimator.estimate(l, s.method(), s.confidence())));
    after.forEach(
        (b, l) -> bucketAfter.put(b, BucketEstimator.estimate(l, s.method(), s.confidence())));

    StructType schema = TrawlTable.SAMPLING_PLANS.schema();
    List<Row> rows = new ArrayList<>();
    Map<String, long[]> perBucket = new LinkedHashMap<>();
    Map<String, double[]> perBucketCost = new LinkedHashMap<>();
    long totalObjects = 0;
    long totalBytes = 0;
    double totalCost = 0;
    double used = 0;
    for (int i = 0; i < strata.size(); i++) {
      Row r = strata.get(i);
      AllocationInput in = inputs.get(i);
      String bucket = in.bucket();
      long n = sample[i];
      // Rounded down: a GB budget caps the picks at this many bytes, and it must not round up.
      long bytes = (long) Math.floor(n * meanBytes.get(i) + 1e-6);
      double trawl = n == 0 ? 0 : s.cost().trawlCost(n, bytes, n * kmsFraction.get(i));
      double macie = s.cost().macieCost((double) bytes);
      totalObjects += n;
      totalBytes += bytes;
      totalCost += trawl;
      used += n * in.unitCost();
      long[] b = perBucket.computeIfAbsent(bucket, k -> new long[5]);
      b[0] += in.counts().population();
      b[1] += r.<Long>getAs("population_bytes");
      b[2] += in.counts().classified();
      b[3] += n;
      b[4] += bytes;
      double[] bc = perBucketCost.computeIfAbsent(bucket, k -> new double[2]);
      bc[0] += trawl;
      bc[1] += macie;

      PrevalenceInterval stratum = in.counts().interval(s.method(), s.confidence());
      PrevalenceInterval whole = bucketNow.get(bucket);
      Map<String, Object> v = new HashMap<>();
      v.put("plan_id", planId);
      v.put("account_id", r.getAs("account_id"));
      v.put("bucket", bucket);
      v.put("prefix", r.getAs("prefix"));
      v.put("extension", r.getAs("extension"));
      v.put("size_band", r.getAs("size_band"));
      v.put("population_objects", in.counts().population());
      v.put("population_bytes", r.getAs("population_bytes"));
      v.put("already_classified", in.counts().classified());
      v.put("already_sensitive", in.counts().sensitive());
      v.put("changed_objects", r.getAs("changed_objects"));
      v.put("sample_size", n);
      v.put("expected_bytes", bytes);
      v.put("expected_cost_usd", trawl);
      v.put("macie_cost_usd", macie);
      v.put("stratum_estimate", stratum.known() ? stratum.estimate() : null);
      v.put("stratum_lower", stratum.lower());
      v.put("stratum_upper", stratum.upper());
      v.put("bucket_estimate", whole.known() ? whole.estimate() : null);
      v.put("bucket_lower", whole.lower());
      v.put("bucket_upper", whole.upper());
      v.put("interval_method", s.method().name());
      v.put("confidence", s.confidence());
      v.put("exposure_score", exposure.get(bucket));
      v.put(
          "priority_reasons",
          reasons(in, r.<Long>getAs("changed_objects"), exposure.get(bucket), n));
      v.put("snapshot_id", r.getAs("snapshot_id"));
      v.put("budget", s.budget().text());
      v.put("budget_unit", s.budget().unit().name());
      v.put("budget_amount", s.budget().amount());
      v.put("created_at", Timestamp.from(created));
      v.put("plan_date", Date.valueOf(created.atZone(ZoneOffset.UTC).toLocalDate()));
      rows.add(Rows.of(schema, v));
    }
    DeltaTables.replaceRun(
        spark, s.catalog(), TrawlTable.SAMPLING_PLANS, planId, spark.createDataFrame(rows, schema));
    for (TableRegistrar reg : s.registrars()) {
      reg.register(s.catalog(), TrawlTable.SAMPLING_PLANS);
    }

    List<BucketPlan> buckets = new ArrayList<>();
    perBucket.forEach(
        (b, x) ->
            buckets.add(
                new BucketPlan(
                    b,
                    x[0],
                    x[1],
                    x[2],
                    x[3],
                    x[4],
                    perBucketCost.get(b)[0],
                    perBucketCost.get(b)[1],
                    exposure.get(b),
                    bucketNow.get(b),
                    bucketAfter.get(b))));
    buckets.sort(java.util.Comparator.comparing(BucketPlan::bucket));
    Plan plan =
        new Plan(
            planId,
            s.budget(),
            created,
            buckets,
            strata.size(),
            totalObjects,
            totalBytes,
            totalCost,
            s.cost().macieCost((double) totalBytes),
            used);
    LOG.info(
        "plan {}: {} strata, {} objects, {} bytes to classify; estimated ${} (Macie ${})",
        planId,
        strata.size(),
        totalObjects,
        totalBytes,
        totalCost,
        plan.macieCostUsd());
    return plan;
  }

  /** Why a stratum is favoured (or not), in words. */
  static List<String> reasons(AllocationInput in, long changed, Integer exposure, long sample) {
    List<String> out = new ArrayList<>();
    if (in.counts().classified() == 0) {
      out.add("unsampled");
    }
    if (changed > 0) {
      out.add(changed + " objects changed since classified");
    }
    if (exposure != null && exposure > 0) {
      out.add("exposure score " + exposure);
    }
    if (in.eligible() == 0) {
      out.add("fully classified");
    } else if (sample == 0) {
      out.add("budget spent where it narrows intervals more");
    } else if (out.isEmpty()) {
      out.add("narrows the bucket's interval");
    }
    return out;
  }

  /** One row per stratum of the latest inventory, with what is known of it. */
  private static List<Row> strata(SparkSession spark, Settings s) {
    Dataset<Row> objects =
        Strata.withStratum(Strata.latestObjects(spark, s.catalog(), s.buckets()));
    Dataset<Row> known = Strata.knownVersions(spark, s.catalog(), null);
    Dataset<Row> seen =
        spark
            .read()
            .format("delta")
            .load(s.catalog().tablePath(TrawlTable.CLASSIFICATION_RESULTS))
            .select(col("bucket").as("s_bucket"), col("key").as("s_key"))
            .distinct();
    Dataset<Row> o = Strata.withKnown(objects, known);
    o =
        o.join(
                seen,
                o.col("bucket")
                    .equalTo(seen.col("s_bucket"))
                    .and(o.col("key").equalTo(seen.col("s_key"))),
                "left")
            // Skipped for good (unsupported type, say): not part of what sampling can learn.
            .where(coalesce(col("r_classified"), lit(1)).equalTo(1));
    return o.groupBy(
            Strata.KEY.stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .agg(
            first("account_id", true).as("account_id"),
            first("snapshot_id").as("snapshot_id"),
            count(lit(1)).as("population_objects"),
            coalesce(sum("size"), lit(0L)).as("population_bytes"),
            sum(when(col("r_classified").equalTo(1), 1L).otherwise(0L)).as("already_classified"),
            sum(when(col("r_sensitive").equalTo(1), 1L).otherwise(0L)).as("already_sensitive"),
            sum(when(col("r_bucket").isNull().and(col("s_bucket").isNotNull()), 1L).otherwise(0L))
                .as("changed_objects"),
            sum(when(col("r_bucket").isNull(), coalesce(col("size"), lit(0L))).otherwise(0L))
                .as("eligible_bytes"),
            sum(when(
                        col("r_bucket")
                            .isNull()
                            .and(col("encryption_status").isin("SSE-KMS", "DSSE-KMS")),
                        1L)
                    .otherwise(0L))
                .as("eligible_kms"))
        .orderBy(
            Strata.KEY.stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList();
  }

  /** Each bucket's latest exposure score from bucket_risk, when that table has rows. */
  static Map<String, Integer> exposureScores(SparkSession spark, TrawlCatalog catalog) {
    Map<String, Integer> out = new HashMap<>();
    Dataset<Row> risk =
        spark.read().format("delta").load(catalog.tablePath(TrawlTable.BUCKET_RISK));
    Dataset<Row> latest =
        risk.groupBy(col("bucket").as("l_bucket")).agg(max("updated_at").as("l_t"));
    for (Row r :
        risk.join(
                latest,
                risk.col("bucket")
                    .equalTo(latest.col("l_bucket"))
                    .and(risk.col("updated_at").equalTo(latest.col("l_t"))))
            .where(col("exposure_score").isNotNull())
            .select("bucket", "exposure_score")
            .collectAsList()) {
      out.merge(r.getString(0), r.getInt(1), Math::max);
    }
    return out;
  }
}
