package io.trawl.jobs.compliance;

import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.TableRows;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A tiny estate's findings and bucket_risk rows for the governance tests: a public bucket with PHI,
 * a cardholder bucket, an untagged log bucket with card data, a bucket without posture, an archived
 * finding and a superseded one.
 */
public final class GovernanceRows {
  public static final String ACCOUNT = "111122223333";

  private GovernanceRows() {}

  /** A findings row (sensitive data finding unless category says otherwise). */
  public static Map<String, Object> finding(
      String runId, String id, String bucket, String key, String created, List<String> types) {
    Map<String, Object> row = new HashMap<>();
    row.put("finding_id", id);
    row.put("run_id", runId);
    row.put("account_id", ACCOUNT);
    row.put("region", "us-east-1");
    row.put("partition_name", "aws");
    row.put("category", "CLASSIFICATION");
    row.put("type", "SensitiveData:S3Object/Personal");
    row.put("severity", "High");
    row.put("severity_score", 3);
    row.put("title", "The S3 object contains personal information.");
    row.put("description", "The S3 object contains personal information.");
    row.put("bucket", bucket);
    row.put("bucket_arn", "arn:aws:s3:::" + bucket);
    row.put("key", key);
    row.put("object_path", bucket + "/" + key);
    row.put("size", 100L);
    row.put("status_code", "COMPLETE");
    row.put("detection_types", types);
    row.put("sensitive_data_categories", List.of("PERSONAL_INFORMATION"));
    row.put("total_count", 3L);
    row.put("archived", false);
    row.put("created_at", Timestamp.valueOf(created));
    row.put("updated_at", Timestamp.valueOf(created));
    row.put("run_date", Date.valueOf(created.substring(0, 10)));
    return row;
  }

  /** A bucket_risk row with a known posture. */
  public static Map<String, Object> risk(
      String runId,
      String bucket,
      String permission,
      String shared,
      String encryption,
      Map<String, String> tags,
      String updated) {
    Map<String, Object> row = new HashMap<>();
    row.put("run_id", runId);
    row.put("account_id", ACCOUNT);
    row.put("bucket", bucket);
    row.put("posture_source", "file");
    row.put("effective_permission", permission);
    row.put("shared_access", shared);
    row.put("allows_unencrypted_object_uploads", "TRUE");
    row.put("default_server_side_encryption", encryption);
    row.put("replicated_externally", false);
    row.put("bucket_tags", tags);
    row.put("updated_at", Timestamp.valueOf(updated));
    row.put("run_date", Date.valueOf(updated.substring(0, 10)));
    return row;
  }

  /** Writes the standard tiny estate into {@code catalog}. */
  @SuppressWarnings("unchecked")
  public static void write(SparkSession spark, TrawlCatalog catalog) {
    Map<String, Object> archived =
        finding("r1", "f6", "logs", "creds.env", "2026-11-02 10:00:00", List.of("AWS_CREDENTIALS"));
    archived.put("archived", true);
    DeltaTables.append(
        spark,
        catalog,
        TrawlTable.FINDINGS,
        TableRows.of(
            spark,
            TrawlTable.FINDINGS,
            finding(
                "r1",
                "f1",
                "health-public",
                "a.csv",
                "2026-11-02 10:00:00",
                List.of("NAME", "UK_NHS_NUMBER")),
            finding(
                "r1",
                "f2",
                "health-public",
                "b.csv",
                "2026-11-02 10:00:00",
                List.of("UK_NHS_NUMBER")),
            finding(
                "r1",
                "f3",
                "payments",
                "cards.csv",
                "2026-11-02 10:00:00",
                List.of("CREDIT_CARD_NUMBER")),
            finding(
                "r1",
                "f4",
                "logs",
                "dump.txt",
                "2026-11-02 10:00:00",
                List.of("CREDIT_CARD_NUMBER", "CREDIT_CARD_SECURITY_CODE")),
            finding(
                "r1",
                "f5",
                "no-posture",
                "people.csv",
                "2026-11-02 10:00:00",
                List.of("USA_SOCIAL_SECURITY_NUMBER")),
            archived,
            // Superseded by f4 (a later run on the same object): must not count.
            finding(
                "r0", "f7", "logs", "dump.txt", "2026-11-01 10:00:00", List.of("GITHUB_TOKEN"))));
    DeltaTables.append(
        spark,
        catalog,
        TrawlTable.BUCKET_RISK,
        TableRows.of(
            spark,
            TrawlTable.BUCKET_RISK,
            risk(
                "s1",
                "health-public",
                "PUBLIC",
                "NOT_SHARED",
                "AES256",
                Map.of(),
                "2026-11-02 11:00:00"),
            risk(
                "s1",
                "payments",
                "NOT_PUBLIC",
                "NOT_SHARED",
                "aws:kms",
                Map.of("data-classification", "cardholder"),
                "2026-11-02 11:00:00"),
            // An older, public posture of payments: superseded by the row above.
            risk("s0", "payments", "PUBLIC", "NOT_SHARED", "NONE", Map.of(), "2026-11-01 11:00:00"),
            risk(
                "s1",
                "logs",
                "NOT_PUBLIC",
                "NOT_SHARED",
                "AES256",
                Map.of("team", "ops"),
                "2026-11-02 11:00:00")));
  }
}
