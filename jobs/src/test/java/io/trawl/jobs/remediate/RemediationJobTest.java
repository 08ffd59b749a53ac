package io.trawl.jobs.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.compliance.ComplianceFrameworks;
import io.trawl.jobs.compliance.GovernanceRows;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Remediation by object tagging: a dry run plans and records, apply tags through the real SDK v2 S3
 * client against {@link TaggingStandIn} (a loopback fake, because S3Proxy does not implement object
 * tagging), keeping existing tags and recording failures.
 */
class RemediationJobTest {
  @Test
  void dryRunPlansThenApplyTagsKeepingExistingTags() throws Exception {
    SparkSession spark = SharedSpark.session();
    TrawlCatalog catalog =
        new TrawlCatalog(
            "remediation_test",
            TrawlCatalog.local(SharedSpark.newFolder("remediate")).warehouseRoot());
    GovernanceRows.write(spark, catalog);
    ComplianceFrameworks fw = ComplianceFrameworks.load();

    RemediationJob.Result dry =
        RemediationJob.create(
                spark, new RemediationJob.Settings(catalog, fw, Map.of(), false, "dry-1"), null)
            .run();
    // health-public a.csv and b.csv (HIPAA, GDPR) and logs/dump.txt (PCI DSS); the object in the
    // bucket without posture is not acted on.
    assertThat(dry.planned()).isEqualTo(3);
    List<Row> planned = actions(spark, catalog, "dry-1");
    assertThat(planned)
        .extracting(Row::toString)
        .containsExactly(
            "[health-public,a.csv,GDPR+HIPAA,PLANNED,DRY_RUN,null]",
            "[health-public,b.csv,GDPR+HIPAA,PLANNED,DRY_RUN,null]",
            "[logs,dump.txt,PCI DSS,PLANNED,DRY_RUN,null]");

    try (TaggingStandIn s3 = new TaggingStandIn();
        S3Client client =
            S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("ak", "sk")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
      s3.put("health-public", "a.csv", Map.of("owner", "hr"));
      s3.put("logs", "dump.txt", Map.of());
      // b.csv is gone from the bucket: its action fails and is recorded.
      RemediationJob.Result applied =
          RemediationJob.create(
                  spark,
                  new RemediationJob.Settings(
                      catalog, fw, Map.of("review", "2026-q4"), true, "apply-1"),
                  client)
              .run();
      assertThat(applied.applied()).isEqualTo(2);
      assertThat(applied.failed()).isEqualTo(1);
      assertThat(s3.tags("health-public", "a.csv"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "owner", "hr",
                  "trawl:sensitive", "true",
                  "trawl:frameworks", "GDPR+HIPAA",
                  "review", "2026-q4"));
      assertThat(s3.tags("logs", "dump.txt"))
          .containsEntry("trawl:frameworks", "PCI DSS")
          .containsEntry("trawl:sensitive", "true");
      List<Row> rows = actions(spark, catalog, "apply-1");
      assertThat(rows.get(1).getString(3)).isEqualTo("FAILED");
      assertThat(rows.get(1).getString(5)).startsWith("NoSuchKey");

      // Applying again changes nothing.
      RemediationJob.Result again =
          RemediationJob.create(
                  spark,
                  new RemediationJob.Settings(
                      catalog, fw, Map.of("review", "2026-q4"), true, "apply-2"),
                  client)
              .run();
      assertThat(again.unchanged()).isEqualTo(2);
      assertThat(again.applied()).isZero();
    }
  }

  private static List<Row> actions(SparkSession spark, TrawlCatalog catalog, String runId) {
    return DeltaTables.read(spark, catalog, TrawlTable.REMEDIATION_ACTIONS)
        .filter("run_id = '" + runId + "'")
        .selectExpr(
            "bucket", "key", "array_join(frameworks, '+') AS frameworks", "status", "mode", "error")
        .orderBy("bucket", "key")
        .collectAsList();
  }
}
