package io.trawl.jobs.bench;

import io.trawl.jobs.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput with 1, 2 and 4 executors: {@link JobBenchmark} run in a fresh driver JVM per executor
 * count on Spark's {@code local-cluster[n,1,mb]} master (n separate executor JVMs of one core
 * each), and the speedup and efficiency over one executor. On a machine with fewer cores than
 * executors the extra executors share cores, which is what the efficiency column then shows.
 *
 * <p>Run (not part of {@code mvn verify}): {@code java <Spark's --add-opens> -cp <test classpath>
 * io.trawl.jobs.bench.ScalingBenchmark [--executors 1,2,4] [--executor-memory 1536] [--pin true]
 * [any JobBenchmark option, e.g. --large-mb 512 --small 2000 --sources file,s3a]}. With {@code
 * --pin true} (the default) each run is pinned with {@code taskset} to min(executors, cores) CPUs,
 * driver included, so the rates compare 1 core with 2.
 */
public final class ScalingBenchmark {
  private ScalingBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String counts = opts.getOrDefault("executors", "1,2,4");
    String executorMb = opts.getOrDefault("executor-memory", "1536");
    boolean pinned = Boolean.parseBoolean(opts.getOrDefault("pin", "true"));
    opts.remove("executors");
    opts.remove("executor-memory");
    opts.remove("pin");
    opts.putIfAbsent("large-mb", "512");
    opts.putIfAbsent("small", "2000");
    Path root = Files.createTempDirectory("trawl-scaling-");
    Path sparkHome = root.resolve("spark-home");
    Files.createDirectories(sparkHome.resolve("jars"));

    // workload (source + kind) -> executor count -> total rate (MB/s or objects/s, classify)
    Map<String, Map<Integer, double[]>> rates = new LinkedHashMap<>();
    for (String c : counts.split(",")) {
      int n = Integer.parseInt(c.trim());
      List<String> childArgs = new ArrayList<>();
      opts.forEach((k, v) -> childArgs.addAll(List.of("--" + k, v)));
      childArgs.addAll(
          List.of(
              "--master",
              "local-cluster[" + n + ",1," + executorMb + "]",
              "--cores",
              String.valueOf(n)));
      Path log = root.resolve("executors-" + n + ".log");
      // The driver, the workers and the executors all run on this machine: pinning the whole
      // process tree to min(n, cores) CPUs makes "1 executor" really one core (otherwise its JIT
      // and GC threads, and the driver, use the idle core and inflate the one-executor rate).
      int cpus = Math.min(n, Runtime.getRuntime().availableProcessors());
      List<String> pin =
          pinned ? List.of("taskset", "-c", cpus == 1 ? "0" : "0-" + (cpus - 1)) : List.of();
      Process p =
          ChildJvm.start(
              pin,
              JobBenchmark.class.getName(),
              List.of("-Xmx2g", "-Dlog4j2.configurationFile=trawl-log4j2.properties"),
              Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12"),
              log,
              childArgs.toArray(new String[0]));
      if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
        p.destroyForcibly();
        System.out.println(n + " executors: failed, see " + log);
        continue;
      }
      for (String line : Files.readAllLines(log)) {
        // | source | workload | objects | MB | run s | classify s | MB/s/core | obj/s/core | ...
        if (line.startsWith("| file ") || line.startsWith("| s3a ")) {
          String[] f = line.split("\\|");
          String workload = f[1].trim() + ", " + f[2].trim();
          double mbPerCore = Double.parseDouble(f[7].trim());
          double objectsPerCore = Double.parseDouble(f[8].trim());
          rates
              .computeIfAbsent(workload, k -> new LinkedHashMap<>())
              .put(n, new double[] {mbPerCore * n, objectsPerCore * n});
        }
      }
      System.out.println(n + " executor(s) done, log " + log);
    }

    System.out.println();
    System.out.println(
        "| workload | executors | MB/s (classify) | objects/s (classify) | speedup | efficiency |");
    System.out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, Map<Integer, double[]>> w : rates.entrySet()) {
      double[] one = w.getValue().get(1);
      for (Map.Entry<Integer, double[]> e : w.getValue().entrySet()) {
        boolean large = w.getKey().contains("MB");
        double rate = large ? e.getValue()[0] : e.getValue()[1];
        double base = one == null ? Double.NaN : large ? one[0] : one[1];
        double speedup = rate / base;
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %.1f | %.0f | %.2f | %.0f %% |%n",
            w.getKey(),
            e.getKey(),
            e.getValue()[0],
            e.getValue()[1],
            speedup,
            100 * speedup / e.getKey());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nlocal-cluster[n,1,%s], %s, %d cores on this machine, JVM %s%n",
        executorMb,
        pinned ? "pinned to min(n, cores) CPUs (driver included)" : "not pinned",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
  }
}
