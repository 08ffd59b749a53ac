package io.trawl.jobs.remediate;

import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.jobs.compliance.ComplianceFrameworks;
import io.trawl.jobs.compliance.ComplianceViews;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * Tags the objects behind compliance violations with S3 object tagging, so access policies,
 * lifecycle rules and other tools can act on them. A dry run by default: every action is planned
 * and recorded in {@code remediation_actions}, nothing is changed. With {@code apply}, each
 * object's tags are read, the new tags merged in (its other tags are kept; S3 allows 10), and
 * written back; every result, including failures, is recorded. Violations whose posture is unknown
 * ({@code POSTURE_UNKNOWN}) are not acted on.
 */
public final class RemediationJob {
  /** S3's limit of tags per object. */
  public static final int MAX_TAGS = 10;

  /** The tag marking an object as holding sensitive data. */
  public static final String SENSITIVE_TAG = "trawl:sensitive";

  /** The tag listing the frameworks an object violates, joined with {@code +}. */
  public static final String FRAMEWORKS_TAG = "trawl:frameworks";

  private final SparkSession spark;
  private final Settings settings;
  private final S3Client s3;
  private final Clock clock;

  /**
   * What to do.
   *
   * @param catalog where the tables are
   * @param frameworks the frameworks (and cardholder tag) whose violations to act on
   * @param tags extra tags to set (they win over the default trawl: tags of the same key)
   * @param apply false for a dry run (the default)
   * @param runId the id recorded in remediation_actions; rerunning it replaces its rows
   */
  public record Settings(
      TrawlCatalog catalog,
      ComplianceFrameworks frameworks,
      Map<String, String> tags,
      boolean apply,
      String runId) {
    public Settings {
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(frameworks, "frameworks");
      Objects.requireNonNull(runId, "runId");
      tags = Map.copyOf(tags);
    }
  }

  /** Counts by status. */
  public record Result(String runId, long planned, long applied, long unchanged, long failed) {}

  private RemediationJob(SparkSession spark, Settings settings, S3Client s3, Clock clock) {
    this.spark = spark;
    this.settings = settings;
    this.s3 = s3;
    this.clock = clock;
  }

  /** A job; {@code s3} may be null for a dry run (no call is made), and is required with apply. */
  public static RemediationJob create(SparkSession spark, Settings settings, S3Client s3) {
    if (settings.apply() && s3 == null) {
      throw new IllegalArgumentException("an S3 client is needed to apply remediation");
    }
    return new RemediationJob(spark, settings, s3, Clock.systemUTC());
  }

  /** Plans (and with apply, takes) one action per object in violation, and records them all. */
  public Result run() {
    TrawlCatalog catalog = settings.catalog();
    ComplianceViews.create(spark, catalog, settings.frameworks());
    List<String> names =
        settings.frameworks().frameworks().stream()
            .map(ComplianceFrameworks.Framework::name)
            .toList();
    String db = catalog.database();
    String sql =
        "SELECT first(v.account_id, TRUE) AS account_id, f.bucket, f.key,"
            + " array_sort(collect_set(v.framework)) AS frameworks,"
            + " array_sort(collect_set(v.violation_type)) AS violation_types"
            + " FROM "
            + db
            + ".compliance_violations v JOIN (SELECT bucket, key, detection_types, archived,"
            + " row_number() OVER (PARTITION BY bucket, key ORDER BY created_at DESC, run_id DESC)"
            + " AS rn FROM "
            + db
            + ".findings WHERE category = 'CLASSIFICATION' AND key IS NOT NULL) f"
            + " ON f.rn = 1 AND NOT coalesce(f.archived, FALSE) AND f.bucket = v.bucket"
            + " AND (v.key IS NULL OR v.key = f.key)"
            + " AND arrays_overlap(f.detection_types, v.identifier_types)"
            + " WHERE v.violation_type <> '"
            + ComplianceViews.POSTURE_UNKNOWN
            + "' AND v.framework IN ("
            + String.join(", ", names.stream().map(n -> "'" + n + "'").toList())
            + ") GROUP BY f.bucket, f.key ORDER BY f.bucket, f.key";
    Instant now = clock.instant();
    List<Row> records = new ArrayList<>();
    long[] counts = new long[4];
    for (Iterator<Row> it = spark.sql(sql).toLocalIterator(); it.hasNext(); ) {
      Row r = it.next();
      List<String> frameworks = r.getList(3);
      List<String> violations = r.getList(4);
      Map<String, String> tags = new TreeMap<>();
      tags.put(SENSITIVE_TAG, "true");
      tags.put(FRAMEWORKS_TAG, String.join("+", frameworks));
      tags.putAll(settings.tags());
      Outcome o = settings.apply() ? tag(r.getString(1), r.getString(2), tags) : Outcome.PLANNED;
      counts[o.status.ordinal()]++;
      records.add(
          RowFactory.create(
              settings.runId(),
              "TAG_OBJECT",
              settings.apply() ? "APPLY" : "DRY_RUN",
              r.getString(0),
              r.getString(1),
              r.getString(2),
              frameworks,
              violations,
              tags,
              o.existing,
              o.status.name(),
              o.error,
              Timestamp.from(now),
              Date.valueOf(now.atZone(ZoneOffset.UTC).toLocalDate())));
    }
    DeltaTables.replaceRun(
        spark,
        catalog,
        TrawlTable.REMEDIATION_ACTIONS,
        settings.runId(),
        spark.createDataFrame(records, nullable(TrawlTable.REMEDIATION_ACTIONS.schema())));
    return new Result(settings.runId(), counts[0], counts[1], counts[2], counts[3]);
  }

  private enum Status {
    PLANNED,
    APPLIED,
    UNCHANGED,
    FAILED
  }

  private record Outcome(Status status, Integer existing, String error) {
    static final Outcome PLANNED = new Outcome(Status.PLANNED, null, null);
  }

  /** Reads the object's tags, merges ours in, writes them back unless nothing changes. */
  private Outcome tag(String bucket, String key, Map<String, String> tags) {
    Integer existing = null;
    try {
      Map<String, String> current = new LinkedHashMap<>();
      for (Tag t :
          s3.getObjectTagging(GetObjectTaggingRequest.builder().bucket(bucket).key(key).build())
              .tagSet()) {
        current.put(t.key(), t.value());
      }
      existing = current.size();
      Map<String, String> merged = new LinkedHashMap<>(current);
      merged.putAll(tags);
      if (merged.equals(current)) {
        return new Outcome(Status.UNCHANGED, existing, null);
      }
      if (merged.size() > MAX_TAGS) {
        return new Outcome(
            Status.FAILED,
            existing,
            "the object would have "
                + merged.size()
                + " tags; S3 allows "
                + MAX_TAGS
                + " (remove some or pass fewer --tag)");
      }
      List<Tag> tagSet = new ArrayList<>();
      merged.forEach((k, v) -> tagSet.add(Tag.builder().key(k).value(v).build()));
      s3.putObjectTagging(
          PutObjectTaggingRequest.builder()
              .bucket(bucket)
              .key(key)
              .tagging(Tagging.builder().tagSet(tagSet).build())
              .build());
      return new Outcome(Status.APPLIED, existing, null);
    } catch (S3Exception e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      return new Outcome(
          Status.FAILED, existing, (code == null ? "" : code + ": ") + firstLine(e.getMessage()));
    } catch (SdkException e) {
      return new Outcome(Status.FAILED, existing, firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static StructType nullable(StructType schema) {
    StructField[] fields = schema.fields().clone();
    for (int i = 0; i < fields.length; i++) {
      fields[i] =
          new StructField(fields[i].name(), fields[i].dataType(), true, fields[i].metadata());
    }
    return new StructType(fields);
  }
}
