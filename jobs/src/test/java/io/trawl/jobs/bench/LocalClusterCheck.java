package io.trawl.jobs.bench;

import static org.apache.spark.sql.functions.col;

import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlSpark;
import io.trawl.catalog.TrawlTable;
import io.trawl.jobs.testing.ChildJvm;
import io.trawl.jobs.testing.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The pipeline on Spark's {@code local-cluster[2,1,1024]} master (a standalone master, two workers
 * and two separate executor JVMs, started by a child driver JVM), against the same estate in local
 * mode on the shared session: the same results, object by object. Exercises what local mode hides:
 * serialisation of every function and broadcast, executor-side caches (one engine per executor JVM)
 * and partitioning across processes.
 *
 * <p>Executors are launched by Spark's worker with {@code SPARK_HOME} pointing at an empty folder
 * (there is no Spark distribution here), {@code SPARK_SCALA_VERSION=2.12} and the test classpath as
 * {@code spark.executor.extraClassPath}.
 *
 * <p>A manual check, not part of {@code mvn verify} (three extra JVMs): {@code java -cp <test
 * classpath> io.trawl.jobs.bench.LocalClusterCheck}; prints SAME or the differing lines, exit code
 * 0 or 1.
 */
public final class LocalClusterCheck {
  private LocalClusterCheck() {}

  static final String RUN = "cluster-run";

  /** Runs both modes and compares; with {@code --child} it is the local-cluster driver. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args);
      return;
    }
    Path root = Files.createTempDirectory("trawl-local-cluster-");
    Path estate = root.resolve("estate");
    writeEstate(estate);
    SparkSession spark =
        TrawlSpark.localSession(
            root.resolve("local-home"), "local-mode", Map.of("spark.master", "local[2]"));
    List<String> local = digest(spark, run(spark, estate, root.resolve("local")));
    spark.stop();

    Path log = root.resolve("cluster.log");
    Path out = root.resolve("cluster-digest.txt");
    // No Spark distribution here: the worker needs a SPARK_HOME with a jars folder (empty; the
    // executors get the test classpath) and the Scala version it would read from a build.
    Path sparkHome = root.resolve("spark-home");
    Files.createDirectories(sparkHome.resolve("jars"));
    Process p =
        ChildJvm.start(
            LocalClusterCheck.class.getName(),
            List.of("-Xmx768m"),
            Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12"),
            log,
            "--child",
            estate.toString(),
            root.resolve("cluster").toString(),
            out.toString());
    try {
      p.waitFor();
    } finally {
      p.destroyForcibly();
    }
    List<String> cluster = p.exitValue() == 0 ? Files.readAllLines(out) : List.of();
    boolean same = local.size() == 24 && cluster.equals(local);
    System.out.println(same ? "SAME: " + local.size() + " objects" : "DIFFERENT, see " + log);
    if (!same) {
      local.forEach(l -> System.out.println("local   " + l));
      cluster.forEach(l -> System.out.println("cluster " + l));
    }
    System.exit(same ? 0 : 1);
  }

  /** Child JVM: the same run on local-cluster; writes the digest to args[3]. */
  static void child(String[] args) throws Exception {
    Path estate = Path.of(args[1]);
    Path work = Path.of(args[2]);
    SparkSession spark =
        TrawlSpark.localSession(
            work.resolve("home"),
            "local-cluster-e2e",
            Map.of(
                "spark.master", "local-cluster[2,1,1024]",
                "spark.executor.memory", "768m",
                "spark.executor.extraClassPath", ChildJvm.classpath(),
                "spark.executor.extraJavaOptions", "-Duser.timezone=UTC"));
    List<String> d = digest(spark, run(spark, estate, work));
    Files.write(Path.of(args[3]), d);
    spark.stop();
    System.exit(0);
  }

  static void writeEstate(Path estate) throws Exception {
    for (int i = 0; i < 24; i++) {
      Path p = estate.resolve("cluster-" + (i % 2)).resolve("d" + (i % 3) + "/f-" + i + ".txt");
      Files.createDirectories(p.getParent());
      String body =
          switch (i % 4) {
            case 0 -> "Employee SSN: 536-22-8426\n";
            case 1 -> "id,credit card number\n1,4556737586899855\n";
            case 2 -> "contact jane.doe@example.com phone (206) 555-0142\n";
            default -> "nothing to see " + i + "\n";
          };
      Files.writeString(p, body);
    }
  }

  static Pipeline run(SparkSession spark, Path estate, Path work) {
    Pipeline pipeline =
        new Pipeline(
            spark,
            new TrawlCatalog(
                "cluster_" + work.getFileName(), work.resolve("tables").toUri().toString()));
    pipeline.inventory(List.of(estate.toUri().toString()), List.of());
    pipeline.classify(
        Pipeline.job("cluster-job", "", "cluster-0", "cluster-1"), RUN, List.of(), List.of(), null);
    return pipeline;
  }

  /** One line per object: status, reason, sensitivity and its detections, sorted. */
  static List<String> digest(SparkSession spark, Pipeline pipeline) {
    TreeSet<String> detections = new TreeSet<>();
    for (Row r :
        pipeline
            .table(TrawlTable.DETECTIONS)
            .where(col("run_id").equalTo(RUN))
            .select("bucket", "key", "type", "count")
            .collectAsList()) {
      detections.add(r.getString(0) + "/" + r.getString(1) + " " + r.getString(2) + "=" + r.get(3));
    }
    List<String> out = new ArrayList<>();
    for (Row r :
        pipeline
            .table(TrawlTable.CLASSIFICATION_RESULTS)
            .where(col("run_id").equalTo(RUN))
            .select("bucket", "key", "status_code", "status_reason", "sensitive")
            .orderBy("bucket", "key")
            .collectAsList()) {
      String object = r.getString(0) + "/" + r.getString(1);
      StringBuilder line =
          new StringBuilder(object + " " + r.get(2) + " " + r.get(3) + " " + r.get(4));
      for (String d : detections) {
        if (d.startsWith(object + " ")) {
          line.append(' ').append(d.substring(object.length() + 1));
        }
      }
      out.add(line.toString());
    }
    return out;
  }
}
