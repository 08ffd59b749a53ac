package io.trawl.jobs.resilience;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.classify.ClassificationJob;
import io.trawl.jobs.testing.FaultyS3;
import io.trawl.jobs.testing.FaultyS3.Fault;
import io.trawl.jobs.testing.LocalS3;
import io.trawl.jobs.testing.Pipeline;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Classification through {@link FaultyS3}, a proxy that throttles (503 SlowDown), resets
 * connections, answers slower than the socket timeout and truncates bodies: the run retries and
 * finishes, every object in scope has exactly one result, the objects whose faults were transient
 * are classified completely (their sensitive value sits at the end, so a short read would miss it),
 * and the object that stays throttled ends SKIPPED with a reason a scheduled job retries.
 */
class S3FaultsTest {
  static final String BUCKET = "faulty-estate";
  static final String SSN = "536-22-8426";

  static SparkSession spark;
  static FaultyS3 proxy;
  static Pipeline pipeline;

  @BeforeAll
  static void estate() throws Exception {
    spark = SharedSpark.session();
    LocalS3 s3 = LocalS3.get();
    s3.configure(spark);
    proxy = new FaultyS3(s3, 2_500);
    // Tight retry settings for this bucket only, so the test is quick; the production defaults
    // are io.trawl.jobs.spark.S3aDefaults.
    proxy
        .bucketSettings(
            BUCKET,
            Map.of(
                "attempts.maximum", "2",
                "retry.limit", "4",
                "retry.interval", "10ms",
                "retry.throttle.limit", "3",
                "retry.throttle.interval", "10ms",
                "connection.timeout", "1000"))
        .forEach((k, v) -> spark.conf().set(k, v));
    s3.createBucket(BUCKET);
    for (String name :
        List.of(
            "clean-1",
            "clean-2",
            "slowdown-1",
            "slowdown-2",
            "reset-1",
            "slow-1",
            "truncated-1",
            "truncated-2",
            "throttled-forever-1")) {
      s3.put(BUCKET, "notes/" + name + ".txt", object(name));
    }
    proxy.fail("slowdown-", Fault.SLOW_DOWN, 2);
    proxy.fail("reset-", Fault.RESET, 1);
    proxy.fail("slow-", Fault.SLOW, 1);
    proxy.fail("truncated-", Fault.TRUNCATE, 1);
    proxy.fail("throttled-forever-", Fault.SLOW_DOWN, Integer.MAX_VALUE);
    pipeline =
        new Pipeline(
            spark, new TrawlCatalog("faults", SharedSpark.newFolder("faults").toUri().toString()));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
  }

  /** About 8 KB of plain text with one SSN at the very end. */
  static String object(String name) {
    StringBuilder b = new StringBuilder("Notes for " + name + "\n");
    while (b.length() < 8_000) {
      b.append("The quarterly review covered staffing, budgets and the new office layout.\n");
    }
    return b.append("Employee SSN: ").append(SSN).append('\n').toString();
  }

  @Test
  void everyObjectEndsWithOneResultDespiteFaults() {
    assertThat(pipeline.inventory(List.of("s3a://" + BUCKET), List.of()).objects()).isEqualTo(9);
    int headsBefore = proxy.heads();
    ClassificationJob.Result r =
        pipeline.classify(
            Pipeline.job("faults", "", BUCKET), "faults-1", List.of(), List.of(), null);

    assertThat(proxy.heads() - headsBefore)
        .as("HEAD requests while classifying (sizes are known from the listing)")
        .isZero();
    assertThat(proxy.injected(Fault.SLOW_DOWN)).as("503s sent").isGreaterThanOrEqualTo(4);
    assertThat(proxy.injected(Fault.RESET)).as("resets").isEqualTo(1);
    assertThat(proxy.injected(Fault.SLOW)).as("slow responses").isEqualTo(1);
    assertThat(proxy.injected(Fault.TRUNCATE)).as("truncated bodies").isEqualTo(2);

    List<Row> rows =
        pipeline
            .table(TrawlTable.CLASSIFICATION_RESULTS)
            .where(col("run_id").equalTo("faults-1"))
            .select("key", "status_code", "status_reason", "sensitive")
            .collectAsList();
    assertThat(rows).as("one result per object in scope").hasSize(9);
    assertThat(rows.stream().map(x -> x.getString(0)).distinct()).hasSize(9);
    Map<String, String> outcome = new HashMap<>();
    for (Row x : rows) {
      outcome.put(
          x.getString(0).replace("notes/", "").replace(".txt", ""),
          x.getString(1) + " " + x.getString(2) + " " + x.getBoolean(3));
    }
    assertThat(outcome)
        .containsOnly(
            Map.entry("clean-1", "COMPLETE null true"),
            Map.entry("clean-2", "COMPLETE null true"),
            Map.entry("slowdown-1", "COMPLETE null true"),
            Map.entry("slowdown-2", "COMPLETE null true"),
            Map.entry("reset-1", "COMPLETE null true"),
            Map.entry("slow-1", "COMPLETE null true"),
            Map.entry("truncated-1", "COMPLETE null true"),
            Map.entry("truncated-2", "COMPLETE null true"),
            Map.entry("throttled-forever-1", "SKIPPED UNABLE_TO_PARSE_FILE false"));
    assertThat(r.objectsInScope()).isEqualTo(9);
    assertThat(r.objectsSkipped()).isEqualTo(1);
    assertThat(pipeline.table(TrawlTable.FINDINGS).where(col("run_id").equalTo("faults-1")).count())
        .as("one finding per sensitive object")
        .isEqualTo(8);
  }
}
