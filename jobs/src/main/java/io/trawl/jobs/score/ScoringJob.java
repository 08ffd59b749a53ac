package io.trawl.jobs.score;

import io.trawl.TrawlErrors;
import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TableRegistrar;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code trawl score}: every bucket's sensitivity (its resource profile so far and its settings),
 * exposure (its posture) and risk, written to {@code bucket_risk}, and Macie's policy findings for
 * the current posture written to {@code findings} (category POLICY), each table in one commit for
 * the run. Buckets come from the latest inventory and the posture source; one never analysed gets
 * sensitivity 50 and says so.
 */
public final class ScoringJob {
  private static final Logger LOG = LoggerFactory.getLogger(ScoringJob.class);

  /**
   * How to run.
   *
   * @param catalog where the tables are
   * @param runId the scoring run's ID (must not be a classification run's)
   * @param posture where posture comes from; null for none (every posture UNKNOWN)
   * @param organizationAccounts accounts inside the organization besides each bucket's owner
   * @param region Region for findings whose bucket's Region is unknown
   * @param registrars where to register the tables
   */
  public record Settings(
      TrawlCatalog catalog,
      String runId,
      PostureReader posture,
      Set<String> organizationAccounts,
      String region,
      List<TableRegistrar> registrars) {}

  /**
   * One bucket's scores.
   *
   * @param bucket bucket name
   * @param accountId owner account
   * @param profile its resource profile, null if it is in no inventory
   * @param posture its posture
   * @param assessment what the posture means
   * @param sensitivity its sensitivity score
   * @param risk its risk
   */
  public record BucketScore(
      String bucket,
      String accountId,
      ResourceProfiles.Profile profile,
      BucketPosture posture,
      PostureAssessment assessment,
      SensitivityScore.Result sensitivity,
      RiskScore risk) {}

  /**
   * What a run wrote.
   *
   * @param runId the run
   * @param buckets every bucket, riskiest first
   * @param policyFindings policy findings written
   */
  public record Result(String runId, List<BucketScore> buckets, int policyFindings) {}

  private final SparkSession spark;
  private final Settings s;

  public ScoringJob(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.s = settings;
  }

  /** Scores every bucket and writes the tables. */
  public Result run() {
    for (TrawlTable t : TrawlTable.values()) {
      DeltaTables.ensureTable(spark, s.catalog(), t);
    }
    long clash =
        DeltaTables.read(spark, s.catalog(), TrawlTable.JOB_RUNS)
            .where(org.apache.spark.sql.functions.col("run_id").equalTo(s.runId()))
            .count();
    if (clash > 0) {
      throw TrawlErrors.invalidArgument(
          "run id %s is a classification run; give trawl score its own --run-id", s.runId());
    }
    Instant now = Instant.now();
    Map<String, BucketSettings.Setting> settings = BucketSettings.latest(spark, s.catalog());
    Map<String, ResourceProfiles.Profile> profiles =
        ResourceProfiles.compute(spark, s.catalog(), settings, null);
    List<PostureReader.BucketRef> refs = new ArrayList<>();
    profiles
        .values()
        .forEach(p -> refs.add(new PostureReader.BucketRef(p.bucket(), p.accountId())));
    PostureReader.Snapshot snapshot =
        s.posture() == null
            ? new PostureReader.Snapshot(Map.of(), Set.of())
            : s.posture().read(refs);
    Set<String> org = new TreeSet<>(s.organizationAccounts());
    org.addAll(snapshot.organizationAccounts());
    Set<String> names = new TreeSet<>(profiles.keySet());
    names.addAll(snapshot.postures().keySet());

    List<BucketScore> scores = new ArrayList<>();
    for (String bucket : names) {
      ResourceProfiles.Profile profile = profiles.get(bucket);
      BucketPosture posture = snapshot.postures().get(bucket);
      String account =
          profile != null && profile.accountId() != null
              ? profile.accountId()
              : posture != null ? posture.accountId() : null;
      if (posture == null) {
        posture = BucketPosture.unknown(bucket, account);
      }
      SensitivityScore.Result sensitivity =
          profile != null ? profile.score() : notInventoried(settings.get(bucket));
      PostureAssessment assessment = PostureAssessment.of(posture, org);
      scores.add(
          new BucketScore(
              bucket,
              account,
              profile,
              posture,
              assessment,
              sensitivity,
              RiskScore.of(sensitivity, assessment)));
    }
    scores.sort(
        java.util.Comparator.comparingInt((BucketScore b) -> b.risk().score())
            .reversed()
            .thenComparing(BucketScore::bucket));

    DeltaTables.replaceRun(
        spark, s.catalog(), TrawlTable.BUCKET_RISK, s.runId(), riskRows(scores, now));
    List<Row> findings = findingRows(scores, now);
    DeltaTables.replaceRun(
        spark,
        s.catalog(),
        TrawlTable.FINDINGS,
        s.runId(),
        spark.createDataFrame(findings, TrawlTable.FINDINGS.schema()));
    for (TableRegistrar r : s.registrars()) {
      for (TrawlTable t : TrawlTable.values()) {
        r.register(s.catalog(), t);
      }
    }
    LOG.info("score {}: {} buckets, {} policy findings", s.runId(), scores.size(), findings.size());
    return new Result(s.runId(), List.copyOf(scores), findings.size());
  }

  /** A bucket known only from its posture: 50 unless overridden, and it says why. */
  private static SensitivityScore.Result notInventoried(BucketSettings.Setting setting) {
    if (setting != null && setting.override() != null) {
      return SensitivityScore.score(
          new SensitivityScore.Profile(0, 0, 0, 0, List.of(), setting.override()));
    }
    return new SensitivityScore.Result(
        SensitivityScore.NOT_YET_ANALYSED,
        SensitivityScore.label(SensitivityScore.NOT_YET_ANALYSED),
        false,
        0,
        List.of("not yet analysed: the bucket is in no inventory yet"));
  }

  private Dataset<Row> riskRows(List<BucketScore> scores, Instant now) {
    StructType schema = TrawlTable.BUCKET_RISK.schema();
    List<Row> rows = new ArrayList<>();
    for (BucketScore b : scores) {
      PostureAssessment a = b.assessment();
      BucketPosture p = b.posture();
      ResourceProfiles.Profile profile = b.profile();
      Map<String, Object> v = new HashMap<>();
      v.put("run_id", s.runId());
      v.put("account_id", b.accountId());
      v.put("bucket", b.bucket());
      v.put("region", p.region());
      v.put("posture_source", p.source());
      v.put("effective_permission", a.effectivePermission());
      v.put("shared_access", a.sharedAccess());
      v.put("allows_unencrypted_object_uploads", a.allowsUnencryptedObjectUploads());
      v.put("default_server_side_encryption", a.defaultServerSideEncryption());
      v.put("block_public_access", a.blockPublicAccess());
      v.put("versioning", p.versioning());
      v.put("logging_enabled", p.loggingEnabled());
      v.put("replicated_externally", a.replicatedExternally());
      v.put("shared_with_cloudfront", a.sharedWithCloudFront());
      v.put("bucket_tags", p.tags());
      v.put(
          "policy_finding_types",
          a.policyFindings().stream().map(PolicyFindingType::type).toArray(String[]::new));
      v.put("sensitivity_score", b.sensitivity().score());
      v.put("objects_sensitive", profile == null ? 0L : profile.objectsSensitive());
      v.put(
          "identifier_types",
          profile == null
              ? new String[0]
              : profile.types().stream()
                  .filter(t -> !t.suppressed())
                  .map(ResourceProfiles.TypeStatistics::type)
                  .sorted()
                  .toArray(String[]::new));
      v.put("exposure_score", a.exposureScore());
      v.put("exposure_reasons", a.exposureReasons().toArray(new String[0]));
      v.put("risk_score", b.risk().score());
      v.put("risk_level", b.risk().level());
      v.put("risk_reasons", b.risk().reasons().toArray(new String[0]));
      v.put("sensitivity_label", b.sensitivity().label());
      v.put("sensitivity_reasons", b.sensitivity().reasons().toArray(new String[0]));
      v.put("objects_total", profile == null ? 0L : profile.objectsTotal());
      v.put("objects_classified", profile == null ? 0L : profile.objectsClassified());
      v.put("external_accounts", a.externalAccounts().toArray(new String[0]));
      v.put("object_ownership", p.objectOwnership());
      v.put("updated_at", Timestamp.from(now));
      v.put("run_date", runDate(now));
      rows.add(row(schema, v));
    }
    return spark.createDataFrame(rows, schema);
  }

  private List<Row> findingRows(List<BucketScore> scores, Instant now) {
    StructType schema = TrawlTable.FINDINGS.schema();
    List<Row> rows = new ArrayList<>();
    for (BucketScore b : scores) {
      String region = b.posture().region() != null ? b.posture().region() : s.region();
      for (PolicyFindingType type : b.assessment().policyFindings()) {
        Map<String, Object> v = new HashMap<>();
        v.put("finding_id", PolicyFindings.findingId(b.accountId(), b.bucket(), type));
        v.put("run_id", s.runId());
        v.put("account_id", b.accountId());
        v.put("region", region);
        v.put("partition_name", "aws");
        v.put("type", type.type());
        v.put("category", "POLICY");
        v.put("severity", type.severity());
        v.put("severity_score", type.severityScore());
        v.put("title", type.title());
        v.put("description", type.description());
        v.put("bucket", b.bucket());
        v.put("bucket_arn", "arn:aws:s3:::" + b.bucket());
        v.put("archived", false);
        v.put("created_at", Timestamp.from(now));
        v.put("updated_at", Timestamp.from(now));
        v.put(
            "finding_json",
            PolicyFindings.json(type, b.posture(), b.assessment(), region, "aws", now));
        v.put("run_date", runDate(now));
        rows.add(row(schema, v));
      }
    }
    return rows;
  }

  private static Date runDate(Instant now) {
    return Date.valueOf(now.atZone(ZoneOffset.UTC).toLocalDate());
  }

  /** A row in schema order from values by column name; absent columns are null. */
  private static Row row(StructType schema, Map<String, Object> values) {
    StructField[] fields = schema.fields();
    Object[] out = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = values.get(fields[i].name());
    }
    if (!java.util.Arrays.asList(schema.fieldNames()).containsAll(values.keySet())) {
      throw new IllegalStateException("unknown columns in " + values.keySet());
    }
    return RowFactory.create(out);
  }
}
