package io.trawl.jobs.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.detection.AllowList;
import io.trawl.detection.CustomDataIdentifier;
import io.trawl.jobs.classify.ClassificationJob;
import io.trawl.jobs.testing.Pipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The pipeline end to end over a folder estate (each top-level folder is a bucket): inventory,
 * classification with scoping, custom identifiers and allow lists from Macie JSON, every output
 * table, the catalog, the discovery results file, reruns, sampling, selectors and a scheduled job's
 * incremental run. Tests run in order because later runs build on earlier ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FileEstateEndToEndTest {
  static final String SSN_1 = "536-22-8426";
  static final String SSN_2 = "412-77-9031";
  static final String SSN_OUT_OF_SCOPE = "219-45-1163";
  static final String CARD_1 = "4556737586899855";
  static final String CARD_2 = "5238173645128370";
  static final String CARD_ALLOWED = "4917628593017462";
  static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzXa8Ym1q2C";
  static final List<String> RAW_VALUES =
      List.of(SSN_1, SSN_2, SSN_OUT_OF_SCOPE, CARD_1, CARD_2, CARD_ALLOWED, AWS_SECRET);

  static SparkSession spark;
  static Path estate;
  static Path results;
  static Pipeline pipeline;
  static List<CustomDataIdentifier> custom;
  static List<AllowList> allowLists;

  static final String JOB =
      "{\"name\":\"e2e-files\",\"jobType\":\"ONE_TIME\",\"customDataIdentifierIds\":[\"EMPLOYEE_ID\"],"
          + "\"allowListIds\":[\"sandbox\"],\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\""
          + Pipeline.ACCOUNT
          + "\",\"buckets\":[\"hr\",\"pay\",\"dev\"]}],\"scoping\":{\"excludes\":{\"and\":[{\"simpleScopeTerm\":"
          + "{\"comparator\":\"STARTS_WITH\",\"key\":\"OBJECT_KEY\",\"values\":[\"tmp/\"]}}]}}}}";

  @BeforeAll
  static void estate() throws IOException {
    spark = SharedSpark.session();
    Path root = SharedSpark.newFolder("e2e-files");
    estate = root.resolve("estate");
    results = root.resolve("results");
    write("hr/people.txt", "Employee Jane Roe, SSN: " + SSN_1 + "\nemployee id EMP-123456\n");
    write("hr/staff.csv", "name,ssn\nJohn Doe," + SSN_2 + "\n");
    write(
        "pay/cards.csv",
        "order,credit card number\n1," + CARD_1 + "\n2," + CARD_2 + "\n3," + CARD_ALLOWED + "\n");
    write("pay/readme.txt", "Nothing to see here.\n");
    write("dev/.env", "aws_secret_access_key = " + AWS_SECRET + "\n");
    write("dev/tmp/scratch.txt", "SSN: " + SSN_OUT_OF_SCOPE + "\n");
    write("dev/broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog");
    pipeline =
        new Pipeline(
            spark, new TrawlCatalog("e2e_files", root.resolve("tables").toUri().toString()));
    custom =
        CustomDataIdentifier.fromJson(
            "employee.json",
            "{\"name\":\"EMPLOYEE_ID\",\"regex\":\"EMP-\\\\d{6}\",\"keywords\":[\"employee\"]}");
    allowLists =
        AllowList.fromJson(
            "allow.json",
            "{\"id\":\"sandbox\",\"name\":\"sandbox cards\",\"criteria\":{\"words\":[\""
                + CARD_ALLOWED
                + "\"]}}",
            (b, k) -> List.of());
  }

  static void write(String path, String content) throws IOException {
    Path p = estate.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  @Test
  @Order(1)
  void inventoryListsEveryObjectAsBucketAndKey() {
    var r = pipeline.inventory(List.of(estate.toUri().toString()), List.of());
    assertThat(r.objects()).isEqualTo(7);
    assertThat(r.buckets()).isEqualTo(3);
    List<Row> rows =
        pipeline
            .table(TrawlTable.OBJECTS)
            .where(col("snapshot_id").equalTo(r.snapshotId()))
            .select("bucket", "key", "extension", "size", "source", "account_id")
            .orderBy("bucket", "key")
            .collectAsList();
    assertThat(rows)
        .extracting(x -> x.getString(0) + "/" + x.getString(1))
        .containsExactly(
            "dev/.env",
            "dev/broken.pdf",
            "dev/tmp/scratch.txt",
            "hr/people.txt",
            "hr/staff.csv",
            "pay/cards.csv",
            "pay/readme.txt");
    assertThat(rows.get(4).getString(2)).isEqualTo("csv");
    assertThat(rows.get(0).getString(2)).isEmpty();
    assertThat(rows)
        .allSatisfy(
            x -> {
              assertThat(x.getString(4)).isEqualTo("listing");
              assertThat(x.getString(5)).isEqualTo(Pipeline.ACCOUNT);
            });
  }

  @Test
  @Order(2)
  void oneTimeJobWritesEveryTable() throws IOException {
    ClassificationJob.Result r =
        pipeline.classify(JOB, "run-1", custom, allowLists, results.toUri().toString());
    assertThat(r.objectsInScope()).isEqualTo(6);
    assertThat(r.objectsSkipped()).isEqualTo(1);
    assertThat(r.objectsSensitive()).isEqualTo(4);
    assertThat(r.findings()).isEqualTo(4);

    Map<String, Row> byKey = new HashMap<>();
    for (Row row :
        pipeline
            .table(TrawlTable.CLASSIFICATION_RESULTS)
            .where(col("run_id").equalTo("run-1"))
            .collectAsList()) {
      byKey.put(row.<String>getAs("bucket") + "/" + row.<String>getAs("key"), row);
    }
    assertThat(byKey).hasSize(6).doesNotContainKey("dev/tmp/scratch.txt");
    assertThat(byKey.get("dev/broken.pdf").<String>getAs("status_code")).isEqualTo("SKIPPED");
    assertThat(byKey.get("dev/broken.pdf").<String>getAs("status_reason")).isNotNull();
    assertThat(byKey.get("pay/readme.txt").<Boolean>getAs("sensitive")).isFalse();
    assertThat(byKey.get("pay/readme.txt").<String>getAs("status_code")).isEqualTo("COMPLETE");

    Map<String, Row> findings = new HashMap<>();
    for (Row row :
        pipeline.table(TrawlTable.FINDINGS).where(col("run_id").equalTo("run-1")).collectAsList()) {
      findings.put(row.<String>getAs("bucket") + "/" + row.<String>getAs("key"), row);
    }
    assertThat(findings.keySet())
        .containsExactlyInAnyOrder("hr/people.txt", "hr/staff.csv", "pay/cards.csv", "dev/.env");
    assertThat(findings.get("hr/people.txt").<String>getAs("type"))
        .isEqualTo("SensitiveData:S3Object/Multiple");
    assertThat(findings.get("hr/staff.csv").<String>getAs("type"))
        .isEqualTo("SensitiveData:S3Object/Personal");
    assertThat(findings.get("pay/cards.csv").<String>getAs("type"))
        .isEqualTo("SensitiveData:S3Object/Financial");
    assertThat(findings.get("dev/.env").<String>getAs("type"))
        .isEqualTo("SensitiveData:S3Object/Credentials");
    assertThat(findings.values())
        .allSatisfy(f -> assertThat(f.<String>getAs("severity")).isEqualTo("High"));
    JsonNode cardFinding =
        new ObjectMapper().readTree(findings.get("pay/cards.csv").<String>getAs("finding_json"));
    JsonNode cardDetection =
        cardFinding.at("/classificationDetails/result/sensitiveData/0/detections/0");
    assertThat(cardDetection.path("type").asText()).isEqualTo("CREDIT_CARD_NUMBER");
    // The allow-listed sandbox card is suppressed everywhere.
    assertThat(cardDetection.path("count").asLong()).isEqualTo(2);
    JsonNode cells = cardDetection.at("/occurrences/cells");
    assertThat(cells).hasSize(2);
    assertThat(cells.get(0).path("columnName").asText()).isEqualTo("credit card number");
    assertThat(cells.get(0).path("column").asLong()).isEqualTo(2);
    assertThat(cardFinding.at("/resourcesAffected/s3Object/key").asText()).isEqualTo("cards.csv");

    List<Row> detections =
        pipeline
            .table(TrawlTable.DETECTIONS)
            .where(col("run_id").equalTo("run-1"))
            .orderBy("bucket", "key", "type")
            .collectAsList();
    assertThat(detections)
        .extracting(d -> d.<String>getAs("key") + ":" + d.<String>getAs("type"))
        .contains(
            "people.txt:EMPLOYEE_ID",
            "people.txt:USA_SOCIAL_SECURITY_NUMBER",
            "staff.csv:USA_SOCIAL_SECURITY_NUMBER",
            "cards.csv:CREDIT_CARD_NUMBER",
            ".env:AWS_CREDENTIALS");
    Row people =
        detections.stream()
            .filter(d -> d.<String>getAs("type").equals("EMPLOYEE_ID"))
            .findFirst()
            .orElseThrow();
    assertThat(people.<String>getAs("identifier_type")).isEqualTo("CUSTOM");
    assertThat(people.<String>getAs("category")).isEqualTo("CUSTOM_IDENTIFIER");

    List<Row> runs =
        pipeline.table(TrawlTable.JOB_RUNS).where(col("run_id").equalTo("run-1")).collectAsList();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).<String>getAs("status")).isEqualTo("COMPLETE");
    assertThat(runs.get(0).<Long>getAs("objects_in_scope")).isEqualTo(6L);
    assertThat(runs.get(0).<Double>getAs("macie_cost_usd")).isPositive();

    List<Row> profiles =
        pipeline
            .table(TrawlTable.BUCKET_PROFILES)
            .where(col("run_id").equalTo("run-1"))
            .orderBy("bucket")
            .collectAsList();
    assertThat(profiles)
        .extracting(p -> p.<String>getAs("bucket"))
        .containsExactly("dev", "hr", "pay");
    assertThat(profiles.get(0).<Long>getAs("objects_skipped")).isEqualTo(1L);
    assertThat(profiles.get(0).<Long>getAs("objects_total")).isEqualTo(3L);
    assertThat(profiles.get(1).<Long>getAs("objects_sensitive")).isEqualTo(2L);
  }

  @Test
  @Order(3)
  void tablesAreRegisteredAndQueryableWithSql() {
    assertThat(
            spark
                .sql("SELECT count(*) FROM e2e_files.findings WHERE run_id = 'run-1'")
                .first()
                .getLong(0))
        .isEqualTo(4);
    assertThat(spark.sql("SELECT count(*) FROM e2e_files.objects").first().getLong(0)).isEqualTo(7);
  }

  @Test
  @Order(4)
  void discoveryResultsMatchTheTables() throws IOException {
    Path dir = results.resolve(jobId()).resolve("run-1");
    List<JsonNode> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl.gz")).toList()) {
        try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            lines.add(new ObjectMapper().readTree(line));
          }
        }
      }
    }
    assertThat(lines).hasSize(6);
    Set<String> keys = new HashSet<>();
    for (JsonNode n : lines) {
      keys.add(
          n.at("/resourcesAffected/s3Bucket/name").asText()
              + "/"
              + n.at("/resourcesAffected/s3Object/key").asText());
      assertThat(n.at("/classificationDetails/result/status/code").asText())
          .isIn("COMPLETE", "PARTIAL", "SKIPPED");
    }
    assertThat(keys).contains("dev/broken.pdf", "pay/readme.txt", "pay/cards.csv");
    JsonNode people =
        lines.stream()
            .filter(n -> n.at("/resourcesAffected/s3Object/key").asText().equals("people.txt"))
            .findFirst()
            .orElseThrow();
    assertThat(
            people
                .at("/classificationDetails/result/customDataIdentifiers/detections/0/name")
                .asText())
        .isEqualTo("EMPLOYEE_ID");
    assertThat(people.at("/classificationDetails/result/customDataIdentifiers/totalCount").asLong())
        .isEqualTo(1);
  }

  static String jobId() {
    return io.trawl.jobs.classify.ClassificationJobDefinition.parse("j", JOB).derivedJobId();
  }

  @Test
  @Order(5)
  void noTableHoldsARawSensitiveValue() {
    for (TrawlTable t : TrawlTable.values()) {
      Dataset<Row> df = pipeline.table(t);
      for (String json : df.toJSON().collectAsList()) {
        for (String raw : RAW_VALUES) {
          assertThat(json).as("%s holds a raw value", t.tableName()).doesNotContain(raw);
        }
      }
    }
  }

  @Test
  @Order(6)
  void rerunningARunIdReplacesItsRows() {
    long before = pipeline.table(TrawlTable.CLASSIFICATION_RESULTS).count();
    long findingsBefore = pipeline.table(TrawlTable.FINDINGS).count();
    pipeline.classify(JOB, "run-1", custom, allowLists, results.toUri().toString());
    assertThat(pipeline.table(TrawlTable.CLASSIFICATION_RESULTS).count()).isEqualTo(before);
    assertThat(pipeline.table(TrawlTable.FINDINGS).count()).isEqualTo(findingsBefore);
    assertThat(pipeline.table(TrawlTable.JOB_RUNS).where(col("run_id").equalTo("run-1")).count())
        .isEqualTo(1);
    assertThat(
            pipeline
                .table(TrawlTable.DETECTIONS)
                .where(col("run_id").equalTo("run-1"))
                .groupBy("bucket", "key", "type")
                .count()
                .where(col("count").gt(1))
                .count())
        .isZero();
  }

  @Test
  @Order(7)
  void includeSelectorRunsOnlyTheListedIdentifiers() {
    String job =
        JOB.replace(
                "\"jobType\":\"ONE_TIME\",",
                "\"jobType\":\"ONE_TIME\","
                    + "\"managedDataIdentifierSelector\":\"INCLUDE\",\"managedDataIdentifierIds\":"
                    + "[\"USA_SOCIAL_SECURITY_NUMBER\"],")
            .replace("e2e-files", "e2e-include");
    pipeline.classify(job, "run-include", custom, allowLists, null);
    List<String> types =
        pipeline
            .table(TrawlTable.DETECTIONS)
            .where(col("run_id").equalTo("run-include"))
            .select("type")
            .distinct()
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(types).containsExactlyInAnyOrder("USA_SOCIAL_SECURITY_NUMBER", "EMPLOYEE_ID");
  }

  @Test
  @Order(8)
  void samplingIsRandomButReproduciblePerRun() {
    String job =
        JOB.replace(
                "\"jobType\":\"ONE_TIME\",", "\"jobType\":\"ONE_TIME\",\"samplingPercentage\":50,")
            .replace("e2e-files", "e2e-sample");
    ClassificationJob.Result first = pipeline.classify(job, "run-sample", custom, allowLists, null);
    List<String> keys = sampledKeys("run-sample");
    assertThat(first.objectsInScope()).isLessThan(6).isEqualTo(keys.size());
    pipeline.classify(job, "run-sample", custom, allowLists, null);
    assertThat(sampledKeys("run-sample")).isEqualTo(keys);
  }

  private static List<String> sampledKeys(String runId) {
    return pipeline
        .table(TrawlTable.CLASSIFICATION_RESULTS)
        .where(col("run_id").equalTo(runId))
        .selectExpr("concat(bucket, '/', key) AS k")
        .orderBy("k")
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  @Test
  @Order(9)
  void scheduledJobAnalysesOnlyNewOrChangedObjectsLater() throws IOException {
    String job =
        JOB.replace(
                "\"jobType\":\"ONE_TIME\",",
                "\"jobType\":\"SCHEDULED\",\"initialRun\":true,\"scheduleFrequency\":{\"dailySchedule\":{}},")
            .replace("e2e-files", "e2e-scheduled");
    ClassificationJob.Result first = pipeline.classify(job, "sched-1", custom, allowLists, null);
    assertThat(first.objectsInScope()).isEqualTo(6);
    assertThat(first.runNumber()).isEqualTo(1);
    write("hr/new.txt", "SSN: 301-58-2297\n");
    write("pay/readme.txt", "Nothing to see here, still. (edited)\n");
    pipeline.inventory(List.of(estate.toUri().toString()), List.of());
    ClassificationJob.Result second = pipeline.classify(job, "sched-2", custom, allowLists, null);
    assertThat(second.runNumber()).isEqualTo(2);
    assertThat(sampledKeys("sched-2")).containsExactly("hr/new.txt", "pay/readme.txt");
  }

  @Test
  @Order(10)
  void readsAParquetS3InventoryReportCopiedToAFolder() throws IOException {
    Path reports = estate.getParent().resolve("reports");
    String dataDir = reports.resolve("inv/hr/daily/data").toString();
    spark
        .sql(
            "SELECT * FROM VALUES ('hr', 'people.txt', 62L, TIMESTAMP '2026-11-20 10:00:00',"
                + " 'abc', 'STANDARD', 'SSE-S3', true, false),"
                + " ('hr', 'vault/tape.txt', 10L, TIMESTAMP '2026-11-20 10:00:00', 'def',"
                + " 'DEEP_ARCHIVE', 'SSE-KMS', true, false)"
                + " AS t(bucket, key, size, last_modified_date, e_tag, storage_class,"
                + " encryption_status, is_latest, is_delete_marker)")
        .coalesce(1)
        .write()
        .parquet(dataDir);
    String dataFile;
    try (Stream<Path> files = Files.list(Path.of(dataDir))) {
      dataFile =
          files
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .findFirst()
              .orElseThrow()
              .getFileName()
              .toString();
    }
    Path manifest = reports.resolve("inv/hr/daily/2026-11-25T00-00Z/manifest.json");
    Files.createDirectories(manifest.getParent());
    Files.writeString(
        manifest,
        "{\"sourceBucket\":\"hr\",\"destinationBucket\":"
            + "\"arn:aws:s3:::reports\",\"version\":\"2016-11-30\",\"fileFormat\":\"Parquet\","
            + "\"fileSchema\":\"message s3.inventory { required binary bucket (STRING); }\","
            + "\"files\":[{\"key\":\"inv/hr/daily/data/"
            + dataFile
            + "\",\"size\":1,"
            + "\"MD5checksum\":\"x\"}]}",
        StandardCharsets.UTF_8);
    var inv = pipeline.inventory(List.of(), List.of(manifest.toUri().toString()));
    assertThat(inv.objects()).isEqualTo(2);
    List<Row> rows =
        pipeline
            .table(TrawlTable.OBJECTS)
            .where(col("snapshot_id").equalTo(inv.snapshotId()))
            .orderBy("key")
            .select(
                "key",
                "etag",
                "storage_class",
                "encryption_status",
                "source",
                "estate_uri",
                "last_modified")
            .collectAsList();
    assertThat(rows.get(0).getString(0)).isEqualTo("people.txt");
    assertThat(rows.get(0).getString(1)).isEqualTo("abc");
    assertThat(rows.get(0).getString(3)).isEqualTo("SSE-S3");
    assertThat(rows.get(0).getString(4)).isEqualTo("s3-inventory");
    assertThat(rows.get(0).getString(5)).isEqualTo("s3a://hr");
    assertThat(rows.get(0).getTimestamp(6)).isNotNull();
    assertThat(rows.get(1).getString(2)).isEqualTo("DEEP_ARCHIVE");
  }
}
