package io.trawl.jobs.score;

import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Macie's resource profile of every bucket: everything analysed so far, as {@code
 * GetResourceProfile} reports it. For each object still in its bucket's latest inventory, the
 * latest classification result of any run counts, unless the object changed since (another ETag):
 * scheduled incremental runs and sampled discovery runs add up to one picture, and results of
 * deleted or changed objects drop out, as Macie's do. Suppressed data types (from {@code
 * bucket_settings}) are counted apart and left out of the score.
 */
public final class ResourceProfiles {
  /**
   * Skip reasons that are not errors: Macie never selects unsupported types or storage classes, and
   * an object that changed or went away is simply no longer there to score.
   */
  static final List<String> NOT_ERRORS =
      List.of(
          "UNSUPPORTED_FILE_TYPE_EXCEPTION",
          "INVALID_OBJECT_STATE",
          "OBJECT_VERSION_MISMATCH",
          "SOURCE_OBJECT_NO_LONGER_AVAILABLE");

  private ResourceProfiles() {}

  /**
   * One bucket's profile and score.
   *
   * @param accountId owner account
   * @param bucket bucket name
   * @param objectsTotal objects in the latest inventory
   * @param bytesTotal bytes in the latest inventory
   * @param objectsClassified objects analysed (COMPLETE or PARTIAL)
   * @param bytesClassified bytes classified
   * @param objectsSensitive objects with a data type not suppressed
   * @param objectsSkipped objects skipped
   * @param skippedPermissionDenied skipped for PERMISSION_DENIED
   * @param skippedInvalidEncryption skipped for INVALID_ENCRYPTION
   * @param skippedInvalidKms skipped for INVALID_KMS_KEY
   * @param objectsFailed skipped because of an error
   * @param detections occurrences of types not suppressed
   * @param detectionsSuppressed occurrences of suppressed types
   * @param types every type found, suppressed ones included
   * @param suppressed the types suppressed for the bucket
   * @param score the sensitivity score
   */
  public record Profile(
      String accountId,
      String bucket,
      long objectsTotal,
      long bytesTotal,
      long objectsClassified,
      long bytesClassified,
      long objectsSensitive,
      long objectsSkipped,
      long skippedPermissionDenied,
      long skippedInvalidEncryption,
      long skippedInvalidKms,
      long objectsFailed,
      long detections,
      long detectionsSuppressed,
      List<TypeStatistics> types,
      List<String> suppressed,
      SensitivityScore.Result score) {}

  /**
   * One data type in a bucket.
   *
   * @param type identifier ID
   * @param category Macie category
   * @param objects objects it was found in
   * @param occurrences occurrences
   * @param suppressed whether it is suppressed for the bucket
   */
  public record TypeStatistics(
      String type, String category, long objects, long occurrences, boolean suppressed) {}

  /** Every bucket of the latest inventory (or only {@code buckets}, if not null), by name. */
  public static Map<String, Profile> compute(
      SparkSession spark,
      TrawlCatalog catalog,
      Map<String, BucketSettings.Setting> settings,
      Collection<String> buckets) {
    DeltaTables.ensureTable(spark, catalog, TrawlTable.OBJECTS);
    DeltaTables.ensureTable(spark, catalog, TrawlTable.CLASSIFICATION_RESULTS);
    DeltaTables.read(spark, catalog, TrawlTable.OBJECTS).createOrReplaceTempView("trawl_p_objects");
    DeltaTables.read(spark, catalog, TrawlTable.CLASSIFICATION_RESULTS)
        .createOrReplaceTempView("trawl_p_results");
    List<Row> supp = new ArrayList<>();
    settings
        .values()
        .forEach(s -> s.suppressedTypes().forEach(t -> supp.add(RowFactory.create(s.bucket(), t))));
    spark
        .createDataFrame(
            supp,
            new StructType().add("bucket", DataTypes.StringType).add("type", DataTypes.StringType))
        .createOrReplaceTempView("trawl_p_suppressed");
    String notErrors = "'" + String.join("', '", NOT_ERRORS) + "'";
    String bucketFilter = "";
    if (buckets != null) {
      if (buckets.isEmpty()) {
        return Map.of();
      }
      StringBuilder in = new StringBuilder();
      for (String b : buckets) {
        in.append(in.length() == 0 ? "" : ", ")
            .append('\'')
            .append(b.replace("'", "\\'"))
            .append('\'');
      }
      bucketFilter = " WHERE bucket IN (" + in + ")";
    }
    String sql =
        "WITH objs AS (SELECT * FROM trawl_p_objects"
            + bucketFilter
            + "), latest AS (SELECT bucket, max(snapshot_time) t FROM objs GROUP BY bucket),"
            + " inv AS (SELECT o.bucket, o.key, o.etag, o.size, o.account_id FROM objs o JOIN"
            + " latest l ON o.bucket = l.bucket AND o.snapshot_time = l.t),"
            + " invagg AS (SELECT bucket, first(account_id, true) account_id, count(*)"
            + " objects_total, coalesce(sum(size), 0) bytes_total FROM inv GROUP BY bucket),"
            + " res AS (SELECT * FROM (SELECT r.*, row_number() OVER (PARTITION BY r.bucket, r.key"
            + " ORDER BY r.classified_at DESC, r.run_id DESC) rn FROM trawl_p_results r JOIN"
            + " latest l ON r.bucket = l.bucket) WHERE rn = 1),"
            + " cur AS (SELECT r.* FROM res r JOIN inv o ON r.bucket = o.bucket AND r.key = o.key"
            + " AND (r.etag IS NULL OR o.etag IS NULL OR r.etag = o.etag)),"
            + " dx AS (SELECT c.bucket, c.key, d.type, d.category, d.count FROM cur c LATERAL"
            + " VIEW explode(c.detections) e AS d WHERE d.count > 0),"
            + " det AS (SELECT dx.*, s.type IS NOT NULL suppressed FROM dx LEFT JOIN"
            + " trawl_p_suppressed s ON s.bucket = dx.bucket AND s.type = dx.type),"
            + " types AS (SELECT bucket, collect_list(named_struct('type', type, 'category',"
            + " category, 'objects', objects, 'occurrences', occurrences, 'suppressed',"
            + " suppressed)) types, sum(CASE WHEN suppressed THEN 0 ELSE occurrences END)"
            + " detections, sum(CASE WHEN suppressed THEN occurrences ELSE 0 END)"
            + " detections_suppressed FROM (SELECT bucket, type, first(category) category,"
            + " count(DISTINCT key) objects, sum(count) occurrences, first(suppressed) suppressed"
            + " FROM det GROUP BY bucket, type) GROUP BY bucket),"
            + " sens AS (SELECT bucket, count(DISTINCT key) objects_sensitive FROM det WHERE NOT"
            + " suppressed GROUP BY bucket),"
            + " agg AS (SELECT bucket,"
            + " sum(CASE WHEN status_code != 'SKIPPED' THEN 1 ELSE 0 END) classified,"
            + " coalesce(sum(CASE WHEN status_code != 'SKIPPED' THEN size_classified END), 0)"
            + " bytes_classified,"
            + " sum(CASE WHEN status_code = 'SKIPPED' THEN 1 ELSE 0 END) skipped,"
            + " sum(CASE WHEN status_reason = 'PERMISSION_DENIED' THEN 1 ELSE 0 END) denied,"
            + " sum(CASE WHEN status_reason = 'INVALID_ENCRYPTION' THEN 1 ELSE 0 END) bad_sse,"
            + " sum(CASE WHEN status_reason = 'INVALID_KMS_KEY' THEN 1 ELSE 0 END) bad_kms,"
            + " sum(CASE WHEN status_code = 'SKIPPED' AND coalesce(status_reason, '') NOT IN ("
            + notErrors
            + ") THEN 1 ELSE 0 END) failed FROM cur GROUP BY bucket)"
            + " SELECT i.account_id, i.bucket, i.objects_total, i.bytes_total,"
            + " coalesce(a.classified, 0), coalesce(a.bytes_classified, 0),"
            + " coalesce(s.objects_sensitive, 0), coalesce(a.skipped, 0), coalesce(a.denied, 0),"
            + " coalesce(a.bad_sse, 0), coalesce(a.bad_kms, 0), coalesce(a.failed, 0),"
            + " coalesce(t.detections, 0), coalesce(t.detections_suppressed, 0), t.types"
            + " FROM invagg i LEFT JOIN agg a ON i.bucket = a.bucket LEFT JOIN sens s ON i.bucket"
            + " = s.bucket LEFT JOIN types t ON i.bucket = t.bucket ORDER BY i.bucket";
    List<Row> rows = spark.sql(sql).collectAsList();
    for (String view : List.of("trawl_p_objects", "trawl_p_results", "trawl_p_suppressed")) {
      spark.catalog().dropTempView(view);
    }
    Map<String, Profile> out = new LinkedHashMap<>();
    for (Row r : rows) {
      String bucket = r.getString(1);
      BucketSettings.Setting setting =
          settings.getOrDefault(bucket, BucketSettings.Setting.none(bucket));
      List<TypeStatistics> types = new ArrayList<>();
      if (!r.isNullAt(14)) {
        for (Row t : r.<Row>getList(14)) {
          types.add(
              new TypeStatistics(
                  t.getString(0), t.getString(1), t.getLong(2), t.getLong(3), t.getBoolean(4)));
        }
      }
      types.sort(
          java.util.Comparator.comparingLong(TypeStatistics::occurrences)
              .reversed()
              .thenComparing(TypeStatistics::type));
      out.put(bucket, profile(r, types, setting));
    }
    return out;
  }

  private static Profile profile(Row r, List<TypeStatistics> types, BucketSettings.Setting s) {
    List<SensitivityScore.TypeFound> found =
        types.stream()
            .filter(t -> !t.suppressed())
            .map(
                t ->
                    new SensitivityScore.TypeFound(
                        t.type(), t.category(), t.objects(), t.occurrences()))
            .toList();
    long objectsTotal = r.getLong(2);
    long bytesTotal = r.getLong(3);
    long classified = r.getLong(4);
    long failed = r.getLong(11);
    SensitivityScore.Result score =
        SensitivityScore.score(
            new SensitivityScore.Profile(
                objectsTotal, bytesTotal, classified, failed, found, s.override()));
    return new Profile(
        r.getString(0) != null ? r.getString(0) : s.accountId(),
        r.getString(1),
        objectsTotal,
        bytesTotal,
        classified,
        r.getLong(5),
        r.getLong(6),
        r.getLong(7),
        r.getLong(8),
        r.getLong(9),
        r.getLong(10),
        failed,
        r.getLong(12),
        r.getLong(13),
        List.copyOf(types),
        s.suppressedTypes(),
        score);
  }

  /** Schema of {@link #columns}: the bucket and the bucket_profiles columns a profile fills. */
  static StructType profileColumnsSchema() {
    StructType profiles = TrawlTable.BUCKET_PROFILES.schema();
    StructType out = new StructType().add("bucket", DataTypes.StringType);
    for (String c : PROFILE_COLUMNS) {
      out = out.add(profiles.apply(c));
    }
    return out;
  }

  /** The bucket_profiles columns a profile fills. */
  static final List<String> PROFILE_COLUMNS =
      List.of(
          "sensitivity_score",
          "sensitivity_label",
          "sensitivity_score_overridden",
          "sensitivity_reasons",
          "profile_objects_classified",
          "profile_bytes_classified",
          "profile_objects_sensitive",
          "profile_objects_skipped",
          "profile_objects_skipped_permission_denied",
          "profile_objects_skipped_invalid_encryption",
          "profile_objects_skipped_invalid_kms",
          "profile_objects_failed",
          "profile_detections",
          "profile_detections_suppressed",
          "profile_identifier_types",
          "suppressed_identifier_types");

  /** Profiles as rows of {@link #profileColumnsSchema()}, to join onto a run's statistics. */
  public static Dataset<Row> columns(SparkSession spark, Collection<Profile> profiles) {
    List<Row> rows = new ArrayList<>();
    for (Profile p : profiles) {
      List<Row> types = new ArrayList<>();
      for (TypeStatistics t : p.types()) {
        types.add(
            RowFactory.create(
                t.type(), t.category(), t.objects(), t.occurrences(), t.suppressed()));
      }
      rows.add(
          RowFactory.create(
              p.bucket(),
              p.score().score(),
              p.score().label(),
              p.score().overridden(),
              p.score().reasons().toArray(new String[0]),
              p.objectsClassified(),
              p.bytesClassified(),
              p.objectsSensitive(),
              p.objectsSkipped(),
              p.skippedPermissionDenied(),
              p.skippedInvalidEncryption(),
              p.skippedInvalidKms(),
              p.objectsFailed(),
              p.detections(),
              p.detectionsSuppressed(),
              types.toArray(new Row[0]),
              p.suppressed().toArray(new String[0])));
    }
    return spark.createDataFrame(rows, profileColumnsSchema());
  }
}
