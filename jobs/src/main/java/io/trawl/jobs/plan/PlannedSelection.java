package io.trawl.jobs.plan;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.trawl.TrawlErrors;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.jobs.classify.CostModel;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The objects a sampling plan picks ({@code trawl classify --plan ID}): from the plan's own
 * inventory snapshots, the objects not classified when the plan was made, ordered within each
 * stratum by {@code xxhash64(plan id, bucket, key)} (random-looking, but the same plan always picks
 * the same objects), the first {@code sample_size} of them. For GB and $ budgets the running bytes
 * or cost of the picks also stays within the stratum's {@code expected_bytes} or {@code
 * expected_cost_usd}, so a run never spends more than its plan, whatever the sizes of the objects
 * the hash happens to pick.
 */
public final class PlannedSelection {
  private PlannedSelection() {}

  /** Rows of {@code objects} (its columns only) that plan {@code planId} classifies. */
  public static Dataset<Row> select(
      SparkSession spark, TrawlCatalog catalog, String planId, CostModel cost) {
    Dataset<Row> plan =
        spark
            .read()
            .format("delta")
            .load(catalog.tablePath(TrawlTable.SAMPLING_PLANS))
            .where(col("plan_id").equalTo(planId));
    List<Row> meta = plan.select("created_at", "budget_unit").limit(1).collectAsList();
    if (meta.isEmpty()) {
      throw TrawlErrors.invalidArgument(
          "no sampling plan '%s' in %s (make one with trawl plan)",
          planId, catalog.qualifiedName(TrawlTable.SAMPLING_PLANS));
    }
    Timestamp created = meta.get(0).getTimestamp(0);
    Budget.Unit unit = Budget.Unit.valueOf(meta.get(0).getString(1));

    Dataset<Row> objects = spark.read().format("delta").load(catalog.tablePath(TrawlTable.OBJECTS));
    List<String> columns = List.of(objects.columns());
    Dataset<Row> snapshots =
        plan.select(col("bucket").as("p_bucket"), col("snapshot_id").as("p_snapshot")).distinct();
    objects =
        objects.join(
            snapshots,
            objects
                .col("bucket")
                .equalTo(snapshots.col("p_bucket"))
                .and(objects.col("snapshot_id").equalTo(snapshots.col("p_snapshot"))),
            "left_semi");
    Dataset<Row> o =
        Strata.withKnown(Strata.withStratum(objects), Strata.knownVersions(spark, catalog, created))
            .where(col("r_bucket").isNull())
            .drop("r_bucket", "r_key", "r_etag", "r_size", "r_classified", "r_sensitive");
    Dataset<Row> targets =
        plan.where(col("sample_size").gt(0))
            .select(
                col("bucket").as("t_bucket"),
                col("prefix").as("t_prefix"),
                col("extension").as("t_extension"),
                col("size_band").as("t_size_band"),
                col("sample_size"),
                col("expected_bytes"),
                col("expected_cost_usd"));
    Dataset<Row> candidates =
        o.join(
            targets,
            o.col("bucket")
                .equalTo(targets.col("t_bucket"))
                .and(o.col("prefix").equalTo(targets.col("t_prefix")))
                .and(o.col("extension").equalTo(targets.col("t_extension")))
                .and(o.col("size_band").equalTo(targets.col("t_size_band"))));
    WindowSpec order =
        Window.partitionBy("bucket", "prefix", "extension", "size_band")
            .orderBy(xxhash64(lit(planId), col("bucket"), col("key")), col("key"));
    WindowSpec running = order.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> ranked =
        candidates
            .withColumn("p_rank", row_number().over(order))
            .withColumn(
                "p_bytes",
                sum(org.apache.spark.sql.functions.coalesce(col("size"), lit(0L))).over(running))
            .withColumn("p_cost", sum(objectCost(cost)).over(running));
    Column picked = col("p_rank").leq(col("sample_size"));
    if (unit == Budget.Unit.GB) {
      picked = picked.and(col("p_bytes").leq(col("expected_bytes")));
    } else if (unit == Budget.Unit.USD) {
      // A relative epsilon: the plan's cost was summed in another order.
      picked = picked.and(col("p_cost").leq(col("expected_cost_usd").multiply(1 + 1e-9)));
    }
    return ranked
        .where(picked)
        .select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /** The buckets in which plan {@code planId} samples something (an error if no such plan). */
  public static List<String> buckets(SparkSession spark, TrawlCatalog catalog, String planId) {
    io.trawl.catalog.DeltaTables.ensureAll(spark, catalog);
    List<Row> rows =
        spark
            .read()
            .format("delta")
            .load(catalog.tablePath(TrawlTable.SAMPLING_PLANS))
            .where(col("plan_id").equalTo(planId))
            .groupBy("bucket")
            .agg(sum("sample_size").as("n"))
            .orderBy("bucket")
            .collectAsList();
    if (rows.isEmpty()) {
      throw TrawlErrors.invalidArgument(
          "no sampling plan '%s' in %s (make one with trawl plan)",
          planId, catalog.qualifiedName(TrawlTable.SAMPLING_PLANS));
    }
    List<String> out =
        rows.stream().filter(r -> r.getLong(1) > 0).map(r -> r.getString(0)).toList();
    return out.isEmpty() ? List.of(rows.get(0).getString(0)) : out;
  }

  /** The cost model's estimate for one object, as a column. */
  static Column objectCost(CostModel cost) {
    Column size = org.apache.spark.sql.functions.coalesce(col("size"), lit(0L)).cast("double");
    Column kms =
        when(
                col("encryption_status").isin("SSE-KMS", "DSSE-KMS"),
                lit(cost.kmsPerTenThousand() / 10_000.0))
            .otherwise(lit(0.0));
    Column seconds =
        lit(1.0 / cost.smallObjectsPerSecondPerVcpu())
            .plus(size.divide(1e6 * cost.mbPerSecondPerVcpu()));
    return lit(cost.getPerThousand() / 1000.0)
        .plus(kms)
        .plus(seconds.divide(3600.0).multiply(cost.vcpuHour()));
  }
}
