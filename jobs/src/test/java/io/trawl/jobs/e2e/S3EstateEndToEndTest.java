package io.trawl.jobs.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.classify.ClassificationJob;
import io.trawl.jobs.testing.LocalS3;
import io.trawl.jobs.testing.Pipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The pipeline over {@code s3a://} through the real S3A connector against S3Proxy on loopback: live
 * listing, classification, discovery results written to S3, and an S3 Inventory report (CSV,
 * URL-encoded keys) with a Glacier object (skipped without a GET) and an object deleted after the
 * inventory ran.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3EstateEndToEndTest {
  static SparkSession spark;
  static LocalS3 s3;
  static Pipeline pipeline;

  @BeforeAll
  static void estate() {
    spark = SharedSpark.session();
    s3 = LocalS3.get();
    s3.configure(spark);
    for (String b : List.of("s3-hr", "s3-pay", "s3-reports", "s3-warehouse")) {
      s3.createBucket(b);
    }
    s3.put("s3-hr", "people/jane.txt", "Employee record. SSN: 536-22-8426\n");
    s3.put("s3-hr", "people/clean.txt", "Nothing sensitive in here.\n");
    s3.put("s3-hr", "people/dir with space/a+b.txt", "ssn 412-77-9031\n");
    s3.put("s3-hr", "cold/frozen.txt", "SSN: 219-45-1163\n");
    s3.put("s3-pay", "cards.csv", "id,credit card number\n1,4556737586899855\n");
    pipeline = new Pipeline(spark, new TrawlCatalog("e2e_s3", "s3a://s3-warehouse/trawl"));
  }

  @Test
  @Order(1)
  void listsAndClassifiesAnS3Estate() throws IOException {
    var inv = pipeline.inventory(List.of("s3a://s3-hr/people", "s3a://s3-pay"), List.of());
    assertThat(inv.objects()).isEqualTo(4);
    List<Row> listed =
        pipeline
            .table(TrawlTable.OBJECTS)
            .select("bucket", "key", "estate_uri", "etag")
            .orderBy("bucket", "key")
            .collectAsList();
    assertThat(listed)
        .extracting(r -> r.getString(0) + "/" + r.getString(1))
        .containsExactly(
            "s3-hr/people/clean.txt",
            "s3-hr/people/dir with space/a+b.txt",
            "s3-hr/people/jane.txt",
            "s3-pay/cards.csv");
    assertThat(listed.get(0).getString(2)).isEqualTo("s3a://s3-hr");
    assertThat(listed.get(0).getString(3)).as("S3A listings carry etags").isNotBlank();

    ClassificationJob.Result r =
        pipeline.classify(
            Pipeline.job("s3-job", "", "s3-hr", "s3-pay"),
            "s3-run-1",
            List.of(),
            List.of(),
            "s3a://s3-reports/results");
    assertThat(r.objectsInScope()).isEqualTo(4);
    assertThat(r.objectsSensitive()).isEqualTo(3);
    assertThat(
            pipeline
                .table(TrawlTable.FINDINGS)
                .where(col("run_id").equalTo("s3-run-1"))
                .select("type")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrder(
            "SensitiveData:S3Object/Personal",
            "SensitiveData:S3Object/Personal",
            "SensitiveData:S3Object/Financial");

    FileSystem fs =
        new Path("s3a://s3-reports/").getFileSystem(spark.sessionState().newHadoopConf());
    String jobId =
        io.trawl.jobs.classify.ClassificationJobDefinition.parse(
                "j", Pipeline.job("s3-job", "", "s3-hr", "s3-pay"))
            .derivedJobId();
    long lines = 0;
    for (FileStatus st :
        fs.listStatus(new Path("s3a://s3-reports/results/" + jobId + "/s3-run-1"))) {
      assertThat(st.getPath().getName()).endsWith(".jsonl.gz");
      try (InputStream in = new GZIPInputStream(fs.open(st.getPath()))) {
        lines += new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count();
      }
    }
    assertThat(lines).isEqualTo(4);
  }

  @Test
  @Order(2)
  void readsAnS3InventoryReportWithoutListing() throws IOException {
    String csv =
        String.join(
                "\n",
                row("s3-hr", "people/jane.txt", "v1", "true", "false", 34, "STANDARD"),
                row(
                    "s3-hr",
                    "people/dir+with+space/a%2Bb.txt",
                    "v1",
                    "true",
                    "false",
                    16,
                    "STANDARD"),
                row("s3-hr", "cold/frozen.txt", "v1", "true", "false", 17, "GLACIER"),
                row("s3-hr", "people/gone.txt", "v1", "true", "false", 20, "STANDARD"),
                row("s3-hr", "people/old.txt", "v0", "false", "false", 20, "STANDARD"),
                row("s3-hr", "people/deleted.txt", "v2", "true", "true", 0, "STANDARD"))
            + "\n";
    String prefix = "inventory/s3-hr/daily";
    s3.put("s3-reports", prefix + "/data/part-0.csv.gz", gzip(csv));
    s3.put(
        "s3-reports",
        prefix + "/2026-11-25T00-00Z/manifest.json",
        "{\"sourceBucket\":\"s3-hr\",\"destinationBucket\":\"arn:aws:s3:::s3-reports\","
            + "\"version\":\"2016-11-30\",\"creationTimestamp\":\"1764028800000\",\"fileFormat\":\"CSV\","
            + "\"fileSchema\":\"Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate,"
            + " ETag, StorageClass\",\"files\":[{\"key\":\""
            + prefix
            + "/data/part-0.csv.gz\","
            + "\"size\":100,\"MD5checksum\":\"x\"}]}");
    var inv =
        pipeline.inventory(
            List.of(), List.of("s3a://s3-reports/" + prefix + "/2026-11-25T00-00Z/manifest.json"));
    assertThat(inv.objects()).as("current versions that are not delete markers").isEqualTo(4);
    List<String> keys =
        pipeline
            .table(TrawlTable.OBJECTS)
            .where(
                col("snapshot_id")
                    .equalTo(inv.snapshotId())
                    .and(col("source").equalTo("s3-inventory")))
            .select("key")
            .orderBy("key")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(keys)
        .containsExactly(
            "cold/frozen.txt",
            "people/dir with space/a+b.txt",
            "people/gone.txt",
            "people/jane.txt");

    // Sizes come from the inventory, so objects are opened without a HEAD (metadata) request.
    FileSystem hr = new Path("s3a://s3-hr/").getFileSystem(spark.sessionState().newHadoopConf());
    long headsBefore = metadataRequests(hr);
    pipeline.classify(SCHEDULED_JOB, "s3-run-2", List.of(), List.of(), null);
    assertThat(metadataRequests(hr) - headsBefore).as("HEAD requests while classifying").isZero();
    Map<String, String> status = new HashMap<>();
    for (Row r :
        pipeline
            .table(TrawlTable.CLASSIFICATION_RESULTS)
            .where(col("run_id").equalTo("s3-run-2"))
            .collectAsList()) {
      status.put(r.getAs("key"), r.<String>getAs("status_code") + " " + r.getAs("status_reason"));
    }
    assertThat(status)
        .containsOnly(
            Map.entry("people/jane.txt", "COMPLETE null"),
            Map.entry("people/dir with space/a+b.txt", "COMPLETE null"),
            Map.entry("cold/frozen.txt", "SKIPPED INVALID_OBJECT_STATE"),
            Map.entry("people/gone.txt", "SKIPPED SOURCE_OBJECT_NO_LONGER_AVAILABLE"));
  }

  static final String SCHEDULED_JOB =
      Pipeline.job("s3-inventory-job", "", "s3-hr")
          .replace(
              "\"jobType\":\"ONE_TIME\"",
              "\"jobType\":\"SCHEDULED\",\"scheduleFrequency\":{\"dailySchedule\":{}}");

  @Test
  @Order(3)
  void aScheduledJobRetriesObjectsThatCouldNotBeReadAndNothingElse() {
    pipeline.classify(SCHEDULED_JOB, "s3-run-3", List.of(), List.of(), null);
    List<String> retried =
        pipeline
            .table(TrawlTable.CLASSIFICATION_RESULTS)
            .where(col("run_id").equalTo("s3-run-3"))
            .select("key")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    // Deleted after the inventory ran: retried (and still gone). The Glacier object was skipped
    // for its storage class, which does not change between runs, so it is not.
    assertThat(retried).containsExactly("people/gone.txt");
  }

  static long metadataRequests(FileSystem fs) {
    Long n = fs.getStorageStatistics().getLong("object_metadata_requests");
    return n == null ? 0 : n;
  }

  static String row(
      String bucket,
      String key,
      String version,
      String latest,
      String marker,
      long size,
      String storageClass) {
    return String.join(
        ",",
        q(bucket),
        q(key),
        q(version),
        q(latest),
        q(marker),
        q("" + size),
        q("2026-11-24T10:00:00.000Z"),
        q("\"0123abcd\""),
        q(storageClass));
  }

  private static String q(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
