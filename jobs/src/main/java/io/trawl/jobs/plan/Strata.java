package io.trawl.jobs.plan;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.jobs.classify.ClassificationJob;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How objects fall into strata (bucket x top-level prefix x extension x size band) and what is
 * already known about them; shared by the planner and by {@code classify --plan} so both see the
 * same strata and the same objects.
 */
final class Strata {
  /** The stratum's columns besides the bucket. */
  static final List<String> KEY = List.of("bucket", "prefix", "extension", "size_band");

  /** Storage classes Macie cannot read (macie.md 7.1): never sampled, as in Macie. */
  static final List<String> UNCLASSIFIABLE_STORAGE =
      List.of("GLACIER", "DEEP_ARCHIVE", "EXPRESS_ONEZONE", "OUTPOSTS");

  private Strata() {}

  /** The size band of an object: four bands whose costs differ by orders of magnitude. */
  static Column sizeBand() {
    return expr(
        "CASE WHEN coalesce(size, 0) < 16384 THEN '<16KB' WHEN size < 1048576 THEN '16KB-1MB'"
            + " WHEN size < 67108864 THEN '1MB-64MB' ELSE '>=64MB' END");
  }

  /** Objects with their stratum columns, without the ones Macie would never select. */
  static Dataset<Row> withStratum(Dataset<Row> objects) {
    return objects
        .where(
            col("storage_class")
                .isNull()
                .or(not(col("storage_class").isin(UNCLASSIFIABLE_STORAGE.toArray()))))
        .withColumn(
            "prefix",
            when(expr("instr(key, '/') > 1"), expr("substring_index(key, '/', 1)"))
                .otherwise(lit("")))
        .withColumn("size_band", sizeBand());
  }

  /** The latest snapshot of each bucket, optionally only these buckets. */
  static Dataset<Row> latestObjects(
      SparkSession spark, TrawlCatalog catalog, List<String> buckets) {
    Dataset<Row> objects = spark.read().format("delta").load(catalog.tablePath(TrawlTable.OBJECTS));
    if (buckets != null && !buckets.isEmpty()) {
      objects = objects.where(col("bucket").isin(buckets.toArray()));
    }
    Dataset<Row> latest =
        objects.groupBy(col("bucket").as("l_bucket")).agg(max("snapshot_time").as("l_t"));
    return objects
        .join(
            latest,
            objects
                .col("bucket")
                .equalTo(latest.col("l_bucket"))
                .and(objects.col("snapshot_time").equalTo(latest.col("l_t"))))
        .drop("l_bucket", "l_t");
  }

  /**
   * What past runs learnt, per object version (bucket, key, etag, size): {@code r_sensitive} if any
   * analysis found sensitive data, {@code r_done} if it was classified or skipped for a reason that
   * will not change (unsupported type, say); objects skipped for reasons that may pass (access,
   * keys) stay eligible. Only results written before {@code before} count, when given.
   */
  static Dataset<Row> knownVersions(SparkSession spark, TrawlCatalog catalog, Timestamp before) {
    Dataset<Row> results =
        spark.read().format("delta").load(catalog.tablePath(TrawlTable.CLASSIFICATION_RESULTS));
    if (before != null) {
      results = results.where(col("classified_at").lt(lit(before)));
    }
    Column classified = col("status_code").notEqual("SKIPPED");
    Column retried = col("status_reason").isin(ClassificationJob.RETRIED_REASONS.toArray());
    return results
        .where(classified.or(not(retried)).or(col("status_reason").isNull()))
        .groupBy(
            col("bucket").as("r_bucket"),
            col("key").as("r_key"),
            col("etag").as("r_etag"),
            col("size").as("r_size"))
        .agg(
            max(when(classified, lit(1)).otherwise(lit(0))).as("r_classified"),
            max(when(classified.and(col("sensitive")), lit(1)).otherwise(lit(0)))
                .as("r_sensitive"));
  }

  /** Objects joined with what is known of their current version (null columns when nothing). */
  static Dataset<Row> withKnown(Dataset<Row> objects, Dataset<Row> known) {
    return objects.join(
        known,
        objects
            .col("bucket")
            .equalTo(known.col("r_bucket"))
            .and(objects.col("key").equalTo(known.col("r_key")))
            .and(objects.col("etag").eqNullSafe(known.col("r_etag")))
            .and(objects.col("size").eqNullSafe(known.col("r_size"))),
        "left");
  }
}
