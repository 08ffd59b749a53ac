package io.trawl.jobs.resilience;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.cli.TrawlCli;
import io.trawl.jobs.testing.ChildJvm;
import io.trawl.jobs.testing.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A classification driver killed mid-run (a child JVM running the CLI, {@code destroyForcibly}),
 * then the same run id rerun with every task's first attempt failing ({@code
 * ClassifyPartition.FAIL_FIRST_ATTEMPT}, retried by {@code local[2,4]}): exactly one result per
 * object in scope, no duplicate rows in any table, and every Delta table readable after the kill.
 */
class KilledRunTest {
  static final int BUCKETS = 2;
  static final int PER_BUCKET = 30;
  static final String RUN = "killed-run-1";

  /** ClassifyPartition.FAIL_FIRST_ATTEMPT (package-private there). */
  static final String FAIL_FIRST_ATTEMPT = "spark.trawl.test.failFirstTaskAttempt";

  @Test
  void aKilledRunRerunWithFailingTasksLeavesExactlyOneResultPerObject() throws Exception {
    SparkSession spark = SharedSpark.session();
    Path root = SharedSpark.newFolder("killed");
    Path estate = root.resolve("estate");
    for (int b = 0; b < BUCKETS; b++) {
      for (int i = 0; i < PER_BUCKET; i++) {
        Path p =
            estate.resolve("kill-bucket-" + b).resolve("docs/" + (i % 8) + "/doc-" + i + ".txt");
        Files.createDirectories(p.getParent());
        Files.writeString(
            p,
            i % 2 == 0
                ? "Employee record " + i + ". SSN: 536-22-8426\n"
                : "Meeting notes " + i + ", nothing sensitive.\n");
      }
    }
    Path job = root.resolve("job.json");
    Files.writeString(job, Pipeline.job("killed-job", "", "kill-bucket-0", "kill-bucket-1"));
    String warehouse = root.resolve("tables").toUri().toString();
    Path jobRunsLog = root.resolve("tables").resolve("job_runs").resolve("_delta_log");

    // 1. Start the run in a separate driver JVM and kill it once the run is under way (its
    // RUNNING row is committed to job_runs, which happens right before classification starts).
    Process first =
        ChildJvm.start(
            TrawlCli.class.getName(),
            List.of("-Xmx768m"),
            root.resolve("first.log"),
            args(root, warehouse, estate, job, "local[2]"));
    boolean running = false;
    try {
      // No time limit of our own: a loaded machine only makes this slower (Surefire's fork
      // timeout still bounds it).
      while (first.isAlive() && !running) {
        running = Files.exists(jobRunsLog.resolve("00000000000000000001.json"));
        Thread.sleep(100);
      }
      Thread.sleep(1_500);
    } finally {
      first.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(running).as("run started before the driver exited: " + log(root, "first")).isTrue();
    assertThat(first.isAlive()).isFalse();

    // Every table is readable after the kill (a Delta commit is atomic: it happened or not).
    for (TrawlTable t : TrawlTable.values()) {
      assertThat(table(spark, warehouse, t).count()).as(t.tableName()).isGreaterThanOrEqualTo(0);
    }

    // 2. Rerun the same run id; every task's first attempt fails and Spark retries it.
    Process second =
        ChildJvm.start(
            TrawlCli.class.getName(),
            List.of("-Xmx768m"),
            root.resolve("second.log"),
            args(root, warehouse, estate, job, "local[2,4]"));
    try {
      second.waitFor();
    } finally {
      second.destroyForcibly();
    }
    assertThat(second.exitValue()).as(log(root, "second")).isZero();
    assertThat(log(root, "second")).contains("injected task failure");

    int objects = BUCKETS * PER_BUCKET;
    Dataset<Row> results =
        table(spark, warehouse, TrawlTable.CLASSIFICATION_RESULTS)
            .where(col("run_id").equalTo(RUN));
    assertThat(results.count()).as("results").isEqualTo(objects);
    assertThat(results.select("bucket", "key").distinct().count()).isEqualTo(objects);
    Dataset<Row> findings =
        table(spark, warehouse, TrawlTable.FINDINGS).where(col("run_id").equalTo(RUN));
    assertThat(findings.count()).as("one finding per sensitive object").isEqualTo(objects / 2);
    assertThat(findings.select("finding_id").distinct().count()).isEqualTo(objects / 2);
    Dataset<Row> detections =
        table(spark, warehouse, TrawlTable.DETECTIONS).where(col("run_id").equalTo(RUN));
    assertThat(detections.count())
        .isEqualTo(detections.select("bucket", "key", "type").distinct().count())
        .isGreaterThanOrEqualTo(objects / 2);
    assertThat(
            table(spark, warehouse, TrawlTable.BUCKET_PROFILES)
                .where(col("run_id").equalTo(RUN))
                .count())
        .isEqualTo(BUCKETS);
    List<Row> runs =
        table(spark, warehouse, TrawlTable.JOB_RUNS)
            .where(col("run_id").equalTo(RUN))
            .select("status", "objects_in_scope")
            .collectAsList();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).getString(0)).isEqualTo("COMPLETE");
    assertThat(runs.get(0).getLong(1)).isEqualTo(objects);
  }

  static String[] args(Path root, String warehouse, Path estate, Path job, String master) {
    return new String[] {
      "classify",
      "--home",
      root.resolve("home").toString(),
      "--warehouse",
      warehouse,
      "--database",
      "killed",
      "--master",
      master,
      "--conf",
      FAIL_FIRST_ATTEMPT + "=" + master.contains(","),
      "--estate",
      estate.toUri().toString(),
      "--job",
      job.toString(),
      "--run-id",
      RUN,
      "--account-id",
      Pipeline.ACCOUNT,
      "--partitions",
      "8"
    };
  }

  static Dataset<Row> table(SparkSession spark, String warehouse, TrawlTable t) {
    return spark.read().format("delta").load(warehouse + "/" + t.tableName());
  }

  static String log(Path root, String name) throws IOException {
    Path p = root.resolve(name + ".log");
    return Files.exists(p) ? Files.readString(p) : "";
  }
}
