package io.trawl.jobs.access;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import java.time.DayOfWeek;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * The analysis half of the access job, in Spark SQL so it runs where the data is: access events are
 * de-duplicated across sources, joined with each object's latest classification result and finding
 * ({@link #enrich}), kept where the object is sensitive ({@link #sensitiveAccess}), and aggregated
 * per principal and window into scored, explained anomalies ({@link #anomalies}).
 */
public final class AccessAnalysis {
  /** Kinds of unusual access, as written in {@code access_anomalies.anomaly_types}. */
  public enum AnomalyType {
    /** Reads of High-severity objects far above the principal's own median (MAD-scaled). */
    HIGH_SEVERITY_READ_SPIKE,
    /** Many object reads or bytes in one window. */
    BULK_DOWNLOAD,
    /** Reads of sensitive objects outside business hours by a principal that works in them. */
    OFF_HOURS_ACCESS,
    /** A principal reading sensitive objects in a bucket it was never seen on before. */
    NEW_PRINCIPAL_ON_BUCKET,
    /** Sensitive objects read from a source network never seen before on that bucket. */
    NEW_NETWORK_ON_BUCKET,
    /** Unauthenticated reads of sensitive objects. */
    ANONYMOUS_SENSITIVE_READ,
    /** Reads of sensitive objects by a principal of another account. */
    CROSS_ACCOUNT_SENSITIVE_READ,
    /** A burst of AccessDenied over many keys: someone trying what they may read. */
    ACCESS_DENIED_PROBING
  }

  private final SparkSession spark;
  private final TrawlCatalog catalog;
  private final AccessAnalysisConfig c;

  /** An analysis reading classification results from {@code catalog}. */
  public AccessAnalysis(SparkSession spark, TrawlCatalog catalog, AccessAnalysisConfig config) {
    this.spark = spark;
    this.catalog = catalog;
    this.c = config;
  }

  /**
   * Each object's sensitivity from its latest classification result (the newest {@code
   * classified_at}), with its finding if it has one.
   */
  public Dataset<Row> latestSensitivity() {
    DeltaTables.ensureTable(spark, catalog, TrawlTable.CLASSIFICATION_RESULTS);
    DeltaTables.ensureTable(spark, catalog, TrawlTable.FINDINGS);
    Dataset<Row> results =
        DeltaTables.read(spark, catalog, TrawlTable.CLASSIFICATION_RESULTS)
            .withColumn(
                "rn",
                functions
                    .row_number()
                    .over(
                        Window.partitionBy("bucket", "key")
                            .orderBy(col("classified_at").desc_nulls_last(), col("run_id").desc())))
            .filter("rn = 1 AND sensitive")
            .select(
                col("account_id").as("object_account_id"),
                col("bucket").as("s_bucket"),
                col("key").as("s_key"),
                col("run_id").as("classification_run_id"),
                col("finding_type"),
                col("severity"),
                col("severity_score"),
                expr("array_distinct(transform(detections, d -> d.type))").as("identifier_types"));
    Dataset<Row> findings =
        DeltaTables.read(spark, catalog, TrawlTable.FINDINGS)
            .select(
                col("run_id").as("f_run_id"),
                col("bucket").as("f_bucket"),
                col("key").as("f_key"),
                col("finding_id"),
                col("sensitive_data_categories"),
                col("archived").as("finding_archived"));
    return results.join(
        findings,
        col("classification_run_id")
            .equalTo(col("f_run_id"))
            .and(col("s_bucket").equalTo(col("f_bucket")))
            .and(col("s_key").equalTo(col("f_key"))),
        "left");
  }

  /**
   * Access events with duplicates across sources dropped (the same request ID, bucket, key and
   * operation logged by both; CloudTrail's copy is kept), the object's sensitivity, and the derived
   * columns the anomalies need: {@code actor}, {@code window_start}, {@code object_read}, {@code
   * sensitive}, {@code cross_account}, {@code business_hours}, {@code denied}, {@code
   * new_principal}, {@code new_network}.
   */
  public Dataset<Row> enrich(Dataset<Row> events) {
    Dataset<Row> deduped =
        events
            .withColumn(
                "dup",
                functions
                    .row_number()
                    .over(
                        Window.partitionBy("request_id", "bucket", "key", "operation")
                            .orderBy(col("source").asc(), col("source_position").asc())))
            .filter("request_id IS NULL OR dup = 1")
            .drop("dup");
    Dataset<Row> e =
        deduped.join(
            latestSensitivity(),
            col("bucket").equalTo(col("s_bucket")).and(col("key").equalTo(col("s_key"))),
            "left");
    long windowSeconds = c.windowMinutes() * 60L;
    String owners =
        c.ownerAccountIds().stream()
            .map(a -> "'" + a.replace("'", "") + "'")
            .collect(Collectors.joining(","));
    String days =
        c.businessDays().stream()
            .map(d -> String.valueOf(sparkDayOfWeek(d)))
            .collect(Collectors.joining(","));
    String zone = c.timeZone().replace("'", "");
    e =
        e.withColumn("sensitive", expr("severity IS NOT NULL"))
            .withColumn(
                "object_read",
                expr(
                    "operation = 'GetObject' AND error_code IS NULL"
                        + " AND (http_status IS NULL OR http_status < 300)"))
            .withColumn("sensitive_read", expr("sensitive AND object_read"))
            .withColumn("high_read", expr("sensitive_read AND severity = 'High'"))
            .withColumn("owner_account_id", expr("coalesce(bucket_account_id, object_account_id)"))
            .withColumn(
                "cross_account",
                expr(
                    "NOT anonymous AND principal_account_id IS NOT NULL AND ("
                        + "(owner_account_id IS NOT NULL AND principal_account_id !="
                        + " owner_account_id)"
                        + (owners.isEmpty()
                            ? ""
                            : " OR principal_account_id NOT IN (" + owners + ")")
                        + ")"))
            .withColumn(
                "actor",
                expr(
                    "CASE WHEN anonymous THEN concat('ANONYMOUS_PRINCIPAL@',"
                        + " coalesce(source_network, source_ip, 'unknown')) ELSE principal END"))
            .withColumn(
                "window_start",
                expr(
                    "timestamp_seconds(floor(unix_seconds(event_time) / "
                        + windowSeconds
                        + ") * "
                        + windowSeconds
                        + ")"))
            .withColumn("local_time", expr("from_utc_timestamp(event_time, '" + zone + "')"))
            .withColumn(
                "business_hours",
                expr(
                    "dayofweek(local_time) IN ("
                        + days
                        + ") AND hour(local_time) >= "
                        + c.businessHoursStart()
                        + " AND hour(local_time) < "
                        + c.businessHoursEnd()))
            .withColumn(
                "denied", expr("error_code = 'AccessDenied' OR coalesce(http_status, 0) = 403"));
    Row span = events.selectExpr("min(event_time)").first();
    java.sql.Timestamp first = span.isNullAt(0) ? new java.sql.Timestamp(0) : span.getTimestamp(0);
    java.sql.Timestamp learningEnd =
        new java.sql.Timestamp(first.getTime() + c.learningDays() * 86_400_000L);
    Dataset<Row> principalFirst =
        e.filter("NOT anonymous")
            .groupBy(col("principal").as("pf_principal"), col("bucket").as("pf_bucket"))
            .agg(functions.min("event_time").as("principal_first_seen"));
    Dataset<Row> networkFirst =
        e.filter("source_network IS NOT NULL")
            .groupBy(col("source_network").as("nf_network"), col("bucket").as("nf_bucket"))
            .agg(functions.min("event_time").as("network_first_seen"));
    return e.join(
            principalFirst,
            col("principal")
                .equalTo(col("pf_principal"))
                .and(col("bucket").equalTo(col("pf_bucket"))),
            "left")
        .join(
            networkFirst,
            col("source_network")
                .equalTo(col("nf_network"))
                .and(col("bucket").equalTo(col("nf_bucket"))),
            "left")
        .withColumn(
            "new_principal",
            col("sensitive_read")
                .and(functions.not(col("anonymous")))
                .and(col("principal_first_seen").geq(lit(learningEnd)))
                .and(col("principal_first_seen").geq(col("window_start"))))
        .withColumn(
            "new_network",
            col("sensitive_read")
                .and(functions.not(col("anonymous")))
                .and(col("network_first_seen").geq(lit(learningEnd)))
                .and(col("network_first_seen").geq(col("window_start"))));
  }

  /** Rows of {@code sensitive_access}: enriched events on sensitive objects. */
  public Dataset<Row> sensitiveAccess(Dataset<Row> enriched) {
    return enriched
        .filter("sensitive")
        .selectExpr(
            "run_id",
            "source",
            "request_id",
            "event_time",
            "owner_account_id AS account_id",
            "bucket",
            "key",
            "operation",
            "object_read",
            "principal",
            "principal_type",
            "principal_account_id",
            "anonymous",
            "cross_account",
            "source_ip",
            "source_network",
            "user_agent",
            "authentication_type",
            "error_code",
            "bytes_sent",
            "classification_run_id",
            "finding_id",
            "finding_type",
            "severity",
            "severity_score",
            "identifier_types",
            "sensitive_data_categories",
            "finding_archived",
            "event_date");
  }

  /** Rows of {@code access_anomalies}: windows with at least one anomaly, with scores. */
  public Dataset<Row> anomalies(Dataset<Row> enriched) {
    Dataset<Row> windows =
        enriched
            .groupBy("run_id", "actor", "window_start")
            .agg(
                functions.first("principal_type", true).as("principal_type"),
                functions.first("principal_account_id", true).as("principal_account_id"),
                functions.count(lit(1)).as("requests"),
                sumIf("object_read").as("object_reads"),
                expr("count(DISTINCT CASE WHEN object_read THEN concat(bucket, '/', key) END)")
                    .as("distinct_objects_read"),
                expr("coalesce(sum(bytes_sent), 0)").as("bytes_sent"),
                sumIf("sensitive_read").as("sensitive_reads"),
                sumIf("high_read").as("high_severity_reads"),
                sumIf("denied").as("access_denied"),
                expr("count(DISTINCT CASE WHEN denied THEN concat(bucket, '/', coalesce(key, '')) END)")
                    .as("denied_keys"),
                sumIf("sensitive_read AND NOT business_hours").as("off_hours_sensitive_reads"),
                expr("max(CASE WHEN business_hours THEN 0 ELSE 1 END)").as("off_hours_window"),
                sumIf("sensitive_read AND anonymous").as("anonymous_sensitive_reads"),
                sumIf("sensitive_read AND cross_account").as("cross_account_sensitive_reads"),
                sumIf("new_principal").as("new_principal_reads"),
                sumIf("new_network").as("new_network_reads"),
                expr("array_sort(collect_set(CASE WHEN new_principal THEN bucket END))")
                    .as("new_principal_buckets"),
                expr("array_sort(collect_set(CASE WHEN new_network THEN source_network END))")
                    .as("new_networks"),
                expr("array_sort(collect_set(CASE WHEN new_network THEN bucket END))")
                    .as("new_network_buckets"),
                expr("array_sort(collect_set(CASE WHEN sensitive_read AND cross_account THEN owner_account_id END))")
                    .as("foreign_owner_accounts"),
                expr("array_sort(collect_set(bucket))").as("buckets"),
                expr("array_sort(collect_set(source_network))").as("source_networks"),
                expr("slice(array_sort(collect_set(CASE WHEN sensitive_read THEN"
                        + " concat(bucket, '/', key) END)), 1, 5)")
                    .as("sample_keys"));
    Dataset<Row> medians =
        windows
            .groupBy(col("actor").as("b_actor"))
            .agg(
                functions.count(lit(1)).as("baseline_windows"),
                expr("percentile(high_severity_reads, 0.5)").as("baseline_median"),
                expr("avg(off_hours_window)").as("off_hours_share"));
    Dataset<Row> withMedian =
        windows.join(medians, col("actor").equalTo(col("b_actor"))).drop("b_actor");
    Dataset<Row> mads =
        withMedian
            .groupBy(col("actor").as("m_actor"))
            .agg(
                expr("percentile(abs(high_severity_reads - baseline_median), 0.5)")
                    .as("baseline_mad"));
    Dataset<Row> w = withMedian.join(mads, col("actor").equalTo(col("m_actor"))).drop("m_actor");
    w =
        w.withColumn("spike_scale", expr("greatest(1.4826 * baseline_mad, 1.0)"))
            .withColumn("spike_z", expr("(high_severity_reads - baseline_median) / spike_scale"))
            .withColumn(
                "is_spike",
                expr(
                    "baseline_windows >= "
                        + c.minBaselineWindows()
                        + " AND high_severity_reads >= "
                        + c.spikeMinReads()
                        + " AND spike_z > "
                        + c.spikeMadMultiplier()))
            .withColumn(
                "is_bulk",
                expr(
                    "object_reads >= "
                        + c.bulkObjectReads()
                        + " OR bytes_sent >= "
                        + c.bulkBytes()))
            .withColumn(
                "is_off_hours",
                expr(
                    "off_hours_sensitive_reads > 0 AND baseline_windows >= "
                        + c.minBaselineWindows()
                        + " AND off_hours_share <= "
                        + c.offHoursMaxShare()))
            .withColumn("is_new_principal", expr("new_principal_reads > 0"))
            .withColumn("is_new_network", expr("new_network_reads > 0"))
            .withColumn("is_anonymous", expr("anonymous_sensitive_reads > 0"))
            .withColumn("is_cross_account", expr("cross_account_sensitive_reads > 0"))
            .withColumn(
                "is_probing",
                expr(
                    "access_denied >= "
                        + c.probingMinDenied()
                        + " AND denied_keys >= "
                        + c.probingMinDistinctKeys()
                        + " AND access_denied >= requests * "
                        + c.probingMinDeniedShare()));
    String hours =
        String.format(
            Locale.ROOT,
            "%02d:00-%02d:00 %s on %s",
            c.businessHoursStart(),
            c.businessHoursEnd(),
            c.timeZone(),
            c.businessDays().stream()
                .map(d -> d.name().substring(0, 3))
                .collect(Collectors.joining(",")));
    w =
        w.withColumn(
                "kinds",
                expr(
                    "filter(array("
                        + kind("is_spike", AnomalyType.HIGH_SEVERITY_READ_SPIKE)
                        + ", "
                        + kind("is_bulk", AnomalyType.BULK_DOWNLOAD)
                        + ", "
                        + kind("is_off_hours", AnomalyType.OFF_HOURS_ACCESS)
                        + ", "
                        + kind("is_new_principal", AnomalyType.NEW_PRINCIPAL_ON_BUCKET)
                        + ", "
                        + kind("is_new_network", AnomalyType.NEW_NETWORK_ON_BUCKET)
                        + ", "
                        + kind("is_anonymous", AnomalyType.ANONYMOUS_SENSITIVE_READ)
                        + ", "
                        + kind("is_cross_account", AnomalyType.CROSS_ACCOUNT_SENSITIVE_READ)
                        + ", "
                        + kind("is_probing", AnomalyType.ACCESS_DENIED_PROBING)
                        + "), x -> x IS NOT NULL)"))
            .filter("size(kinds) > 0")
            .withColumn(
                "reasons",
                expr(
                    "filter(array("
                        + "CASE WHEN is_spike THEN format_string('read %d High-severity objects in"
                        + " this window; its own median is %.1f (MAD %.1f) over %d active windows,"
                        + " %.1f robust deviations above', high_severity_reads, baseline_median,"
                        + " baseline_mad, baseline_windows, CAST(spike_z AS DOUBLE)) END, "
                        + "CASE WHEN is_bulk THEN format_string('bulk download: %d object reads (%d"
                        + " distinct objects), %d bytes sent in one window; thresholds "
                        + c.bulkObjectReads()
                        + " reads or "
                        + c.bulkBytes()
                        + " bytes', object_reads, distinct_objects_read, bytes_sent) END, "
                        + "CASE WHEN is_off_hours THEN format_string('read %d sensitive objects"
                        + " outside business hours ("
                        + hours
                        + "); only %.0f%% of its %d active windows are outside them',"
                        + " off_hours_sensitive_reads, CAST(off_hours_share * 100 AS DOUBLE), baseline_windows) END, "
                        + "CASE WHEN is_new_principal THEN format_string('never seen before on"
                        + " bucket %s, then read %d sensitive objects there',"
                        + " array_join(new_principal_buckets, ', '), new_principal_reads) END, "
                        + "CASE WHEN is_new_network THEN format_string('read %d sensitive objects"
                        + " from network %s, never seen before on bucket %s', new_network_reads,"
                        + " array_join(new_networks, ', '), array_join(new_network_buckets, ', '))"
                        + " END, "
                        + "CASE WHEN is_anonymous THEN format_string('anonymous (unauthenticated)"
                        + " reads of %d sensitive objects', anonymous_sensitive_reads) END, "
                        + "CASE WHEN is_cross_account THEN format_string('principal of account %s"
                        + " read %d sensitive objects owned by account %s',"
                        + " coalesce(principal_account_id, '?'), cross_account_sensitive_reads,"
                        + " array_join(foreign_owner_accounts, ', ')) END, "
                        + "CASE WHEN is_probing THEN format_string('%d requests denied"
                        + " (AccessDenied) on %d distinct keys, %.0f%% of its %d requests in this"
                        + " window', access_denied, denied_keys, CAST(access_denied * 100.0 / requests AS DOUBLE),"
                        + " requests) END"
                        + "), x -> x IS NOT NULL)"))
            .withColumn(
                "kind_scores",
                expr(
                    "filter(array("
                        + "CAST(CASE WHEN is_spike THEN least(85.0, 45.0 + 2.0 * spike_z) END AS DOUBLE), "
                        + "CAST(CASE WHEN is_bulk THEN least(85.0, 50.0 + 10.0 * greatest(object_reads / "
                        + c.bulkObjectReads()
                        + ", bytes_sent / "
                        + c.bulkBytes()
                        + ")) END AS DOUBLE), "
                        + "CAST(CASE WHEN is_off_hours THEN 30.0 END AS DOUBLE), "
                        + "CAST(CASE WHEN is_new_principal THEN 40.0 END AS DOUBLE), "
                        + "CAST(CASE WHEN is_new_network THEN 35.0 END AS DOUBLE), "
                        + "CAST(CASE WHEN is_anonymous THEN 90.0 END AS DOUBLE), "
                        + "CAST(CASE WHEN is_cross_account THEN 70.0 END AS DOUBLE), "
                        + "CAST(CASE WHEN is_probing THEN least(80.0, 40.0 + access_denied) END AS DOUBLE)"
                        + "), x -> x IS NOT NULL)"))
            .withColumn(
                "score",
                expr(
                    "CAST(round(100.0 - 100.0 * aggregate(kind_scores, CAST(1.0 AS DOUBLE),"
                        + " (acc, s) -> acc * (1.0 - s / 100.0))) AS INT)"));
    return w.selectExpr(
        "run_id",
        "actor AS principal",
        "principal_type",
        "principal_account_id",
        "window_start",
        "window_start + make_interval(0, 0, 0, 0, 0, " + c.windowMinutes() + ", 0) AS window_end",
        "score",
        "kinds AS anomaly_types",
        "reasons",
        "buckets",
        "source_networks",
        "requests",
        "object_reads",
        "distinct_objects_read",
        "bytes_sent",
        "sensitive_reads",
        "high_severity_reads",
        "CAST(baseline_median AS DOUBLE) AS baseline_median",
        "CAST(baseline_mad AS DOUBLE) AS baseline_mad",
        "baseline_windows",
        "access_denied",
        "sample_keys",
        "to_date(window_start) AS window_date");
  }

  private static Column sumIf(String condition) {
    return expr("CAST(count(CASE WHEN " + condition + " THEN 1 END) AS BIGINT)");
  }

  private static String kind(String flag, AnomalyType type) {
    return "CASE WHEN " + flag + " THEN '" + type.name() + "' END";
  }

  /** Spark's dayofweek: 1 = Sunday ... 7 = Saturday. */
  private static int sparkDayOfWeek(DayOfWeek d) {
    return d.getValue() % 7 + 1;
  }
}
