package io.trawl.jobs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.TrawlException;
import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.access.AccessAnalysis.AnomalyType;
import io.trawl.jobs.access.synthetic.AccessLogGenerator;
import io.trawl.jobs.access.synthetic.AccessLogGenerator.Injected;
import io.trawl.jobs.access.synthetic.AccessLogGenerator.ObjectInfo;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * The access job end to end on generated logs with known injected anomalies: ingestion counts
 * (rejected lines, ignored records, duplicates across sources), the sensitivity join, and precision
 * and recall of every anomaly kind over three seeds. The classification tables are written directly
 * (a few rows) rather than by running classification, to keep the test small.
 */
class AccessJobTest {
  static final long[] SEEDS = {11, 22, 33};

  /** Thresholds for a small estate and ten days of logs (see docs/access.md). */
  static AccessAnalysisConfig config() {
    return AccessAnalysisConfig.fromJson(
        "test", "{\"timeZone\": \"Europe/Berlin\", \"learningDays\": 3, \"bulkObjectReads\": 60}");
  }

  static List<ObjectInfo> estate(String prefix) {
    List<ObjectInfo> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      out.add(
          new ObjectInfo(
              prefix + "acme-hr-exports", "exports/employees-" + i + ".csv", 20_000, "High"));
      out.add(
          new ObjectInfo(prefix + "acme-hr-exports", "policies/doc " + i + ".pdf", 5_000, null));
      out.add(
          new ObjectInfo(
              prefix + "acme-payments",
              "cards/batch-" + i + ".csv",
              30_000,
              i < 4 ? "High" : "Medium"));
      out.add(
          new ObjectInfo(
              prefix + "acme-app-logs",
              "app/2026/11/0" + i + ".log",
              80_000,
              i < 3 ? "Low" : null));
      out.add(
          new ObjectInfo(
              prefix + "acme-public-website", "assets/page-" + i + ".html", 3_000, null));
    }
    out.add(
        new ObjectInfo(prefix + "acme-public-website", "downloads/customers.csv", 9_000, "Medium"));
    return out;
  }

  @Test
  void findsTheInjectedAnomaliesWithHighPrecisionAndRecall() throws Exception {
    // The seeds' estates are disjoint (own account, buckets and principals), so one run over
    // all their logs evaluates them all at the cost of one job.
    SparkSession spark = SharedSpark.session();
    Path home = SharedSpark.newFolder("access");
    TrawlCatalog catalog =
        new TrawlCatalog("access_test", home.resolve("tables").toUri().toString());
    List<Injected> injected = new ArrayList<>();
    long requests = 0;
    int malformed = 0;
    int ignored = 0;
    for (long seed : SEEDS) {
      String account = account(seed);
      List<ObjectInfo> estate = estate("s" + seed + "-");
      writeClassification(spark, catalog, account, estate);
      AccessLogGenerator.Result generated =
          new AccessLogGenerator(
                  estate,
                  new AccessLogGenerator.Options(
                      account,
                      seed,
                      LocalDate.of(2026, 11, 2),
                      10,
                      4,
                      ZoneId.of("Europe/Berlin"),
                      60,
                      3))
              .write(home.resolve("server/" + seed), home.resolve("trail/" + seed));
      injected.addAll(generated.injected());
      requests += generated.requests();
      malformed += generated.malformed();
      ignored += generated.ignored();
    }
    AccessJob.Result r =
        AccessJob.create(
                spark,
                new AccessJob.Settings(
                    catalog,
                    List.of(home.resolve("server").toUri().toString()),
                    List.of(home.resolve("trail").toUri().toString()),
                    "run-1",
                    config(),
                    List.of()))
            .run();
    assertThat(r.rejected()).isEqualTo(malformed);
    assertThat(r.ignored()).isEqualTo(ignored);
    assertThat(r.events()).isGreaterThan(requests);

    List<Row> found =
        DeltaTables.read(spark, catalog, TrawlTable.ACCESS_ANOMALIES)
            .selectExpr("principal", "window_start", "anomaly_types", "reasons", "score")
            .collectAsList();
    Set<String> truth = new HashSet<>();
    for (Injected i : injected) {
      truth.add(i.principal() + "|" + i.windowStart() + "|" + i.kind());
    }
    Map<AnomalyType, int[]> total = new EnumMap<>(AnomalyType.class);
    Set<String> detected = new HashSet<>();
    for (Row row : found) {
      List<String> kinds = row.getList(2);
      assertThat(row.<String>getList(3)).hasSameSizeAs(kinds);
      assertThat(row.getInt(4)).isBetween(1, 100);
      for (String k : kinds) {
        String id = row.getString(0) + "|" + row.getTimestamp(1).toInstant() + "|" + k;
        detected.add(id);
        int[] c = total.computeIfAbsent(AnomalyType.valueOf(k), x -> new int[3]);
        c[truth.contains(id) ? 0 : 1]++;
        if (!truth.contains(id)) {
          System.out.println("false positive: " + id + " " + row.getList(3));
        }
      }
    }
    for (Injected i : injected) {
      int[] c = total.computeIfAbsent(i.kind(), x -> new int[3]);
      if (!detected.contains(i.principal() + "|" + i.windowStart() + "|" + i.kind())) {
        c[2]++;
        System.out.println("missed: " + i);
      }
    }
    checkSensitiveAccess(spark, catalog);
    assertThat(total.keySet()).containsExactlyInAnyOrder(AnomalyType.values());
    for (var e : total.entrySet()) {
      int[] c = e.getValue();
      double precision = c[0] / (double) Math.max(1, c[0] + c[1]);
      double recall = c[0] / (double) Math.max(1, c[0] + c[2]);
      System.out.printf(
          "%-30s precision %.2f recall %.2f (tp %d fp %d fn %d over %d seeds)%n",
          e.getKey(), precision, recall, c[0], c[1], c[2], SEEDS.length);
      assertThat(recall).as("recall of " + e.getKey()).isGreaterThanOrEqualTo(0.9);
      assertThat(precision).as("precision of " + e.getKey()).isGreaterThanOrEqualTo(0.8);
    }
  }

  static String account(long seed) {
    return String.format("%012d", 111100000000L + seed);
  }

  private static void checkSensitiveAccess(SparkSession spark, TrawlCatalog catalog) {
    Dataset<Row> sa = DeltaTables.read(spark, catalog, TrawlTable.SENSITIVE_ACCESS);
    assertThat(sa.filter("severity IS NULL OR finding_type IS NULL OR finding_id IS NULL").count())
        .isZero();
    assertThat(
            sa.filter("key = 'downloads/customers.csv'")
                .selectExpr("first(severity)")
                .first()
                .getString(0))
        .isEqualTo("Medium");
    assertThat(
            sa.filter("cross_account")
                .selectExpr("first(principal_account_id)")
                .first()
                .getString(0))
        .isEqualTo(AccessLogGenerator.PARTNER_ACCOUNT);
    assertThat(sa.filter("anonymous").count()).isPositive();
    // Requests logged by both sources appear once.
    Dataset<Row> events =
        DeltaTables.read(spark, catalog, TrawlTable.ACCESS_EVENTS).filter("source = 'cloudtrail'");
    long both =
        events
            .join(
                DeltaTables.read(spark, catalog, TrawlTable.ACCESS_EVENTS)
                    .filter("source = 'server_access_log'")
                    .selectExpr("request_id AS rid"),
                events.col("request_id").equalTo(org.apache.spark.sql.functions.col("rid")))
            .count();
    assertThat(both).isPositive();
    assertThat(
            sa.groupBy("request_id", "bucket", "key", "operation")
                .count()
                .filter("count > 1")
                .count())
        .isZero();
    Dataset<Row> rejected = DeltaTables.read(spark, catalog, TrawlTable.ACCESS_EVENTS_REJECTED);
    assertThat(rejected.filter("reason IS NULL OR source_file IS NULL").count()).isZero();
    assertThat(rejected.selectExpr("collect_set(source)").first().<String>getList(0))
        .containsExactlyInAnyOrder("server_access_log", "cloudtrail");
  }

  @Test
  void missingLogsAreAOneLineError() {
    Path home = SharedSpark.newFolder("access-missing");
    assertThatThrownBy(
            () ->
                AccessJob.create(
                        SharedSpark.session(),
                        new AccessJob.Settings(
                            TrawlCatalog.local(home),
                            List.of(home.resolve("nope").toUri().toString()),
                            List.of(),
                            "x",
                            AccessAnalysisConfig.defaults(),
                            List.of()))
                    .run())
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("cannot read access logs")
        .hasMessageContaining("nope");
  }

  /** Writes the latest classification (one result per object) and findings for the estate. */
  static void writeClassification(
      SparkSession spark, TrawlCatalog catalog, String account, List<ObjectInfo> objects) {
    List<Row> results = new ArrayList<>();
    List<Row> findings = new ArrayList<>();
    Timestamp at = Timestamp.from(Instant.parse("2026-10-30T12:00:00Z"));
    java.sql.Date day = java.sql.Date.valueOf("2026-10-30");
    int n = 0;
    for (ObjectInfo o : objects) {
      Map<String, Object> v = new HashMap<>();
      v.put("run_id", "classify-1");
      v.put("account_id", account);
      v.put("bucket", o.bucket());
      v.put("key", o.key());
      v.put("size", o.size());
      v.put("status_code", "COMPLETE");
      v.put("sensitive", o.severity() != null);
      v.put("severity", o.severity());
      v.put("finding_type", o.severity() == null ? null : "SensitiveData:S3Object/Personal");
      v.put(
          "severity_score",
          o.severity() == null
              ? null
              : o.severity().equals("High") ? 3 : o.severity().equals("Medium") ? 2 : 1);
      v.put("classified_at", at);
      v.put("run_date", day);
      results.add(row(TrawlTable.CLASSIFICATION_RESULTS, v));
      if (o.severity() != null) {
        Map<String, Object> f = new HashMap<>(v);
        f.put("finding_id", account + "-f-" + n++);
        f.put("type", "SensitiveData:S3Object/Personal");
        f.put("sensitive_data_categories", List.of("PERSONAL_INFORMATION"));
        f.put("archived", false);
        findings.add(row(TrawlTable.FINDINGS, f));
      }
    }
    // An older, not sensitive result of a now-sensitive object must not win.
    Map<String, Object> old = new HashMap<>();
    old.put("run_id", "classify-0");
    old.put("bucket", objects.get(objects.size() - 1).bucket());
    old.put("key", "downloads/customers.csv");
    old.put("sensitive", false);
    old.put("classified_at", Timestamp.from(Instant.parse("2026-10-01T00:00:00Z")));
    old.put("run_date", java.sql.Date.valueOf("2026-10-01"));
    results.add(row(TrawlTable.CLASSIFICATION_RESULTS, old));
    DeltaTables.append(
        spark,
        catalog,
        TrawlTable.CLASSIFICATION_RESULTS,
        frame(spark, TrawlTable.CLASSIFICATION_RESULTS, results));
    DeltaTables.append(
        spark, catalog, TrawlTable.FINDINGS, frame(spark, TrawlTable.FINDINGS, findings));
  }

  private static Row row(TrawlTable table, Map<String, Object> values) {
    StructField[] fields = table.schema().fields();
    Object[] out = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = values.get(fields[i].name());
    }
    return RowFactory.create(out);
  }

  private static Dataset<Row> frame(SparkSession spark, TrawlTable table, List<Row> rows) {
    return spark.createDataFrame(
        rows, (org.apache.spark.sql.types.StructType) table.schema().asNullable());
  }
}
