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
 * Parquet data files, as S3 delivers them), each read by {@code InventoryJob} in a fresh child JVM
 * with a fixed heap, which reports its peak heap and its highest live heap after GC. If the driver
 * held the listing, the live heap would grow with the object count (10^7 keys are over 1 GB as Java
 * strings); it stays flat.
 *
 * <p>Run (not part of {@code mvn verify}): {@code java -cp <test classpath>
 * io.trawl.jobs.bench.InventoryScaleBenchmark [--rows 10000,1000000,10000000] [--formats
 * CSV,Parquet] [--xmx 1g] [--cores 2]}. In local mode the driver and the executors share the child
 * JVM, so its figures bound both.
 */
public final class InventoryScaleBenchmark {
  private InventoryScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--probe")) {
      probe(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
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
    String xmx = opts.getOrDefault("xmx", "1g");
    int cores = Integer.parseInt(opts.getOrDefault("cores", "2"));
    Path root = Files.createTempDirectory("trawl-inventory-bench-");
    SparkSession spark =
        TrawlSpark.localSession(
            root.resolve("gen-home"), "inventory-gen", Map.of("spark.master", "local[2]"));
    spark.sparkContext().setLogLevel("ERROR");
    List<Path> manifests = new ArrayList<>();
    for (long n : sizes) {
      for (String format : formats) {
        manifests.add(generate(spark, root, n, format));
      }
    }
    spark.stop();
    System.out.println(
        "| objects | format | data files | inventory s | objects/s | peak heap MB | max live heap"
            + " after GC MB | GCs |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Path manifest : manifests) {
      Path log = manifest.getParent().resolve("probe.log");
      Process p =
          ChildJvm.start(
              InventoryScaleBenchmark.class.getName(),
              List.of("-Xmx" + xmx, "-Dlog4j2.configurationFile=trawl-log4j2.properties"),
              log,
              "--probe",
              manifest.toString(),
              manifest.getParent().resolve("warehouse").toUri().toString(),
              String.valueOf(cores));
      if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
        System.out.println("probe failed, see " + log);
        continue;
      }
      for (String line : Files.readAllLines(log)) {
        if (line.startsWith("| ")) {
          System.out.println(line);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nchild heap -Xmx%s, local[%d], %d cores, JVM %s%n",
        xmx,
        cores,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
  }

  /** Writes an S3 Inventory report of {@code n} objects (one data file per million rows). */
  static Path generate(SparkSession spark, Path root, long n, String format) throws Exception {
    Path dir = root.resolve(format.toLowerCase(Locale.ROOT) + "-" + n);
    Path data = dir.resolve("inv").resolve("data");
    int files = (int) Math.max(1, n / 1_000_000);
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

  /** In the child JVM: read the report into a fresh warehouse and print one table row. */
  static void probe(Path manifest, String warehouse, int cores) throws Exception {
    MemoryProbe probe = MemoryProbe.start();
    Path home = manifest.getParent().resolve("probe-home");
    SparkSession spark =
        TrawlSpark.localSession(
            home, "inventory-probe", Map.of("spark.master", "local[" + cores + "]"));
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
    String format = manifest.toString().contains("/csv-") ? "CSV gzip" : "Parquet";
    long files =
        Files.list(manifest.getParent().getParent().resolve("data"))
            .filter(f -> f.getFileName().toString().startsWith("part-"))
            .count();
    System.out.printf(
        Locale.ROOT,
        "| %,d | %s | %d | %.1f | %,.0f | %.0f | %.0f | %d |%n",
        r.objects(),
        format,
        files,
        seconds,
        r.objects() / seconds,
        MemoryProbe.peakHeapMb(),
        probe.maxLiveMb(),
        probe.collections());
    spark.stop();
    System.exit(0);
  }
}
