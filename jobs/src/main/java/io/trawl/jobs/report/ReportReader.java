package io.trawl.jobs.report;

import static org.apache.spark.sql.functions.col;

import io.trawl.TrawlErrors;
import io.trawl.jobs.report.ReportData.BucketStats;
import io.trawl.jobs.report.ReportData.ComplianceStatus;
import io.trawl.jobs.report.ReportData.IdentifierStats;
import io.trawl.jobs.report.ReportData.PosturePoint;
import io.trawl.jobs.report.ReportData.RemediationItem;
import io.trawl.jobs.report.ReportData.RunSeverity;
import io.trawl.jobs.report.ReportData.RunSummary;
import io.trawl.jobs.report.ReportData.SensitiveObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads what the report shows from the catalog with a handful of small aggregate queries (the
 * report never collects whole tables). Tables and views written by later stages (bucket_risk, the
 * compliance views) may not exist yet; the report then says so instead of failing.
 */
public final class ReportReader {
  /** Rows of the remediation and "where to look first" tables. */
  static final int TOP_ROWS = 10;

  /** Severity and risk words ranked, any case: CRITICAL 4 ... LOW 1, else 0. */
  private static final String RANK =
      "CASE upper(%s) WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2"
          + " WHEN 'LOW' THEN 1 ELSE 0 END";

  private final SparkSession spark;
  private final String database;

  /** A reader of the tables of {@code database}. */
  public ReportReader(SparkSession spark, String database) {
    this.spark = spark;
    this.database = database;
  }

  /**
   * Reads the report of a classification run.
   *
   * @param runId the run to describe; null for the latest run in job_runs
   * @throws io.trawl.TrawlException if the database has no run (or not this one)
   */
  public ReportData read(String runId) {
    if (!spark.catalog().databaseExists(database) || !exists("job_runs")) {
      throw TrawlErrors.invalidArgument(
          "database %s has no job_runs table: run trawl classify (or trawl demo) first", database);
    }
    RunSummary run = run(runId);
    return new ReportData(
        database,
        run,
        buckets(run.runId()),
        identifierTypes(run.runId()),
        severityByRun(),
        posture(),
        exists("compliance_summary") && exists("compliance_violations") ? compliance() : null,
        exists("compliance_summary") && exists("compliance_violations") ? remediation() : List.of(),
        topObjects(run.runId()),
        Instant.now());
  }

  private RunSummary run(String runId) {
    Dataset<Row> runs = table("job_runs");
    if (runId != null) {
      runs = runs.where(col("run_id").equalTo(runId));
    }
    List<Row> rows =
        runs.orderBy(col("started_at").desc_nulls_last(), col("run_id").desc())
            .selectExpr(
                "run_id",
                "job_name",
                "status",
                "started_at",
                "coalesce(objects_classified, 0)",
                "coalesce(objects_sensitive, 0)",
                "coalesce(bytes_classified, 0)",
                "coalesce(findings, 0)")
            .limit(1)
            .collectAsList();
    if (rows.isEmpty()) {
      throw runId == null
          ? TrawlErrors.invalidArgument(
              "database %s has no classification run yet: run trawl classify first", database)
          : TrawlErrors.invalidArgument(
              "no run %s in %s.job_runs: list the runs with trawl sql \"SELECT run_id FROM"
                  + " job_runs\"",
              runId, database);
    }
    Row r = rows.get(0);
    return new RunSummary(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        instant(r.get(3)),
        r.getLong(4),
        r.getLong(5),
        r.getLong(6),
        r.getLong(7));
  }

  private List<BucketStats> buckets(String runId) {
    List<BucketStats> out = new ArrayList<>();
    for (Row r :
        table("bucket_profiles")
            .where(col("run_id").equalTo(runId))
            .selectExpr(
                "bucket",
                "coalesce(objects_classified, 0) oc",
                "coalesce(objects_sensitive, 0) os",
                "coalesce(bytes_total, bytes_classified, 0) bt",
                "coalesce(bytes_sensitive, 0) bs",
                "highest_severity",
                "sensitivity_score")
            .orderBy(col("os").desc(), col("bs").desc(), col("bucket"))
            .collectAsList()) {
      out.add(
          new BucketStats(
              r.getString(0),
              r.getLong(1),
              r.getLong(2),
              r.getLong(3),
              r.getLong(4),
              r.getString(5),
              r.isNullAt(6) ? null : r.getInt(6)));
    }
    return out;
  }

  private List<IdentifierStats> identifierTypes(String runId) {
    List<IdentifierStats> out = new ArrayList<>();
    for (Row r :
        table("detections")
            .where(col("run_id").equalTo(runId))
            .groupBy("type")
            .agg(
                org.apache.spark.sql.functions.expr("max(category) category"),
                org.apache.spark.sql.functions.expr("count(DISTINCT bucket, key) objects"),
                org.apache.spark.sql.functions.expr("coalesce(sum(count), 0) occurrences"))
            .orderBy(col("objects").desc(), col("occurrences").desc(), col("type"))
            .collectAsList()) {
      out.add(new IdentifierStats(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3)));
    }
    return out;
  }

  private List<RunSeverity> severityByRun() {
    String sql =
        "SELECT j.run_id, j.started_at,"
            + " coalesce(sum(CASE WHEN f.severity = 'High' THEN 1 ELSE 0 END), 0),"
            + " coalesce(sum(CASE WHEN f.severity = 'Medium' THEN 1 ELSE 0 END), 0),"
            + " coalesce(sum(CASE WHEN f.severity = 'Low' THEN 1 ELSE 0 END), 0)"
            + " FROM "
            + name("job_runs")
            + " j LEFT JOIN "
            + name("findings")
            + " f ON f.run_id = j.run_id AND NOT coalesce(f.archived, false)"
            + " GROUP BY j.run_id, j.started_at ORDER BY j.started_at, j.run_id";
    List<RunSeverity> out = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      out.add(
          new RunSeverity(
              r.getString(0), instant(r.get(1)), r.getLong(2), r.getLong(3), r.getLong(4)));
    }
    return out;
  }

  private List<PosturePoint> posture() {
    if (!exists("bucket_risk")) {
      return List.of();
    }
    List<Row> latest =
        table("bucket_risk")
            .orderBy(col("run_date").desc_nulls_last(), col("updated_at").desc_nulls_last())
            .select("run_id")
            .limit(1)
            .collectAsList();
    if (latest.isEmpty()) {
      return List.of();
    }
    List<PosturePoint> out = new ArrayList<>();
    for (Row r :
        table("bucket_risk")
            .where(col("run_id").equalTo(latest.get(0).getString(0)))
            .where("sensitivity_score IS NOT NULL AND exposure_score IS NOT NULL")
            .selectExpr("bucket", "sensitivity_score", "exposure_score", "risk_score", "risk_level")
            .orderBy(col("risk_score").desc_nulls_last(), col("bucket"))
            .collectAsList()) {
      out.add(
          new PosturePoint(
              r.getString(0),
              r.getInt(1),
              r.getInt(2),
              r.isNullAt(3) ? null : r.getInt(3),
              r.getString(4)));
    }
    return out;
  }

  private List<ComplianceStatus> compliance() {
    List<ComplianceStatus> out = new ArrayList<>();
    for (Row r :
        spark
            .sql(
                "SELECT framework, CAST(buckets_evaluated AS BIGINT),"
                    + " CAST(buckets_violating AS BIGINT), CAST(violations AS BIGINT),"
                    + " highest_severity, status FROM "
                    + name("compliance_summary")
                    + " ORDER BY CASE WHEN status = 'COMPLIANT' THEN 1 ELSE 0 END, framework")
            .collectAsList()) {
      out.add(
          new ComplianceStatus(
              r.getString(0),
              r.isNullAt(1) ? 0 : r.getLong(1),
              r.isNullAt(2) ? 0 : r.getLong(2),
              r.isNullAt(3) ? 0 : r.getLong(3),
              r.getString(4),
              r.getString(5)));
    }
    return out;
  }

  private List<RemediationItem> remediation() {
    List<RemediationItem> out = new ArrayList<>();
    for (Row r :
        spark
            .sql(
                "SELECT framework, requirement, severity, bucket, key,"
                    + " coalesce(CAST(objects AS BIGINT), 0) objects, remediation FROM "
                    + name("compliance_violations")
                    + " ORDER BY "
                    + RANK.formatted("severity")
                    + " DESC, objects DESC, framework, bucket, key LIMIT "
                    + TOP_ROWS)
            .collectAsList()) {
      out.add(
          new RemediationItem(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.getString(4),
              r.getLong(5),
              r.getString(6)));
    }
    return out;
  }

  private List<SensitiveObject> topObjects(String runId) {
    List<SensitiveObject> out = new ArrayList<>();
    for (Row r :
        table("detections")
            .where(col("run_id").equalTo(runId))
            .groupBy("bucket", "key")
            .agg(
                org.apache.spark.sql.functions.expr("max(" + RANK.formatted("severity") + ") rank"),
                org.apache.spark.sql.functions.expr("coalesce(sum(count), 0) occurrences"),
                org.apache.spark.sql.functions.expr("array_sort(collect_set(type)) types"),
                // masked_samples only: the tables never hold raw values, and neither does the page.
                org.apache.spark.sql.functions.expr(
                    "slice(array_distinct(flatten(collect_list(coalesce(masked_samples,"
                        + " array())))), 1, 3) samples"))
            .orderBy(col("rank").desc(), col("occurrences").desc(), col("bucket"), col("key"))
            .limit(TOP_ROWS)
            .collectAsList()) {
      out.add(
          new SensitiveObject(
              r.getString(0),
              r.getString(1),
              switch (r.getInt(2)) {
                case 4 -> "Critical";
                case 3 -> "High";
                case 2 -> "Medium";
                case 1 -> "Low";
                default -> null;
              },
              r.getLong(3),
              r.getList(4),
              r.getList(5)));
    }
    return out;
  }

  private boolean exists(String table) {
    return spark.catalog().tableExists(database, table);
  }

  private Dataset<Row> table(String table) {
    return spark.table(name(table));
  }

  private String name(String table) {
    return "`" + database + "`.`" + table + "`";
  }

  private static Instant instant(Object v) {
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    return v instanceof Instant i ? i : null;
  }
}
