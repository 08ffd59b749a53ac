package io.trawl.jobs.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.trawl.TrawlErrors;
import io.trawl.TrawlException;
import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TableRegistrar;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.detection.EngineConfig;
import io.trawl.extraction.ExtractionLimits;
import io.trawl.jobs.plan.PlannedSelection;
import io.trawl.jobs.spark.HadoopConfs;
import io.trawl.jobs.spark.Rows;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one classification job run: select the objects in scope (buckets, scoping, sampling,
 * incremental), classify them on executors, and write the run's rows to {@code
 * classification_results}, {@code findings}, {@code detections}, {@code bucket_profiles} and {@code
 * job_runs} (and optionally Macie's discovery results). Every write replaces the run's rows, so
 * rerunning a run id never duplicates.
 */
public final class ClassificationJob {
  private static final Logger LOG = LoggerFactory.getLogger(ClassificationJob.class);

  /**
   * Everything a run needs, resolved and validated by the caller.
   *
   * @param runId the run to (re)write; null for a new run
   * @param resultsLocation where to write Macie's discovery results (JSON Lines, gzip), or null
   * @param partitions number of classification tasks (0 = from the object count)
   * @param planId a sampling plan whose picks replace the job's selection (see {@link
   *     io.trawl.jobs.plan.PlannedSelection}), or null
   */
  public record Settings(
      TrawlCatalog catalog,
      ClassificationJobDefinition job,
      EngineConfig engine,
      ExtractionLimits limits,
      String runId,
      String resultsLocation,
      String region,
      String accountId,
      int partitions,
      long progressIntervalMillis,
      CostModel cost,
      List<TableRegistrar> registrars,
      String planId)
      implements Serializable {
    /** A run that selects objects by the job's scope (no sampling plan). */
    public Settings(
        TrawlCatalog catalog,
        ClassificationJobDefinition job,
        EngineConfig engine,
        ExtractionLimits limits,
        String runId,
        String resultsLocation,
        String region,
        String accountId,
        int partitions,
        long progressIntervalMillis,
        CostModel cost,
        List<TableRegistrar> registrars) {
      this(
          catalog,
          job,
          engine,
          limits,
          runId,
          resultsLocation,
          region,
          accountId,
          partitions,
          progressIntervalMillis,
          cost,
          registrars,
          null);
    }
  }

  /** What a run did. */
  public record Result(
      String jobId,
      String runId,
      int runNumber,
      long objectsInScope,
      long objectsClassified,
      long objectsSkipped,
      long objectsSensitive,
      long bytesInScope,
      long bytesRead,
      long bytesClassified,
      long findings,
      double estimatedCostUsd,
      double macieCostUsd,
      long classifyMillis) {}

  /** Reasons a scheduled job retries in its next run instead of treating the object as done. */
  public static final List<String> RETRIED_REASONS =
      List.of(
          "PERMISSION_DENIED",
          "INVALID_KMS_KEY",
          "SOURCE_OBJECT_NO_LONGER_AVAILABLE",
          "OBJECT_VERSION_MISMATCH",
          "TIME_CUT_OFF_REACHED",
          "NO_SUCH_BUCKET_AVAILABLE",
          "UNABLE_TO_PARSE_FILE");

  private final SparkSession spark;
  private final Settings s;

  private ClassificationJob(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.s = settings;
  }

  public static ClassificationJob create(SparkSession spark, Settings settings) {
    return new ClassificationJob(spark, settings);
  }

  public Result run() {
    Instant started = Instant.now();
    String jobId = s.job().derivedJobId();
    String runId =
        s.runId() != null
            ? s.runId()
            : jobId.substring(0, 8)
                + "-"
                + started.toString().replaceAll("[^0-9]", "").substring(0, 14);
    String runDate = started.atZone(ZoneOffset.UTC).toLocalDate().toString();
    String detailed =
        s.resultsLocation() == null ? null : s.resultsLocation() + "/" + jobId + "/" + runId;
    RunContext run =
        new RunContext(
            jobId,
            s.job().name(),
            runId,
            runDate,
            started.toEpochMilli(),
            s.region(),
            s.accountId(),
            detailed);
    for (TrawlTable t : TrawlTable.values()) {
      DeltaTables.ensureTable(spark, s.catalog(), t);
    }
    int runNumber = runNumber(jobId, runId);
    writeJobRun(run, runNumber, started, null, "RUNNING", null, null);
    try {
      Result result = execute(run, runNumber, started);
      for (TableRegistrar r : s.registrars()) {
        for (TrawlTable t : TrawlTable.values()) {
          r.register(s.catalog(), t);
        }
      }
      return result;
    } catch (TrawlException e) {
      writeJobRun(run, runNumber, started, Instant.now(), "FAILED", null, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      writeJobRun(run, runNumber, started, Instant.now(), "FAILED", null, e.toString());
      throw TrawlErrors.jobFailed("classification run " + runId, e.toString(), e);
    }
  }

  private Result execute(RunContext run, int runNumber, Instant started) {
    // A sampling plan decides the objects itself; the job then only says how to classify them.
    Dataset<Row> inScope =
        s.planId() != null
            ? PlannedSelection.select(spark, s.catalog(), s.planId(), s.cost())
            : selectObjects(run);
    Row totals = inScope.selectExpr("count(*)", "coalesce(sum(size), 0)").first();
    long objectsInScope = totals.getLong(0);
    long bytesInScope = totals.getLong(1);
    LOG.info(
        "run {} of job '{}' ({}): {} objects, {} bytes in scope",
        run.runId(),
        s.job().name(),
        run.jobId(),
        objectsInScope,
        bytesInScope);

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Map<String, String>> conf = jsc.broadcast(new HashMap<>(HadoopConfs.capture(spark)));
    LongAccumulator objectsDone = spark.sparkContext().longAccumulator("trawl.objects");
    LongAccumulator bytesDone = spark.sparkContext().longAccumulator("trawl.bytes");
    LongAccumulator bytesRead = spark.sparkContext().longAccumulator("trawl.bytes.read");
    int partitions =
        s.partitions() > 0
            ? s.partitions()
            : (int)
                Math.max(
                    spark.sparkContext().defaultParallelism(),
                    Math.min(10_000, objectsInScope / 50 + 1));
    Dataset<String> documents =
        inScope
            .repartition(partitions)
            .mapPartitions(
                new ClassifyPartition(
                    s.engine(), s.limits(), conf, run, objectsDone, bytesDone, bytesRead),
                Encoders.STRING());
    Dataset<Row> parsed =
        documents
            .select(
                from_json(
                        col("value"),
                        wrapperSchema(),
                        Map.of(
                            "mode", "FAILFAST", "timestampFormat", ResultRecords.TIMESTAMP_PATTERN))
                    .as("d"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    long classifyStart = System.nanoTime();
    try (ProgressReporter progress =
        new ProgressReporter(
            "classify " + run.runId(),
            objectsDone,
            bytesDone,
            objectsInScope,
            bytesInScope,
            s.progressIntervalMillis())) {
      Dataset<Row> results = parsed.select("d.result.*");
      DeltaTables.replaceRun(
          spark, s.catalog(), TrawlTable.CLASSIFICATION_RESULTS, run.runId(), results);
      LOG.info("classify {}: {}", run.runId(), progress.line());
    }
    // Reading, extracting and detecting, up to the results commit: what scales with the bytes.
    long classifyMillis = (System.nanoTime() - classifyStart) / 1_000_000;
    DeltaTables.replaceRun(
        spark,
        s.catalog(),
        TrawlTable.FINDINGS,
        run.runId(),
        parsed.where(col("d.finding").isNotNull()).select("d.finding.*"));
    DeltaTables.replaceRun(
        spark,
        s.catalog(),
        TrawlTable.DETECTIONS,
        run.runId(),
        parsed.select(explode(col("d.detections")).as("x")).select("x.*"));
    if (run.detailedResultsLocation() != null) {
      DiscoveryResults.write(
          spark, parsed.select(col("d.detailed").as("value")), run.detailedResultsLocation());
    }
    parsed.unpersist();

    Dataset<Row> runResults = resultsOf(run.runId());
    BucketProfiles.write(spark, s.catalog(), run, runResults);
    Row agg =
        runResults
            .selectExpr(
                "count(*)",
                "coalesce(sum(case when status_code != 'SKIPPED' then 1 else 0 end), 0)",
                "coalesce(sum(case when status_code = 'SKIPPED' then 1 else 0 end), 0)",
                "coalesce(sum(case when sensitive then 1 else 0 end), 0)",
                "coalesce(sum(size_classified), 0)",
                "coalesce(sum(case when status_code != 'SKIPPED' then 1 else 0 end), 0)")
            .first();
    // One finding per sensitive object, by construction: no need to read the table back.
    long findings = agg.getLong(3);
    // One GET per object analysed; compute from the bytes actually read from storage.
    double trawlCost = s.cost().trawlCost(agg.getLong(5), bytesRead.value());
    double macieCost = s.cost().macieCost(agg.getLong(4));
    Result result =
        new Result(
            run.jobId(),
            run.runId(),
            runNumber,
            objectsInScope,
            agg.getLong(1),
            agg.getLong(2),
            agg.getLong(3),
            bytesInScope,
            bytesRead.value(),
            agg.getLong(4),
            findings,
            trawlCost,
            macieCost,
            classifyMillis);
    writeJobRun(run, runNumber, started, Instant.now(), "COMPLETE", result, null);
    LOG.info(
        "run {} complete: {} classified, {} skipped, {} sensitive, {} findings; estimated cost"
            + " ${} (Macie: ${})",
        run.runId(),
        result.objectsClassified(),
        result.objectsSkipped(),
        result.objectsSensitive(),
        findings,
        String.format(java.util.Locale.ROOT, "%.6f", trawlCost),
        String.format(java.util.Locale.ROOT, "%.4f", macieCost));
    return result;
  }

  /** The run's rows of classification_results, read back from Delta. */
  private Dataset<Row> resultsOf(String runId) {
    return spark
        .read()
        .format("delta")
        .load(s.catalog().tablePath(TrawlTable.CLASSIFICATION_RESULTS))
        .where(col("run_id").equalTo(runId));
  }

  /** Latest snapshot per bucket, then scope, sampling and (scheduled jobs) incremental rules. */
  private Dataset<Row> selectObjects(RunContext run) {
    Dataset<Row> objects =
        spark.read().format("delta").load(s.catalog().tablePath(TrawlTable.OBJECTS));
    Dataset<Row> latest =
        objects.groupBy("bucket").agg(org.apache.spark.sql.functions.max("snapshot_time").as("t"));
    Dataset<Row> current =
        objects
            .join(
                latest,
                objects
                    .col("bucket")
                    .equalTo(latest.col("bucket"))
                    .and(objects.col("snapshot_time").equalTo(latest.col("t"))))
            .drop(latest.col("bucket"))
            .drop("t");
    ScopeFilter scope = withPosture(ScopeFilter.of(s.job()));
    java.util.Set<String> named = scope.definedBucketNames();
    if (named != null) {
      current = current.where(col("bucket").isin(named.toArray()));
    }
    Dataset<Row> inScope =
        current.filter((FilterFunction<Row>) row -> scope.inScope(ClassifyPartition.toRef(row)));
    Integer pct = s.job().samplingPercentage();
    if (pct != null && pct < 100) {
      // Random but reproducible per run: the same run id picks the same objects again.
      inScope =
          inScope.where(
              org.apache
                  .spark
                  .sql
                  .functions
                  .pmod(
                      org.apache.spark.sql.functions.xxhash64(
                          lit(run.runId()), col("bucket"), col("key")),
                      lit(10_000))
                  .lt(pct * 100));
    }
    if (s.job().isScheduled()) {
      inScope = onlyNewOrChanged(inScope, run);
    }
    return inScope;
  }

  /** The job's scope, with bucket posture and tags when its bucket criteria ask for them. */
  private ScopeFilter withPosture(ScopeFilter scope) {
    if (!scope.needsPosture()) {
      return scope;
    }
    Map<String, ScopeFilter.BucketPosture> posture = BucketPostures.latest(spark, s.catalog());
    if (posture.isEmpty()) {
      LOG.warn(
          "bucketCriteria ask for bucket posture or tags, but {} has no rows yet: every bucket"
              + " compares as UNKNOWN with no tags (run `trawl score` first)",
          s.catalog().qualifiedName(TrawlTable.BUCKET_RISK));
    } else {
      LOG.info(
          "bucketCriteria judged on the latest posture of {} bucket(s) from {}",
          posture.size(),
          s.catalog().qualifiedName(TrawlTable.BUCKET_RISK));
    }
    return scope.withPosture(posture);
  }

  /**
   * A scheduled job analyses only objects new or changed (etag, last modified, size) since its
   * earlier runs; with initialRun=false the first run skips objects that existed before the job.
   */
  private Dataset<Row> onlyNewOrChanged(Dataset<Row> inScope, RunContext run) {
    Dataset<Row> prior =
        spark
            .read()
            .format("delta")
            .load(s.catalog().tablePath(TrawlTable.CLASSIFICATION_RESULTS))
            .where(col("job_id").equalTo(run.jobId()).and(col("run_id").notEqual(run.runId())))
            // Skips that may pass next time (access, keys, deletions, time) are retried.
            .where(
                col("status_code")
                    .notEqual("SKIPPED")
                    .or(not(col("status_reason").isin(RETRIED_REASONS.toArray()))))
            .select(
                col("bucket").as("p_bucket"),
                col("key").as("p_key"),
                col("etag").as("p_etag"),
                col("last_modified").as("p_lm"),
                col("size").as("p_size"))
            .distinct();
    Dataset<Row> fresh =
        inScope.join(
            prior,
            inScope
                .col("bucket")
                .equalTo(prior.col("p_bucket"))
                .and(inScope.col("key").equalTo(prior.col("p_key")))
                .and(inScope.col("etag").eqNullSafe(prior.col("p_etag")))
                .and(inScope.col("last_modified").eqNullSafe(prior.col("p_lm")))
                .and(inScope.col("size").eqNullSafe(prior.col("p_size"))),
            "left_anti");
    if (!s.job().includesExistingObjects()) {
      Timestamp created = jobCreatedAt(run);
      fresh = fresh.where(col("last_modified").gt(lit(created)));
    }
    return fresh;
  }

  /** When the job was first run: its creation time for Macie's initialRun=false rule. */
  private Timestamp jobCreatedAt(RunContext run) {
    Row r =
        jobRuns().where(col("job_id").equalTo(run.jobId())).selectExpr("min(started_at)").first();
    return r.isNullAt(0) ? new Timestamp(run.startedAtMillis()) : r.getTimestamp(0);
  }

  private Dataset<Row> jobRuns() {
    return spark.read().format("delta").load(s.catalog().tablePath(TrawlTable.JOB_RUNS));
  }

  private int runNumber(String jobId, String runId) {
    Row existing =
        jobRuns()
            .where(col("job_id").equalTo(jobId).and(col("run_id").equalTo(runId)))
            .selectExpr("max(run_number)")
            .first();
    if (!existing.isNullAt(0)) {
      return existing.getInt(0);
    }
    Row r =
        jobRuns().where(col("job_id").equalTo(jobId)).selectExpr("count(distinct run_id)").first();
    return (int) r.getLong(0) + 1;
  }

  private void writeJobRun(
      RunContext run,
      int runNumber,
      Instant started,
      Instant finished,
      String status,
      Result r,
      String error) {
    StructType schema = TrawlTable.JOB_RUNS.schema();
    Map<String, Object> v = new HashMap<>();
    v.put("run_id", run.runId());
    v.put("job_id", run.jobId());
    v.put("job_name", s.job().name());
    v.put("job_type", s.job().jobType().name());
    v.put("run_number", runNumber);
    v.put("job_definition", s.job().toJson());
    v.put("status", status);
    v.put("started_at", Timestamp.from(started));
    v.put("finished_at", finished == null ? null : Timestamp.from(finished));
    if (r != null) {
      v.put("objects_in_scope", r.objectsInScope());
      v.put("objects_classified", r.objectsClassified());
      v.put("objects_skipped", r.objectsSkipped());
      v.put("objects_sensitive", r.objectsSensitive());
      v.put("bytes_in_scope", r.bytesInScope());
      v.put("bytes_read", r.bytesRead());
      v.put("bytes_classified", r.bytesClassified());
      v.put("findings", r.findings());
      v.put("estimated_cost_usd", r.estimatedCostUsd());
      v.put("macie_cost_usd", r.macieCostUsd());
    }
    v.put("error", error);
    v.put("plan_id", s.planId());
    v.put("trawl_version", TrawlVersion.VERSION);
    v.put("run_date", Date.valueOf(run.runDate()));
    Dataset<Row> df = spark.createDataFrame(List.of(Rows.of(schema, v)), schema);
    DeltaTables.replaceRun(spark, s.catalog(), TrawlTable.JOB_RUNS, run.runId(), df);
  }

  /** The shape of the documents executors emit (see {@link ResultRecords}). */
  static StructType wrapperSchema() {
    return new StructType()
        .add("result", TrawlTable.CLASSIFICATION_RESULTS.schema())
        .add("finding", TrawlTable.FINDINGS.schema())
        .add("detections", DataTypes.createArrayType(TrawlTable.DETECTIONS.schema()))
        .add("detailed", DataTypes.StringType);
  }
}
