package io.trawl.jobs.score;

import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code bucket_settings} table: what a user set for a bucket (Macie's {@code
 * UpdateResourceProfile} override and {@code UpdateResourceProfileDetections} suppressions). Each
 * change writes the bucket's whole setting as a new row and never rewrites old ones, so the table
 * is the history; the latest row per bucket applies.
 */
public final class BucketSettings {
  private BucketSettings() {}

  /**
   * A bucket's setting.
   *
   * @param accountId owner account, if known
   * @param bucket bucket name
   * @param suppressedTypes data identifier IDs left out of the score
   * @param override 100 or null
   * @param reason the user's reason
   * @param changedBy who changed it
   * @param changedAt when
   */
  public record Setting(
      String accountId,
      String bucket,
      List<String> suppressedTypes,
      Integer override,
      String reason,
      String changedBy,
      Instant changedAt) {
    public Setting {
      suppressedTypes = List.copyOf(new TreeSet<>(suppressedTypes));
    }

    /** No setting: nothing suppressed, calculated score. */
    public static Setting none(String bucket) {
      return new Setting(null, bucket, List.of(), null, null, null, null);
    }
  }

  /** The latest setting of every bucket that has one. */
  public static Map<String, Setting> latest(SparkSession spark, TrawlCatalog catalog) {
    DeltaTables.ensureTable(spark, catalog, TrawlTable.BUCKET_SETTINGS);
    List<Row> rows =
        DeltaTables.read(spark, catalog, TrawlTable.BUCKET_SETTINGS)
            .selectExpr(
                "*",
                "row_number() OVER (PARTITION BY bucket ORDER BY changed_at DESC, run_id DESC) rn")
            .where("rn = 1")
            .select(
                "account_id",
                "bucket",
                "suppressed_identifier_types",
                "sensitivity_score_override",
                "reason",
                "changed_by",
                "changed_at")
            .collectAsList();
    Map<String, Setting> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.put(
          r.getString(1),
          new Setting(
              r.getString(0),
              r.getString(1),
              r.isNullAt(2) ? List.of() : r.getList(2),
              r.isNullAt(3) ? null : r.getInt(3),
              r.getString(4),
              r.getString(5),
              r.isNullAt(6) ? null : r.getTimestamp(6).toInstant()));
    }
    return out;
  }

  /** Writes one change (one row per bucket) in one commit under {@code runId}. */
  public static void write(
      SparkSession spark, TrawlCatalog catalog, String runId, List<Setting> settings) {
    List<Row> rows = new ArrayList<>();
    for (Setting s : settings) {
      rows.add(
          RowFactory.create(
              runId,
              s.accountId(),
              s.bucket(),
              s.suppressedTypes().toArray(new String[0]),
              s.override(),
              s.reason(),
              s.changedBy(),
              Timestamp.from(s.changedAt()),
              Date.valueOf(s.changedAt().atZone(ZoneOffset.UTC).toLocalDate())));
    }
    Dataset<Row> df = spark.createDataFrame(rows, TrawlTable.BUCKET_SETTINGS.schema());
    DeltaTables.replaceRun(spark, catalog, TrawlTable.BUCKET_SETTINGS, runId, df);
  }
}
