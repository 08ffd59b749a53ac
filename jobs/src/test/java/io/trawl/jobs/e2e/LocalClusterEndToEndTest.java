package io.trawl.jobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.cli.TrawlCli;
import io.trawl.jobs.testing.ChildJvm;
import io.trawl.jobs.testing.DemoWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The whole demo ({@code trawl demo}: inventory, classification with a custom identifier and an
 * allow list, profiles, scores, access analysis, suppression, compliance, report) on Spark's {@code
 * local-cluster[2,1,1024]} master, against the same demo in local mode ({@link DemoWarehouse}, the
 * shared session): the same tables, row by row. {@code local-cluster} runs a standalone master, two
 * workers and two executor JVMs, so it exercises what {@code local[*]} hides: Java serialisation of
 * every function, broadcast and row, one detection engine and Tika per executor JVM, and partitions
 * split across processes.
 *
 * <p>The driver is a child JVM running the CLI. There is no Spark distribution here, so the workers
 * get a {@code SPARK_HOME} with an empty {@code jars} folder, {@code SPARK_SCALA_VERSION=2.12}, and
 * the test classpath as {@code spark.executor.extraClassPath}.
 */
class LocalClusterEndToEndTest {
  static final String DATABASE = "demo_cluster";

  /**
   * Run-independent columns of each table the demo writes: identifiers, times and keyed hashes
   * differ between two runs by design (the hash key is per home), everything else must not.
   */
  static final Map<TrawlTable, List<String>> COMPARED =
      Map.of(
          TrawlTable.OBJECTS,
          List.of("bucket", "key", "size", "etag", "extension"),
          TrawlTable.CLASSIFICATION_RESULTS,
          List.of(
              "bucket",
              "key",
              "status_code",
              "status_reason",
              "sensitive",
              "finding_type",
              "severity",
              "additional_occurrences",
              "to_json(transform(detections, d -> struct(d.type, d.count, d.severity,"
                  + " transform(d.occurrences, o -> o.location_type)))) AS detections"),
          TrawlTable.DETECTIONS,
          List.of("bucket", "key", "type", "count", "severity", "occurrences_recorded"),
          TrawlTable.FINDINGS,
          List.of("bucket", "key", "type", "severity", "total_count", "archived"),
          TrawlTable.BUCKET_PROFILES,
          List.of(
              "bucket",
              "sensitivity_score",
              "highest_severity",
              "to_json(top_identifier_types) AS top_types"),
          TrawlTable.BUCKET_RISK,
          List.of("bucket", "sensitivity_score", "exposure_score", "risk_score"),
          TrawlTable.SENSITIVE_ACCESS,
          List.of("bucket", "key", "finding_type", "severity"));

  @Test
  void theDemoOnLocalClusterWritesTheSameTablesAsLocalMode() throws Exception {
    SparkSession spark = SharedSpark.session();
    DemoWarehouse local = DemoWarehouse.get();
    assertThat(local.exitCode()).as(local.err()).isZero();

    Path root = SharedSpark.newFolder("local-cluster");
    Path home = root.resolve("home");
    Path sparkHome = root.resolve("spark-home");
    Files.createDirectories(sparkHome.resolve("jars"));
    Path log = root.resolve("driver.log");
    Process driver =
        ChildJvm.start(
            TrawlCli.class.getName(),
            List.of("-Xmx1g", "-Dlog4j2.configurationFile=trawl-log4j2.properties"),
            Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12"),
            log,
            "demo",
            "--home",
            home.toString(),
            "--database",
            DATABASE,
            "--master",
            "local-cluster[2,1,1024]",
            "--conf",
            "spark.executor.memory=768m",
            "--conf",
            "spark.executor.extraClassPath=" + ChildJvm.classpath(),
            "--conf",
            "spark.executor.extraJavaOptions=-Duser.timezone=UTC");
    int exit = driver.waitFor();
    assertThat(exit).as("demo on local-cluster, see " + log + "\n" + tail(log)).isZero();

    TrawlCatalog clusterTables =
        new TrawlCatalog(DATABASE, home.resolve("tables").toUri().toString());
    TrawlCatalog localTables =
        new TrawlCatalog(local.database(), local.home().resolve("tables").toUri().toString());
    for (Map.Entry<TrawlTable, List<String>> e : COMPARED.entrySet()) {
      List<String> expected = digest(spark, localTables, e.getKey(), e.getValue());
      List<String> actual = digest(spark, clusterTables, e.getKey(), e.getValue());
      assertThat(expected).as(e.getKey() + " in local mode").isNotEmpty();
      assertThat(actual).as(e.getKey() + " on local-cluster").containsExactlyElementsOf(expected);
    }
    // The cluster run really had separate executors: the workers launched two executor JVMs, each
    // with its own work folder (local mode launches none).
    assertThat(executorFolders(sparkHome)).isGreaterThanOrEqualTo(2);
  }

  /** The table's compared columns, one JSON line per row, sorted. */
  static List<String> digest(
      SparkSession spark, TrawlCatalog catalog, TrawlTable table, List<String> columns) {
    Dataset<Row> rows =
        spark
            .read()
            .format("delta")
            .load(catalog.tablePath(table))
            .selectExpr(columns.toArray(new String[0]));
    List<String> out = new ArrayList<>(rows.toJSON().collectAsList());
    out.sort(null);
    return out;
  }

  /** Executor work folders the standalone workers created: work/app-.../<executor id>. */
  static long executorFolders(Path sparkHome) throws Exception {
    try (Stream<Path> apps = Files.list(sparkHome.resolve("work"))) {
      long n = 0;
      for (Path app : apps.toList()) {
        try (Stream<Path> executors = Files.list(app)) {
          n += executors.filter(Files::isDirectory).count();
        }
      }
      return n;
    }
  }

  static String tail(Path log) throws Exception {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
