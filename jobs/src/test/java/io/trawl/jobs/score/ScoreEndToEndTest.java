package io.trawl.jobs.score;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.testing.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code trawl score} end to end on a tiny folder estate: inventory and classification through the
 * pipeline, then scoring through the CLI with a posture file; settings changes through {@code trawl
 * bucket-settings} and a rerun. Tests run in order because later ones build on earlier ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoreEndToEndTest {
  static final String DB = "score_e2e";
  static final String RUN = "score-1";

  static SparkSession spark;
  static Path root;
  static Pipeline pipeline;
  static Path postureFile;

  @BeforeAll
  static void estate() throws IOException {
    spark = SharedSpark.session();
    root = SharedSpark.newFolder("score-e2e");
    Path estate = root.resolve("estate");
    write(estate, "hr/staff.csv", "name,ssn\nJohn Doe,536-22-8426\nJane Roe,412-77-9031\n");
    write(estate, "hr/more/staff2.csv", "name,ssn\nJim Poe,219-45-1163\n");
    write(estate, "web/readme.txt", "Welcome to our site.\n");
    write(estate, "dev/.env", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzXa8Ym1q2C\n");
    write(estate, "empty/zero.txt", "");
    write(estate, "later/notes.txt", "not classified yet\n");
    pipeline = new Pipeline(spark, new TrawlCatalog(DB, root.resolve("tables").toUri().toString()));
    pipeline.inventory(List.of(estate.toUri().toString()), List.of());
    pipeline.classify(
        Pipeline.job("score-e2e", "", "hr", "web", "dev", "empty"),
        "classify-1",
        List.of(),
        List.of(),
        null);
    String acct = Pipeline.ACCOUNT;
    postureFile = root.resolve("posture.json");
    Files.writeString(
        postureFile,
        "{\"accountBlockPublicAccess\": null, \"buckets\": ["
            + "{\"bucket\":\"web\",\"accountId\":\""
            + acct
            + "\",\"blockPublicAccess\":null,\"objectOwnership\":\"BucketOwnerEnforced\","
            + "\"defaultEncryption\":\"AES256\",\"policy\":{\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::web/*\"}]}},"
            + "{\"bucket\":\"hr\",\"accountId\":\""
            + acct
            + "\",\"blockPublicAccess\":{\"blockPublicAcls\":true,\"ignorePublicAcls\":true,"
            + "\"blockPublicPolicy\":true,\"restrictPublicBuckets\":true},\"defaultEncryption\":"
            + "\"aws:kms\",\"policy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::999988887777:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]},"
            + "\"tags\":{\"team\":\"people\"}},"
            + "{\"bucket\":\"dev\",\"defaultEncryption\":\"NONE\",\"policy\":null},"
            + "{\"bucket\":\"later\",\"replicationDestinations\":[{\"bucket\":\"arn:aws:s3:::x\","
            + "\"accountId\":\"444455556666\"}]},"
            + "{\"bucket\":\"never\",\"accountId\":\""
            + acct
            + "\",\"policy\":null,\"defaultEncryption\":\"aws:kms\"}]}",
        StandardCharsets.UTF_8);
  }

  static void write(Path estate, String path, String content) throws IOException {
    Path p = estate.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  static String[] cli(String... args) {
    return pipeline.cli(root, args);
  }

  static Map<String, Row> risk(String runId) {
    Map<String, Row> byBucket = new HashMap<>();
    for (Row r :
        pipeline
            .table(TrawlTable.BUCKET_RISK)
            .where(col("run_id").equalTo(runId))
            .collectAsList()) {
      byBucket.put(r.getAs("bucket"), r);
    }
    return byBucket;
  }

  @Test
  @Order(1)
  void classifyFillsTheSensitivityScoreOfBucketProfiles() {
    Map<String, Integer> scores = new HashMap<>();
    for (Row r :
        pipeline
            .table(TrawlTable.BUCKET_PROFILES)
            .where(col("run_id").equalTo("classify-1"))
            .collectAsList()) {
      scores.put(r.getAs("bucket"), r.getAs("sensitivity_score"));
      assertThat((Long) r.getAs("profile_objects_classified")).isNotNull();
    }
    assertThat(scores.get("hr")).isBetween(51, 99);
    assertThat(scores.get("dev")).isBetween(51, 99);
    assertThat(scores.get("web")).isBetween(1, 49);
    assertThat(scores.get("empty")).isEqualTo(1);
  }

  @Test
  @Order(2)
  void scoresEveryBucketWithReasonsAndWritesPolicyFindings() throws IOException {
    String[] r = cli("score", "--posture-file", postureFile.toString(), "--run-id", RUN);
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("SENSITIVITY", "EXPOSURE", "RISK", "web", "never");

    Map<String, Row> risk = risk(RUN);
    assertThat(risk.keySet())
        .containsExactlyInAnyOrder("hr", "web", "dev", "empty", "later", "never");
    for (Row row : risk.values()) {
      assertThat((Integer) row.getAs("sensitivity_score")).isNotNull();
      assertThat((Integer) row.getAs("exposure_score")).isBetween(0, 100);
      assertThat((Integer) row.getAs("risk_score")).isBetween(0, 100);
      assertThat(row.<String>getAs("risk_level")).isIn("LOW", "MEDIUM", "HIGH", "CRITICAL");
      assertThat(row.<scala.collection.Seq<String>>getAs("risk_reasons").isEmpty()).isFalse();
    }
    assertThat((Integer) risk.get("hr").getAs("sensitivity_score")).isBetween(51, 99);
    assertThat((Integer) risk.get("later").getAs("sensitivity_score")).isEqualTo(50);
    assertThat((Integer) risk.get("never").getAs("sensitivity_score")).isEqualTo(50);
    assertThat(risk.get("never").<String>getAs("sensitivity_label")).isEqualTo("Not yet analyzed");
    assertThat((Integer) risk.get("empty").getAs("sensitivity_score")).isEqualTo(1);
    assertThat(risk.get("web").<String>getAs("effective_permission")).isEqualTo("PUBLIC");
    assertThat(risk.get("hr").<String>getAs("shared_access")).isEqualTo("EXTERNAL");
    assertThat(risk.get("dev").<String>getAs("default_server_side_encryption")).isEqualTo("NONE");
    assertThat(risk.get("empty").<String>getAs("posture_source")).isEqualTo("unknown");
    assertThat(risk.get("empty").<String>getAs("effective_permission")).isEqualTo("UNKNOWN");
    String hrReasons = risk.get("hr").getAs("risk_reasons").toString();
    assertThat(hrReasons)
        .contains("shared with external account 999988887777")
        .contains("2 objects with USA_SOCIAL_SECURITY_NUMBER");
    assertThat(risk.get("web").getAs("risk_reasons").toString())
        .contains("public read through the bucket policy");

    Map<String, List<String>> expected =
        Map.of(
            "web",
                List.of(
                    "Policy:IAMUser/S3BucketPublic", "Policy:IAMUser/S3BlockPublicAccessDisabled"),
            "hr", List.of("Policy:IAMUser/S3BucketSharedExternally"),
            "dev", List.of("Policy:IAMUser/S3BucketEncryptionDisabled"),
            "later", List.of("Policy:IAMUser/S3BucketReplicatedExternally"));
    List<Row> findings =
        pipeline
            .table(TrawlTable.FINDINGS)
            .where(col("run_id").equalTo(RUN))
            .select("bucket", "type", "category", "severity", "key", "finding_json")
            .collectAsList();
    Map<String, List<String>> byBucket = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Row f : findings) {
      byBucket.computeIfAbsent(f.getString(0), k -> new ArrayList<>()).add(f.getString(1));
      assertThat(f.getString(2)).isEqualTo("POLICY");
      assertThat(f.isNullAt(4)).isTrue();
      JsonNode doc = json.readTree(f.getString(5));
      assertThat(doc.path("category").asText()).isEqualTo("POLICY");
      assertThat(doc.path("resourcesAffected").path("s3Bucket").path("name").asText())
          .isEqualTo(f.getString(0));
      assertThat(doc.path("severity").path("description").asText()).isEqualTo(f.getString(3));
    }
    assertThat(byBucket.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (b, types) -> assertThat(byBucket.get(b)).containsExactlyInAnyOrderElementsOf(types));
    for (String b : expected.keySet()) {
      assertThat(risk.get(b).getAs("policy_finding_types").toString())
          .contains(expected.get(b).get(0));
    }
    // The classification findings of the classify run are untouched.
    assertThat(
            pipeline
                .table(TrawlTable.FINDINGS)
                .where(col("run_id").equalTo("classify-1"))
                .where(col("category").equalTo("CLASSIFICATION"))
                .count())
        .isPositive();
  }

  @Test
  @Order(3)
  void suppressionAndOverrideChangeTheScoreOnRerun() {
    String[] s =
        cli(
            "bucket-settings",
            "--bucket",
            "hr",
            "--suppress",
            "USA_SOCIAL_SECURITY_NUMBER",
            "--reason",
            "test fixtures");
    assertThat(s[0]).as(s[2]).isEqualTo("0");
    String[] o = cli("bucket-settings", "--bucket", "web", "--override", "100");
    assertThat(o[0]).as(o[2]).isEqualTo("0");
    assertThat(o[1]).contains("web", "100");
    String[] r = cli("score", "--posture-file", postureFile.toString(), "--run-id", RUN);
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    Map<String, Row> risk = risk(RUN);
    assertThat(risk).hasSize(6);
    Row hr = risk.get("hr");
    assertThat(hr.getAs("identifier_types").toString()).doesNotContain("USA_SOCIAL_SECURITY");
    assertThat((Integer) hr.getAs("sensitivity_score")).isLessThan(50);
    assertThat((Integer) risk.get("web").getAs("sensitivity_score")).isEqualTo(100);
    assertThat(risk.get("web").<String>getAs("risk_level")).isEqualTo("CRITICAL");
    // Rerunning the run replaced its policy findings rather than adding to them.
    assertThat(pipeline.table(TrawlTable.FINDINGS).where(col("run_id").equalTo(RUN)).count())
        .isEqualTo(5);
    // The settings table is the history: both changes are kept.
    assertThat(pipeline.table(TrawlTable.BUCKET_SETTINGS).count()).isEqualTo(2);
    String[] clear = cli("bucket-settings", "--bucket", "web", "--clear-override");
    assertThat(clear[0]).isEqualTo("0");
    assertThat(pipeline.table(TrawlTable.BUCKET_SETTINGS).count()).isEqualTo(3);
  }

  @Test
  @Order(4)
  void badInputsAreClearErrors() throws IOException {
    Path bad = root.resolve("bad-posture.json");
    Files.writeString(bad, "{\"buckets\":[{\"bucket\":\"web\",\"defaultEncryption\":\"ROT13\"}]}");
    String[] r = cli("score", "--posture-file", bad.toString());
    assertThat(r[0]).isEqualTo("3");
    assertThat(r[2]).contains("bucket web", "defaultEncryption", "ROT13");
    Files.writeString(bad, "{\"buckets\":[{\"bucket\":\"web\",\"polcy\":null}]}");
    assertThat(cli("score", "--posture-file", bad.toString())[2])
        .contains("unknown field \"polcy\"");
    assertThat(cli("score", "--posture-file", root.resolve("missing.json").toString())[0])
        .isEqualTo("2");
    String[] clash = cli("score", "--run-id", "classify-1");
    assertThat(clash[0]).isEqualTo("2");
    assertThat(clash[2]).contains("classification run");
    assertThat(cli("bucket-settings", "--bucket", "web", "--override", "80")[2])
        .contains("must be 100");
  }

  /** The buckets a classification job with these bucket criteria analysed. */
  static java.util.Set<String> classifiedBuckets(String runId, String bucketCriteria) {
    pipeline.classify(
        "{\"name\":\""
            + runId
            + "\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":{\"bucketCriteria\":"
            + bucketCriteria
            + "}}",
        runId,
        List.of(),
        List.of(),
        null);
    java.util.Set<String> buckets = new java.util.TreeSet<>();
    for (Row r :
        pipeline
            .table(TrawlTable.CLASSIFICATION_RESULTS)
            .where(col("run_id").equalTo(runId))
            .select("bucket")
            .distinct()
            .collectAsList()) {
      buckets.add(r.getString(0));
    }
    return buckets;
  }

  /**
   * Macie evaluates a job's bucket criteria on posture and tags against its bucket inventory; Trawl
   * against the latest scoring run's bucket_risk (web is public by policy, hr is shared with
   * another account and tagged team=people in the posture file).
   */
  @Test
  @Order(5)
  void bucketCriteriaOnPostureAndTagsUseTheLatestScore() {
    String acct = Pipeline.ACCOUNT;
    assertThat(
            classifiedBuckets(
                "criteria-public",
                "{\"includes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":\"EQ\","
                    + "\"key\":\"S3_BUCKET_EFFECTIVE_PERMISSION\",\"values\":[\"PUBLIC\"]}}]}}"))
        .containsExactly("web");
    assertThat(
            classifiedBuckets(
                "criteria-tag",
                "{\"includes\":{\"and\":[{\"tagCriterion\":{\"comparator\":\"EQ\","
                    + "\"tagValues\":[{\"key\":\"team\",\"value\":\"people\"}]}}]}}"))
        .containsExactly("hr");
    assertThat(
            classifiedBuckets(
                "criteria-not-external",
                "{\"includes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":\"EQ\","
                    + "\"key\":\"ACCOUNT_ID\",\"values\":[\""
                    + acct
                    + "\"]}}]},\"excludes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":"
                    + "\"EQ\",\"key\":\"S3_BUCKET_SHARED_ACCESS\",\"values\":[\"EXTERNAL\"]}}]}}"))
        .contains("web", "dev")
        .doesNotContain("hr");
  }

  /** Settings moved from Macie as its request bodies, many buckets in one commit. */
  @Test
  @Order(6)
  void bucketSettingsImportMacieRequestBodies() throws IOException {
    long before = pipeline.table(TrawlTable.BUCKET_SETTINGS).count();
    Path bad = root.resolve("bad-settings.json");
    Files.writeString(
        bad,
        "[{\"resourceArn\":\"arn:aws:s3:::dev\",\"sensitivityScoreOverride\":100},"
            + "{\"resourceArn\":\"arn:aws:s3:::hr\",\"suppressDataIdentifiers\":"
            + "[{\"id\":\"SSN\",\"type\":\"MANAGED\"}]}]");
    String[] rejected = cli("bucket-settings", "--from-file", bad.toString());
    assertThat(rejected[0]).isEqualTo("3");
    assertThat(rejected[2]).contains("entry 2", "'SSN' is not a managed data identifier");
    assertThat(pipeline.table(TrawlTable.BUCKET_SETTINGS).count())
        .as("a bad entry writes nothing, not even the good ones")
        .isEqualTo(before);
    assertThat(cli("bucket-settings", "--from-file", bad.toString(), "--bucket", "dev")[0])
        .isEqualTo("2");

    Path file = root.resolve("macie-settings.json");
    Files.writeString(
        file,
        "[{\"resourceArn\":\"arn:aws:s3:::dev\",\"sensitivityScoreOverride\":100},"
            + "{\"resourceArn\":\"arn:aws:s3:::hr\",\"suppressDataIdentifiers\":[]}]");
    String[] r = cli("bucket-settings", "--from-file", file.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("Saved 2 bucket setting(s)", "dev", "hr");
    List<Row> written =
        pipeline
            .table(TrawlTable.BUCKET_SETTINGS)
            .selectExpr("run_id", "bucket", "sensitivity_score_override", "reason")
            .where(col("reason").equalTo("imported from macie-settings.json"))
            .collectAsList();
    assertThat(written).hasSize(2);
    assertThat(written.get(0).getString(0)).as("one commit").isEqualTo(written.get(1).getString(0));

    String[] scored = cli("score", "--posture-file", postureFile.toString(), "--run-id", "score-2");
    assertThat(scored[0]).as(scored[2]).isEqualTo("0");
    Map<String, Row> risk = risk("score-2");
    assertThat((Integer) risk.get("dev").getAs("sensitivity_score")).isEqualTo(100);
    // hr's suppression was replaced by an empty list: its SSNs count again.
    assertThat(risk.get("hr").getAs("identifier_types").toString())
        .contains("USA_SOCIAL_SECURITY_NUMBER");
    assertThat((Integer) risk.get("hr").getAs("sensitivity_score")).isGreaterThan(50);
  }
}
