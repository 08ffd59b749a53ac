package io.trawl.jobs.bench;

import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlSpark;
import io.trawl.detection.EngineConfig;
import io.trawl.detection.ManagedDataIdentifierSelector;
import io.trawl.detection.ManagedDataIdentifiers;
import io.trawl.extraction.ExtractionLimits;
import io.trawl.jobs.classify.ClassificationJob;
import io.trawl.jobs.classify.ClassificationJobDefinition;
import io.trawl.jobs.classify.CostModel;
import io.trawl.jobs.inventory.InventoryJob;
import io.trawl.jobs.testing.FaultyS3;
import io.trawl.jobs.testing.LocalS3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SparkSession;

/**
 * The CLI benchmark ({@code bin/trawl bench}): generates mixed objects and measures end-to-end
 * classification (read, extract, detect, write Delta) from {@code file://} and from {@code s3a://}
 * against an embedded S3-compatible server on loopback. Prints MB/s per core for large text objects
 * and objects/s per core for small ones. Timings include Spark scheduling and the Delta commits of
 * each run, as a user would see them.
 *
 * <p>Options: {@code --large-mb N} (total MB of large objects, default 256), {@code --large-size-mb
 * N} (per object, default 16), {@code --small N} (small objects, default 4000), {@code --small-kb
 * N} (default 4), {@code --cores N} (default all; the divisor of the per-core rates), {@code
 * --master M} (default {@code local[<cores>]}; {@code local-cluster[n,1,mb]} for separate executor
 * JVMs, as {@link ScalingBenchmark} does), {@code --reads-in-flight N} (GETs in flight per task,
 * {@code spark.trawl.classify.readsInFlight}; default Trawl's), {@code --get-latency-ms N} (hold
 * every S3 request N ms in a proxy, as real S3's time to first byte; default none), {@code
 * --sources file,s3a} and {@code --workloads large,small} (default both).
 */
public final class JobBenchmark {
  private JobBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int largeMb = Integer.parseInt(opts.getOrDefault("large-mb", "256"));
    int largeSizeMb = Integer.parseInt(opts.getOrDefault("large-size-mb", "16"));
    int small = Integer.parseInt(opts.getOrDefault("small", "4000"));
    int smallKb = Integer.parseInt(opts.getOrDefault("small-kb", "4"));
    ManagedDataIdentifierSelector selector =
        ManagedDataIdentifierSelector.valueOf(opts.getOrDefault("selector", "RECOMMENDED"));
    int cores =
        Integer.parseInt(
            opts.getOrDefault("cores", String.valueOf(Runtime.getRuntime().availableProcessors())));

    List<String> sources = List.of(opts.getOrDefault("sources", "file,s3a").split(","));
    List<String> workloads = List.of(opts.getOrDefault("workloads", "large,small").split(","));
    Map<String, String> sparkConf = new java.util.HashMap<>();
    String master = opts.getOrDefault("master", "local[" + cores + "]");
    sparkConf.put("spark.master", master);
    if (master.startsWith("local-cluster")) {
      // Separate executor JVMs (ScalingBenchmark): they need this classpath, there being no
      // Spark distribution here (SPARK_HOME must point at a folder with an empty jars/).
      sparkConf.put("spark.executor.extraClassPath", io.trawl.jobs.testing.ChildJvm.classpath());
      sparkConf.put("spark.executor.extraJavaOptions", "-Duser.timezone=UTC");
      sparkConf.put(
          "spark.executor.memory", master.replaceAll(".*,\\s*(\\d+)\\s*\\]$", "$1") + "m");
    }
    if (opts.containsKey("reads-in-flight")) {
      sparkConf.put("spark.trawl.classify.readsInFlight", opts.get("reads-in-flight"));
    }
    if (!workloads.contains("large")) {
      largeMb = 0;
    }
    Path home = Files.createTempDirectory("trawl-bench-");
    Path estate = home.resolve("estate");
    Random random = new Random(7);
    long largeBytes = 0;
    for (int i = 0; i < (largeMb == 0 ? 0 : Math.max(1, largeMb / largeSizeMb)); i++) {
      largeBytes +=
          write(
              estate.resolve("large/logs/app-" + i + ".log"),
              textObject(random, largeSizeMb * 1_000_000));
    }
    long smallBytes = 0;
    for (int i = 0; i < small; i++) {
      smallBytes +=
          write(
              estate.resolve("small/records/" + (i % 64) + "/r-" + i + ".json"),
              smallObject(random, smallKb * 1000));
    }
    System.out.printf(
        Locale.ROOT,
        "generated %.1f MB of large text and %d small objects (%.1f MB)%n",
        largeBytes / 1e6,
        small,
        smallBytes / 1e6);

    SparkSession spark = TrawlSpark.localSession(home, "trawl-bench", sparkConf);
    spark.sparkContext().setLogLevel("WARN");
    LocalS3 s3 = LocalS3.get();
    s3.configure(spark);
    s3.createBucket("large");
    s3.createBucket("small");
    FaultyS3 latency = null;
    if (opts.containsKey("get-latency-ms")) {
      // Loopback answers a GET in about a millisecond; real S3 takes ~20 ms to the first byte.
      // A proxy that holds every request (GET and LIST) that long makes request latency, and
      // so read-ahead's effect, visible here.
      latency = new FaultyS3(s3, Long.parseLong(opts.get("get-latency-ms")));
      latency.fail("/", FaultyS3.Fault.SLOW, Integer.MAX_VALUE);
      for (String bucket : List.of("large", "small")) {
        latency.bucketSettings(bucket, Map.of()).forEach(spark.conf()::set);
      }
    }
    try (var files = Files.walk(estate)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path rel = estate.relativize(p);
        s3.put(
            rel.getName(0).toString(),
            rel.subpath(1, rel.getNameCount()).toString().replace('\\', '/'),
            Files.readAllBytes(p));
      }
    }

    System.out.println();
    System.out.println(
        "| source | workload | objects | MB | run s | classify s | MB/s per core (classify)"
            + " | objects/s per core (classify) | MB/s per core (run) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (String source : sources) {
      for (String bucket : workloads) {
        String estateUri = source.equals("file") ? estate.toUri().toString() : "s3a://" + bucket;
        TrawlCatalog catalog =
            new TrawlCatalog(
                "bench_" + source + "_" + bucket,
                home.resolve("tables-" + source + "-" + bucket).toUri().toString());
        InventoryJob.create(
                spark,
                new InventoryJob.Settings(
                    catalog, List.of(estateUri), List.of(), "000000000000", null, null))
            .run();
        ClassificationJobDefinition job =
            ClassificationJobDefinition.parse(
                "bench",
                "{\"name\":\"bench-"
                    + bucket
                    + "\",\"jobType\":\"ONE_TIME\",\"managedDataIdentifierSelector\":\""
                    + selector
                    + "\","
                    + "\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\"000000000000\",\"buckets\":[\""
                    + bucket
                    + "\"]}]}}");
        EngineConfig engine =
            new EngineConfig(
                selector.resolve(List.of(), ManagedDataIdentifiers.load()),
                List.of(),
                List.of(),
                "bench");
        long t0 = System.nanoTime();
        ClassificationJob.Result r =
            ClassificationJob.create(
                    spark,
                    new ClassificationJob.Settings(
                        catalog,
                        job,
                        engine,
                        ExtractionLimits.defaults(),
                        null,
                        null,
                        "us-east-1",
                        "000000000000",
                        0,
                        30_000,
                        CostModel.defaults(),
                        List.of()))
                .run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double mb = r.bytesInScope() / 1e6;
        // "classify" is reading, extracting and detecting up to the results commit; "run" adds
        // the other tables' commits and profiles, a fixed cost per run.
        double classify = r.classifyMillis() / 1e3;
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.1f |%n",
            source,
            bucket.equals("large")
                ? largeSizeMb + " MB text/log objects"
                : smallKb + " KB JSON objects",
            r.objectsInScope(),
            mb,
            seconds,
            classify,
            mb / classify / cores,
            r.objectsInScope() / classify / cores,
            mb / seconds / cores);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nselector: %s, master: %s, cores: %d, reads in flight per task: %s, S3 request latency"
            + " added: %s ms, JVM: %s %s%n",
        selector,
        master,
        cores,
        sparkConf.getOrDefault("spark.trawl.classify.readsInFlight", "default"),
        opts.getOrDefault("get-latency-ms", "0"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    spark.stop();
    if (latency != null) {
      latency.close();
    }
    System.exit(0);
  }

  static long write(Path p, byte[] bytes) throws IOException {
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return bytes.length;
  }

  /** Log-like text with a sensitive value roughly every 200 lines. */
  static byte[] textObject(Random random, int size) {
    StringBuilder sb = new StringBuilder(size + 200);
    int line = 0;
    while (sb.length() < size) {
      line++;
      sb.append(
          String.format(
              Locale.ROOT,
              "2026-11-01T10:%02d:%02d.%03dZ INFO  [worker-%d] GET /api/v2/orders/%d status=200 bytes=%d"
                  + " took=%dms user-agent=\"Mozilla/5.0\"%n",
              line / 60 % 60,
              line % 60,
              line % 1000,
              random.nextInt(16),
              random.nextInt(1_000_000),
              random.nextInt(50_000),
              random.nextInt(900)));
      if (line % 200 == 0) {
        sb.append("2026-11-01T10:00:00.000Z WARN customer email jane.doe")
            .append(random.nextInt(1000))
            .append("@example.com ssn 536-22-8426\n");
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] smallObject(Random random, int size) {
    StringBuilder sb = new StringBuilder("{\"records\":[");
    int i = 0;
    while (sb.length() < size) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"id\":")
          .append(random.nextInt(1_000_000))
          .append(",\"status\":\"shipped\",")
          .append("\"note\":\"order ")
          .append(random.nextInt(100_000))
          .append(" left the warehouse\"}");
      i++;
    }
    sb.append("]}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
