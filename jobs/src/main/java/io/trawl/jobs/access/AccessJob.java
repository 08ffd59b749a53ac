package io.trawl.jobs.access;

import static org.apache.spark.sql.functions.col;

import io.trawl.TrawlErrors;
import io.trawl.TrawlException;
import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TableRegistrar;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.jobs.access.parse.AccessEvent;
import java.io.IOException;
import java.sql.Date;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code trawl access}: reads S3 server access logs and CloudTrail data events into {@code
 * access_events} (malformed lines into {@code access_events_rejected}), then joins them with the
 * latest classification results into {@code sensitive_access} and looks for unusual access in
 * {@code access_anomalies}. Files are parsed on the executors (one task per file), never collected
 * on the driver. Rerunning a run id replaces its rows in every table.
 */
public final class AccessJob {
  private static final Logger LOG = LoggerFactory.getLogger(AccessJob.class);

  /**
   * What to read and where to write.
   *
   * @param catalog where the tables live
   * @param serverLogs folders, files or globs of server access logs (read recursively)
   * @param cloudTrail folders, files or globs of CloudTrail log files (read recursively)
   * @param runId run to (re)write, or null for one derived from the time
   * @param config thresholds and windows
   * @param registrars catalogs to register the tables in
   */
  public record Settings(
      TrawlCatalog catalog,
      List<String> serverLogs,
      List<String> cloudTrail,
      String runId,
      AccessAnalysisConfig config,
      List<TableRegistrar> registrars) {
    public Settings {
      serverLogs = List.copyOf(serverLogs);
      cloudTrail = List.copyOf(cloudTrail);
      registrars = List.copyOf(registrars);
      if (serverLogs.isEmpty() && cloudTrail.isEmpty()) {
        throw TrawlErrors.invalidArgument(
            "give at least one of --server-logs or --cloudtrail to read access logs from");
      }
    }
  }

  /**
   * What a run wrote.
   *
   * @param runId the run
   * @param events access events written (after parsing; duplicates across sources included)
   * @param rejected malformed lines and records kept aside
   * @param ignored CloudTrail records of other services, counted and skipped
   * @param sensitiveAccess requests on sensitive objects
   * @param anomalies principal-windows with unusual access
   */
  public record Result(
      String runId,
      long events,
      long rejected,
      long ignored,
      long sensitiveAccess,
      long anomalies) {}

  private final SparkSession spark;
  private final Settings s;

  private AccessJob(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.s = settings;
  }

  /** A job over {@code settings} on {@code spark}. */
  public static AccessJob create(SparkSession spark, Settings settings) {
    return new AccessJob(spark, settings);
  }

  /** Ingests, analyses and writes; see the class comment. */
  public Result run() {
    Instant started = Instant.now();
    String runId =
        s.runId() != null
            ? s.runId()
            : "access-" + started.toString().replaceAll("[^0-9]", "").substring(0, 14);
    Date runDate = Date.valueOf(started.atOffset(ZoneOffset.UTC).toLocalDate());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    // CloudTrail nests files under AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/.
    hadoop.setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);
    for (String uri : concat(s.serverLogs(), s.cloudTrail())) {
      checkReadable(uri, hadoop);
    }
    try {
      return execute(runId, runDate);
    } catch (TrawlException e) {
      throw e;
    } catch (RuntimeException e) {
      throw TrawlErrors.jobFailed("access run " + runId, e.toString(), e);
    }
  }

  private Result execute(String runId, Date runDate) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    LongAccumulator ignored = spark.sparkContext().longAccumulator("trawl.access.ignored");
    JavaRDD<Row> parsed = jsc.emptyRDD();
    for (String uri : s.serverLogs()) {
      parsed =
          parsed.union(
              jsc.binaryFiles(uri)
                  .flatMap(
                      new ParseLogFiles(AccessEvent.SERVER_ACCESS_LOG, runId, runDate, ignored)));
    }
    for (String uri : s.cloudTrail()) {
      parsed =
          parsed.union(
              jsc.binaryFiles(uri)
                  .flatMap(new ParseLogFiles(AccessEvent.CLOUDTRAIL, runId, runDate, ignored)));
    }
    Dataset<Row> rows =
        spark.createDataFrame(parsed, AccessColumns.INGEST).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> events =
          rows.filter(col("kind").equalTo("event"))
              .select(
                  TrawlTable.ACCESS_EVENTS.columnNames().stream()
                      .map(c -> col(c))
                      .toArray(org.apache.spark.sql.Column[]::new));
      Dataset<Row> rejected =
          rows.filter(col("kind").equalTo("rejected"))
              .select(
                  TrawlTable.ACCESS_EVENTS_REJECTED.columnNames().stream()
                      .map(c -> col(c))
                      .toArray(org.apache.spark.sql.Column[]::new));
      DeltaTables.replaceRun(spark, s.catalog(), TrawlTable.ACCESS_EVENTS, runId, events);
      DeltaTables.replaceRun(
          spark, s.catalog(), TrawlTable.ACCESS_EVENTS_REJECTED, runId, rejected);
    } finally {
      rows.unpersist();
    }
    long eventCount = countRun(TrawlTable.ACCESS_EVENTS, runId);
    long rejectedCount = countRun(TrawlTable.ACCESS_EVENTS_REJECTED, runId);
    LOG.info(
        "access run {}: {} events, {} rejected lines or records, {} records of other services"
            + " ignored",
        runId,
        eventCount,
        rejectedCount,
        ignored.value());

    AccessAnalysis analysis = new AccessAnalysis(spark, s.catalog(), s.config());
    Dataset<Row> enriched =
        analysis
            .enrich(
                DeltaTables.read(spark, s.catalog(), TrawlTable.ACCESS_EVENTS)
                    .filter(col("run_id").equalTo(runId)))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      DeltaTables.replaceRun(
          spark,
          s.catalog(),
          TrawlTable.SENSITIVE_ACCESS,
          runId,
          analysis.sensitiveAccess(enriched));
      DeltaTables.replaceRun(
          spark, s.catalog(), TrawlTable.ACCESS_ANOMALIES, runId, analysis.anomalies(enriched));
    } finally {
      enriched.unpersist();
    }
    for (TableRegistrar r : s.registrars()) {
      for (TrawlTable t :
          List.of(
              TrawlTable.ACCESS_EVENTS,
              TrawlTable.ACCESS_EVENTS_REJECTED,
              TrawlTable.SENSITIVE_ACCESS,
              TrawlTable.ACCESS_ANOMALIES)) {
        r.register(s.catalog(), t);
      }
    }
    Result result =
        new Result(
            runId,
            eventCount,
            rejectedCount,
            ignored.value(),
            countRun(TrawlTable.SENSITIVE_ACCESS, runId),
            countRun(TrawlTable.ACCESS_ANOMALIES, runId));
    LOG.info("access run {}: {}", runId, result);
    return result;
  }

  private long countRun(TrawlTable table, String runId) {
    return DeltaTables.read(spark, s.catalog(), table).filter(col("run_id").equalTo(runId)).count();
  }

  private static void checkReadable(String uri, Configuration hadoop) {
    try {
      Path p = new Path(uri);
      FileSystem fs = p.getFileSystem(hadoop);
      FileStatus[] matches = fs.globStatus(p);
      if (matches == null || matches.length == 0) {
        throw TrawlErrors.unreadableAccessLogs(uri, null);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw TrawlErrors.unreadableAccessLogs(uri, e);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
