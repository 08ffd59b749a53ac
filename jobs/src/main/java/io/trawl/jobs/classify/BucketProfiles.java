package io.trawl.jobs.classify;

import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.jobs.score.BucketSettings;
import io.trawl.jobs.score.ResourceProfiles;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Per-bucket statistics of a run, in the spirit of Macie's GetResourceProfile: objects and bytes
 * classified, sensitive and skipped (and why), detections and identifier types, against the
 * bucket's size in the latest inventory; and the bucket's resource profile so far (all runs) with
 * its sensitivity score ({@link ResourceProfiles}).
 */
final class BucketProfiles {
  private BucketProfiles() {}

  static void write(
      SparkSession spark, TrawlCatalog catalog, RunContext run, Dataset<Row> results) {
    spark
        .read()
        .format("delta")
        .load(catalog.tablePath(TrawlTable.OBJECTS))
        .createOrReplaceTempView("trawl_all_objects");
    // Macie's resource profile (everything analysed so far, not only this run) and its score, for
    // the buckets this run looked at.
    List<String> buckets =
        results.select("bucket").distinct().as(Encoders.STRING()).collectAsList();
    Map<String, ResourceProfiles.Profile> current =
        ResourceProfiles.compute(spark, catalog, BucketSettings.latest(spark, catalog), buckets);
    results.createOrReplaceTempView("trawl_run_results");
    ResourceProfiles.columns(spark, current.values()).createOrReplaceTempView("trawl_run_profiles");
    Dataset<Row> profiles =
        spark.sql(
            "WITH latest AS (SELECT bucket, max(snapshot_time) t FROM trawl_all_objects GROUP BY"
                + " bucket), inv AS (SELECT o.bucket, count(*) objects_total,"
                + " coalesce(sum(o.size), 0) bytes_total FROM trawl_all_objects o JOIN latest l ON"
                + " o.bucket = l.bucket AND o.snapshot_time = l.t GROUP BY o.bucket), types AS"
                + " (SELECT bucket, d.type type, sum(d.count) cnt FROM trawl_run_results LATERAL"
                + " VIEW explode(detections) e AS d GROUP BY bucket, d.type), ranked AS (SELECT"
                + " bucket, collect_list(named_struct('type', type, 'count', cnt)) top FROM"
                + " (SELECT *, row_number() OVER (PARTITION BY bucket ORDER BY cnt DESC, type) rn"
                + " FROM types) WHERE rn <= 5 GROUP BY bucket), agg AS (SELECT"
                + " first(account_id) account_id, bucket,"
                + " sum(CASE WHEN status_code != 'SKIPPED' THEN 1 ELSE 0 END) objects_classified,"
                + " sum(size_classified) bytes_classified,"
                + " sum(CASE WHEN sensitive THEN 1 ELSE 0 END) objects_sensitive,"
                + " sum(CASE WHEN sensitive THEN size ELSE 0 END) bytes_sensitive,"
                + " sum(CASE WHEN status_code = 'SKIPPED' THEN 1 ELSE 0 END) objects_skipped,"
                + " sum(CASE WHEN status_reason = 'PERMISSION_DENIED' THEN 1 ELSE 0 END)"
                + " objects_skipped_permission_denied,"
                + " sum(CASE WHEN status_reason = 'INVALID_ENCRYPTION' THEN 1 ELSE 0 END)"
                + " objects_skipped_invalid_encryption,"
                + " sum(CASE WHEN status_reason = 'INVALID_KMS_KEY' THEN 1 ELSE 0 END)"
                + " objects_skipped_invalid_kms,"
                + " sum(total_detections) total_detections,"
                + " array_sort(array_distinct(flatten(collect_list(transform(detections, d ->"
                + " d.type))))) identifier_types,"
                + " max(severity_score) max_score FROM trawl_run_results GROUP BY bucket)"
                + " SELECT '"
                + run.runId()
                + "' run_id, a.account_id, a.bucket, coalesce(i.objects_total, 0) objects_total,"
                + " coalesce(i.bytes_total, 0) bytes_total, a.objects_classified,"
                + " a.bytes_classified, a.objects_sensitive, a.bytes_sensitive, a.objects_skipped,"
                + " a.objects_skipped_permission_denied, a.objects_skipped_invalid_encryption,"
                + " a.objects_skipped_invalid_kms, a.total_detections, a.identifier_types,"
                + " coalesce(r.top, array()) top_identifier_types,"
                + " CASE a.max_score WHEN 3 THEN 'High' WHEN 2 THEN 'Medium' WHEN 1 THEN 'Low'"
                + " END highest_severity, p.sensitivity_score, p.sensitivity_label,"
                + " p.sensitivity_score_overridden, p.sensitivity_reasons,"
                + " p.profile_objects_classified, p.profile_bytes_classified,"
                + " p.profile_objects_sensitive, p.profile_objects_skipped,"
                + " p.profile_objects_skipped_permission_denied,"
                + " p.profile_objects_skipped_invalid_encryption,"
                + " p.profile_objects_skipped_invalid_kms, p.profile_objects_failed,"
                + " p.profile_detections, p.profile_detections_suppressed,"
                + " p.profile_identifier_types, p.suppressed_identifier_types,"
                + " current_timestamp() updated_at, DATE '"
                + run.runDate()
                + "' run_date FROM agg a LEFT JOIN inv i ON a.bucket = i.bucket LEFT JOIN ranked r"
                + " ON a.bucket = r.bucket LEFT JOIN trawl_run_profiles p ON a.bucket = p.bucket");
    DeltaTables.replaceRun(spark, catalog, TrawlTable.BUCKET_PROFILES, run.runId(), profiles);
    spark.catalog().dropTempView("trawl_run_results");
    spark.catalog().dropTempView("trawl_all_objects");
    spark.catalog().dropTempView("trawl_run_profiles");
  }
}
