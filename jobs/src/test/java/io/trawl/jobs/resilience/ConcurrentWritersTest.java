package io.trawl.jobs.resilience;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.TrawlException;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.testing.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Two classification runs writing the same tables at the same time from one driver (two threads on
 * the shared session): each either succeeds or fails with Trawl's clear concurrent-write error, and
 * the tables stay readable with exactly one result per object for every run that succeeded.
 */
class ConcurrentWritersTest {
  static final int OBJECTS = 12;

  @Test
  void twoRunsAtOnceBothSucceedOrOneFailsCleanly() throws Exception {
    SparkSession spark = SharedSpark.session();
    Path root = SharedSpark.newFolder("concurrent");
    for (int i = 0; i < OBJECTS; i++) {
      Path p = root.resolve("estate/concurrent-bucket/doc-" + i + ".txt");
      Files.createDirectories(p.getParent());
      Files.writeString(p, i % 3 == 0 ? "SSN: 536-22-8426\n" : "plain text " + i + "\n");
    }
    Pipeline pipeline =
        new Pipeline(
            spark, new TrawlCatalog("concurrent", root.resolve("tables").toUri().toString()));
    pipeline.inventory(List.of(root.resolve("estate").toUri().toString()), List.of());

    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> runs = new ArrayList<>();
    for (String run : List.of("concurrent-a", "concurrent-b")) {
      runs.add(
          pool.submit(
              () ->
                  pipeline.classify(
                      Pipeline.job("concurrent-" + run, "", "concurrent-bucket"),
                      run,
                      List.of(),
                      List.of(),
                      null)));
    }
    List<String> succeeded = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      try {
        runs.get(i).get();
        succeeded.add(i == 0 ? "concurrent-a" : "concurrent-b");
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(TrawlException.class);
        assertThat(e.getCause().getMessage()).contains("another job committed");
      }
    }
    pool.shutdown();
    assertThat(succeeded).as("at least one run succeeds").isNotEmpty();

    for (TrawlTable t : TrawlTable.values()) {
      assertThat(pipeline.table(t).count()).as(t.tableName()).isGreaterThanOrEqualTo(0);
    }
    for (String run : succeeded) {
      var results =
          pipeline.table(TrawlTable.CLASSIFICATION_RESULTS).where(col("run_id").equalTo(run));
      assertThat(results.count()).as(run).isEqualTo(OBJECTS);
      assertThat(results.select("key").distinct().count()).isEqualTo(OBJECTS);
      assertThat(pipeline.table(TrawlTable.FINDINGS).where(col("run_id").equalTo(run)).count())
          .isEqualTo(OBJECTS / 3);
      assertThat(
              pipeline
                  .table(TrawlTable.JOB_RUNS)
                  .where(col("run_id").equalTo(run).and(col("status").equalTo("COMPLETE")))
                  .count())
          .isEqualTo(1);
    }
  }
}
