package io.trawl.jobs.score;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.testing.LogCapture;
import io.trawl.jobs.testing.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code trawl score --posture-api} end to end through the CLI: posture read by the AWS SDK clients
 * from {@link PostureApiStandIn} (the S3 posture APIs have no S3-compatible server to run here),
 * scored into bucket_risk and policy findings, then used by a job's bucketCriteria.
 */
class ScorePostureApiCliTest {
  static final String DB = "score_api";

  static SparkSession spark;
  static Path root;
  static Pipeline pipeline;
  static PostureApiStandIn standIn;

  @BeforeAll
  static void estate() throws IOException {
    spark = SharedSpark.session();
    root = SharedSpark.newFolder("score-api");
    Path estate = root.resolve("estate");
    for (String bucket : List.of("web", "plain", "locked")) {
      Path f = estate.resolve(bucket).resolve("people.csv");
      Files.createDirectories(f.getParent());
      Files.writeString(f, "name,ssn\nJohn Doe,536-22-8426\n", StandardCharsets.UTF_8);
    }
    pipeline = new Pipeline(spark, new TrawlCatalog(DB, root.resolve("tables").toUri().toString()));
    pipeline.inventory(List.of(estate.toUri().toString()), List.of());
    standIn = PostureApiStandIn.start();
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  static String[] cli(String... args) {
    return pipeline.cli(root, args);
  }

  @Test
  void scoresWithPostureFromTheApisAndJobsSelectBucketsByIt() {
    // Before any score, a posture criterion sees every bucket as UNKNOWN, and the log says why.
    StringBuilder log = new StringBuilder();
    try (LogCapture capture = LogCapture.start(log)) {
      assertThat(classifiedBuckets("public-0")).isEmpty();
    }
    assertThat(log).contains("has no rows yet", "run `trawl score` first");

    String[] r =
        cli(
            "score",
            "--posture-api",
            "--s3-endpoint",
            standIn.endpoint().toString(),
            "--s3-access-key",
            "test-key",
            "--s3-secret-key",
            "test-secret",
            "--run-id",
            "api-1");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("web", "plain", "locked");
    Map<String, Row> risk = new HashMap<>();
    for (Row row :
        pipeline
            .table(TrawlTable.BUCKET_RISK)
            .where(col("run_id").equalTo("api-1"))
            .collectAsList()) {
      risk.put(row.getAs("bucket"), row);
    }
    assertThat(risk.keySet()).containsExactlyInAnyOrder("web", "plain", "locked");
    Row web = risk.get("web");
    assertThat(web.<String>getAs("posture_source")).isEqualTo("api");
    assertThat(web.<String>getAs("region")).isEqualTo("eu-west-1");
    assertThat(web.<String>getAs("effective_permission")).isEqualTo("PUBLIC");
    // Replication to another account is its own finding, not shared access (Macie's definition).
    assertThat(web.<String>getAs("shared_access")).isEqualTo("NOT_SHARED");
    assertThat(web.<Boolean>getAs("replicated_externally")).isTrue();
    assertThat(web.getJavaMap(web.fieldIndex("bucket_tags"))).containsEntry("team", "web");
    assertThat(risk.get("plain").<String>getAs("effective_permission")).isEqualTo("NOT_PUBLIC");
    assertThat(risk.get("locked").<String>getAs("effective_permission")).isEqualTo("UNKNOWN");
    Set<String> webFindings = new TreeSet<>();
    for (Row f :
        pipeline
            .table(TrawlTable.FINDINGS)
            .where(col("run_id").equalTo("api-1").and(col("bucket").equalTo("web")))
            .select("type")
            .collectAsList()) {
      webFindings.add(f.getString(0));
    }
    assertThat(webFindings).contains("Policy:IAMUser/S3BucketPublic");
    assertThat(standIn.requests())
        .anyMatch(q -> q.startsWith("/web?policyStatus"))
        .anyMatch(q -> q.startsWith("/v20180820/configuration/publicAccessBlock"));

    // A Macie job for public buckets now finds the one the APIs said is public.
    assertThat(classifiedBuckets("public-1")).containsExactly("web");
  }

  /** The buckets a job "every PUBLIC bucket" analysed in run {@code runId}. */
  static Set<String> classifiedBuckets(String runId) {
    pipeline.classify(
        "{\"name\":\"public-buckets\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":{"
            + "\"bucketCriteria\":{\"includes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":"
            + "\"EQ\",\"key\":\"S3_BUCKET_EFFECTIVE_PERMISSION\",\"values\":[\"PUBLIC\"]}}]}}}}",
        runId,
        List.of(),
        List.of(),
        null);
    Set<String> buckets = new TreeSet<>();
    for (Row row :
        pipeline
            .table(TrawlTable.CLASSIFICATION_RESULTS)
            .where(col("run_id").equalTo(runId))
            .select("bucket")
            .collectAsList()) {
      buckets.add(row.getString(0));
    }
    return buckets;
  }
}
