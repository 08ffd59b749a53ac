package io.trawl.jobs.bench;

import static org.apache.spark.sql.functions.expr;

import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlSpark;
import io.trawl.jobs.inventory.InventoryJob;
import io.trawl.jobs.testing.ChildJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Inventory from synthetic S3 Inventory reports of 10^4, 10^6 and 10^7 objects (CSV gzip and
 * Parquet data files, as S3 delivers them), each read by {@code InventoryJob} in a fresh driver JVM
 * on Spark's {@code local-cluster} master, so that the driver and each executor are separate JVMs
 * with their own fixed heaps. {@link MemoryProbePlugin} samples each JVM's live heap (heap in use
 * right after a full GC). If the driver held the listing, its live heap would grow with the object
 * count (10^7 keys are over 1 GB as Java strings); an executor's should be bounded by what one task
 * buffers (its input split and one open Parquet file of at most 10^6 rows), not by the estate.
 *
 * <p>Run (not part of {@code mvn verify}): {@code java <Spark's --add-opens> -cp <test classpath>
 * io.trawl.jobs.bench.InventoryScaleBenchmark [--rows 10000,1000000,10000000] [--formats
 * CSV,Parquet] [--rows-per-file 1000000] [--driver-xmx 1g] [--executors 2] [--executor-memory 1024]
 * [--conf "k=v;k=v"]} (extra Spark settings for the inventory run).
 */
public final class InventoryScaleBenchmark {
  private InventoryScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--probe")) {
      probe(Path.of(args[1]), args[2], args[3], Integer.parseInt(args[4]), args[5]);
      return;
    }
    Map<String, String> opts = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    List<Long> sizes = new ArrayList<>();
    for (String s : opts.getOrDefault("rows", "10000,1000000,10000000").split(",")) {
      sizes.add(Long.parseLong(s.trim()));
    }
    List<String> formats = List.of(opts.getOrDefault("formats", "CSV,Parquet").split(","));
    long rowsPerFile = Long.parseLong(opts.getOrDefault("rows-per-file", "1000000"));
    String driverXmx = opts.getOrDefault("driver-xmx", "1g");
    int executors = Integer.parseInt(opts.getOrDefault("executors", "2"));
    int executorMb = Integer.parseInt(opts.getOrDefault("executor-memory", "1024"));
    String master = "local-cluster[" + executors + ",1," + executorMb + "]";
    Path root = Files.createTempDirectory("trawl-inventory-bench-");
    SparkSession spark =
        TrawlSpark.localSession(
            root.resolve("gen-home"),
            "inventory-gen",
            // One data file per --rows-per-file rows, not Trawl's own cap on rows per file.
            Map.of("spark.master", "local[2]", "spark.sql.files.maxRecordsPerFile", "0"));
    spark.sparkContext().setLogLevel("ERROR");
    List<Path> manifests = new ArrayList<>();
    for (long n : sizes) {
      for (String format : formats) {
        manifests.add(generate(spark, root, n, format, rowsPerFile));
      }
    }
    spark.stop();
    // No Spark distribution here: the workers need a SPARK_HOME with a jars folder (empty; the
    // executors get this classpath) and the Scala version a distribution would declare.
    Path sparkHome = root.resolve("spark-home");
    Files.createDirectories(sparkHome.resolve("jars"));
    System.out.println(
        "| objects | format | data files | inventory s | objects/s | driver live heap MB"
            + " | executor live heap MB (max) | samples (driver/executors) | GCs refused |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (Path manifest : manifests) {
      Path log = manifest.getParent().resolve("probe.log");
      Process p =
          ChildJvm.start(
              InventoryScaleBenchmark.class.getName(),
              List.of("-Xmx" + driverXmx, "-Dlog4j2.configurationFile=trawl-log4j2.properties"),
              Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12"),
              log,
              "--probe",
              manifest.toString(),
              manifest.getParent().resolve("warehouse").toUri().toString(),
              master,
              String.valueOf(executorMb),
              opts.getOrDefault("conf", ""));
      if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
        p.destroyForcibly();
        System.out.println("probe failed, see " + log);
        continue;
      }
      for (String line : Files.readAllLines(log)) {
        if (line.startsWith("| ")) {
          System.out.println(line);
        }
      }
    }
    String seconds = "2";
    for (String kv : opts.getOrDefault("conf", "").split(";")) {
      if (kv.startsWith(MemoryProbePlugin.SECONDS + "=")) {
        seconds = kv.substring(kv.indexOf('=') + 1);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%ndriver -Xmx%s, %s (executor heap %d MB), full GC + sample every %s s in every JVM,"
            + " %d cores, JVM %s%n",
        driverXmx,
        master,
        executorMb,
        seconds,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
  }

  /** Writes an S3 Inventory report of {@code n} objects, {@code rowsPerFile} per data file. */
  static Path generate(SparkSession spark, Path root, long n, String format, long rowsPerFile)
      throws Exception {
    Path dir = root.resolve(format.toLowerCase(Locale.ROOT) + "-" + n);
    Path data = dir.resolve("inv").resolve("data");
    int files = (int) Math.max(1, (n + rowsPerFile - 1) / rowsPerFile);
    Dataset<Row> rows =
        spark
            .range(0, n, 1, files)
            .select(
                expr("'bench-bucket'").as("bucket"),
                expr("concat('logs/', cast(id % 1000 as string), '/', cast(id div 1000 as"
                        + " string), '/object-', cast(id as string), '.json')")
                    .as("key"),
                expr("cast(1000 + id % 100000 as bigint)").as("size"),
                expr("'2026-11-24T10:00:00.000Z'").as("last_modified_date"),
                expr("md5(cast(id as string))").as("e_tag"),
                expr("'STANDARD'").as("storage_class"));
    String schema;
    if (format.equals("CSV")) {
      rows.write()
          .option("quoteAll", "true")
          .option("compression", "gzip")
          .option("header", "false")
          .csv(data.toString());
      schema = "Bucket, Key, Size, LastModifiedDate, ETag, StorageClass";
    } else {
      rows.write().parquet(data.toString());
      schema =
          "message s3.inventory { required binary bucket (UTF8); required binary key (UTF8);"
              + " optional int64 size; optional binary last_modified_date (UTF8);"
              + " optional binary e_tag (UTF8); optional binary storage_class (UTF8);}";
    }
    List<String> keys = new ArrayList<>();
    for (File f : data.toFile().listFiles()) {
      if (f.getName().startsWith("part-")) {
        keys.add("\"inv/data/" + f.getName() + "\"");
      }
    }
    StringBuilder json =
        new StringBuilder(
            "{\"sourceBucket\":\"bench-bucket\",\"destinationBucket\":\"arn:aws:s3:::bench-reports\","
                + "\"version\":\"2016-11-30\",\"creationTimestamp\":\"1764028800000\","
                + "\"fileFormat\":\""
                + format
                + "\",\"fileSchema\":\""
                + schema
                + "\",\"files\":[");
    for (int i = 0; i < keys.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"key\":")
          .append(keys.get(i))
          .append(",\"size\":1,\"MD5checksum\":\"x\"}");
    }
    json.append("]}");
    Path manifest = dir.resolve("inv").resolve("2026-11-25T00-00Z").resolve("manifest.json");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, json.toString(), StandardCharsets.UTF_8);
    return manifest;
  }

  /** In the child JVM (the driver): read the report into a fresh warehouse, print one row. */
  static void probe(
      Path manifest, String warehouse, String master, int executorMb, String extraConf)
      throws Exception {
    Path home = manifest.getParent().resolve("probe-home");
    Path probes = manifest.getParent().resolve("memory");
    Map<String, String> conf = new java.util.HashMap<>();
    conf.put("spark.master", master);
    conf.put("spark.executor.memory", executorMb + "m");
    conf.put("spark.executor.extraClassPath", ChildJvm.classpath());
    conf.put("spark.executor.extraJavaOptions", "-Duser.timezone=UTC");
    conf.put("spark.plugins", MemoryProbePlugin.class.getName());
    conf.put(MemoryProbePlugin.DIR, probes.toString());
    for (String kv : extraConf.split(";")) {
      if (kv.contains("=")) {
        conf.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
    }
    SparkSession spark = TrawlSpark.localSession(home, "inventory-probe", conf);
    long t0 = System.nanoTime();
    InventoryJob.Result r =
        InventoryJob.create(
                spark,
                new InventoryJob.Settings(
                    new TrawlCatalog("bench_inventory", warehouse),
                    List.of(),
                    List.of(manifest.toString()),
                    "000000000000",
                    null,
                    null))
            .run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    spark.stop();
    String format = manifest.toString().contains("/csv-") ? "CSV gzip" : "Parquet";
    long files;
    try (var list = Files.list(manifest.getParent().getParent().resolve("data"))) {
      files = list.filter(f -> f.getFileName().toString().startsWith("part-")).count();
    }
    double[] driver = MemoryProbePlugin.read(probes.resolve("driver.txt"));
    double executorMax = 0;
    List<String> executorSamples = new ArrayList<>();
    long refused = (long) driver[2];
    try (var list = Files.list(probes)) {
      for (Path f :
          list.filter(f -> f.getFileName().toString().matches("executor-.*\\.txt")).toList()) {
        double[] e = MemoryProbePlugin.read(f);
        executorMax = Math.max(executorMax, e[0]);
        executorSamples.add(String.valueOf((long) e[1]));
        refused += (long) e[2];
      }
    }
    System.out.printf(
        Locale.ROOT,
        "| %,d | %s | %d | %.1f | %,.0f | %.0f | %.0f | %d/%s | %d |%n",
        r.objects(),
        format,
        files,
        seconds,
        r.objects() / seconds,
        driver[0],
        executorMax,
        (long) driver[1],
        String.join("+", executorSamples),
        refused);
    System.exit(0);
  }
}
