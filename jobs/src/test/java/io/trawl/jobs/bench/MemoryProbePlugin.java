package io.trawl.jobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Measures the live heap of the driver and of every executor JVM separately, for benchmarks that
 * must show memory flat in object count. Enabled with {@code spark.plugins=}this class and {@code
 * spark.trawl.memoryProbe.dir=<folder>}; each JVM then runs a full GC every {@code
 * spark.trawl.memoryProbe.seconds} (default 2) and records the heap in use right after it: the live
 * set, not the garbage a lazy collector leaves behind. Each JVM keeps {@code driver.txt} or {@code
 * executor-<id>.txt} in the folder up to date with {@code <max live MB> <samples>}, so the figures
 * survive an executor that is stopped without notice.
 *
 * <p>The forced GCs slow the run down; never use this for throughput figures.
 */
public final class MemoryProbePlugin implements SparkPlugin {
  static final String DIR = "spark.trawl.memoryProbe.dir";
  static final String SECONDS = "spark.trawl.memoryProbe.seconds";

  /**
   * When a JVM's live heap sets a new maximum above this many MB, it also writes {@code
   * <name>.peak}: the live-object class histogram and the stacks of Spark's task threads at that
   * moment, i.e. what holds the memory and which operator was running. Off (0) by default.
   */
  static final String EXPLAIN_ABOVE_MB = "spark.trawl.memoryProbe.explainAboveMb";

  @Override
  public DriverPlugin driverPlugin() {
    return new DriverPlugin() {
      private Sampler sampler;

      @Override
      public Map<String, String> init(SparkContext sc, PluginContext ctx) {
        sampler = Sampler.start(ctx, "driver");
        return Map.of();
      }

      @Override
      public void shutdown() {
        sampler.stop();
      }
    };
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    return new ExecutorPlugin() {
      private Sampler sampler;

      @Override
      public void init(PluginContext ctx, Map<String, String> extraConf) {
        sampler = Sampler.start(ctx, "executor-" + ctx.executorID());
      }

      @Override
      public void shutdown() {
        sampler.stop();
      }
    };
  }

  /** A daemon thread: GC, read the heap in use, keep the maximum in a file. */
  static final class Sampler implements Runnable {
    private final Path file;
    private final long periodMillis;
    private final long explainAboveBytes;
    private volatile boolean running = true;
    private long maxLive;
    private long samples;
    private long skipped;

    private Sampler(Path file, long periodMillis, long explainAboveBytes) {
      this.file = file;
      this.periodMillis = periodMillis;
      this.explainAboveBytes = explainAboveBytes;
    }

    static Sampler start(PluginContext ctx, String name) {
      Path dir = Path.of(ctx.conf().get(DIR));
      double seconds = ctx.conf().getDouble(SECONDS, 2.0);
      long explainAbove = ctx.conf().getLong(EXPLAIN_ABOVE_MB, 0) * 1_000_000L;
      Sampler s = new Sampler(dir.resolve(name + ".txt"), (long) (seconds * 1000), explainAbove);
      Thread t = new Thread(s, "trawl-memory-probe");
      t.setDaemon(true);
      t.start();
      return s;
    }

    @Override
    public void run() {
      while (running) {
        sample();
        try {
          Thread.sleep(periodMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    synchronized void sample() {
      // System.gc() returns without collecting when a thread is inside a JNI critical region
      // (HotSpot's GC locker), which zlib and snappy decompression enter constantly: the heap then
      // still holds garbage. Only a sample taken right after a completed full GC counts.
      long used = -1;
      for (int attempt = 0; attempt < 50 && used < 0; attempt++) {
        long before = fullCollections();
        System.gc();
        if (fullCollections() > before) {
          used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        } else {
          skipped++;
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
      if (used < 0) {
        return;
      }
      samples++;
      boolean newPeak = used > maxLive;
      maxLive = Math.max(maxLive, used);
      try {
        if (newPeak && explainAboveBytes > 0 && used > explainAboveBytes) {
          explain(used);
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(
            tmp,
            String.format(Locale.ROOT, "%.1f %d %d%n", maxLive / 1e6, samples, skipped),
            StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** Full (stop-the-world, whole-heap) collections so far: G1's, Parallel's or Serial's. */
    private static long fullCollections() {
      long n = 0;
      for (java.lang.management.GarbageCollectorMXBean gc :
          ManagementFactory.getGarbageCollectorMXBeans()) {
        String name = gc.getName();
        if (name.equals("G1 Old Generation")
            || name.equals("PS MarkSweep")
            || name.equals("MarkSweepCompact")) {
          n += gc.getCollectionCount();
        }
      }
      return n;
    }

    /** The class histogram of live objects and the task threads' stacks, for a new peak. */
    private void explain(long used) throws IOException {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(Locale.ROOT, "live heap %.1f MB at sample %d%n", used / 1e6, samples));
      for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
        if (t.getKey().getName().startsWith("Executor task launch")
            || t.getKey().getName().equals("main")) {
          out.append("\n").append(t.getKey().getName()).append('\n');
          StackTraceElement[] stack = t.getValue();
          for (int i = 0; i < Math.min(stack.length, 60); i++) {
            out.append("  at ").append(stack[i]).append('\n');
          }
        }
      }
      long fullBefore = fullCollections();
      try {
        Object histogram =
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
        String[] lines = histogram.toString().split("\n");
        out.append(
            fullCollections() > fullBefore
                ? "\nclass histogram after a full GC (live objects only)\n"
                : "\nclass histogram WITHOUT a full GC (GC locker held): includes garbage\n");
        for (int i = 0; i < Math.min(lines.length, 45); i++) {
          out.append(lines[i]).append('\n');
        }
      } catch (javax.management.JMException e) {
        out.append("no histogram: ").append(e).append('\n');
      }
      Path peak = file.resolveSibling(file.getFileName().toString().replace(".txt", ".peak"));
      Files.writeString(peak, out.toString(), StandardCharsets.UTF_8);
    }

    void stop() {
      running = false;
      sample();
    }
  }

  /**
   * Reads a probe file: {max live MB, samples, full GCs that did not run (GC locker held)}; null if
   * the JVM never wrote one.
   */
  static double[] read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    String[] parts = Files.readString(file).trim().split(" ");
    return new double[] {
      Double.parseDouble(parts[0]),
      Double.parseDouble(parts[1]),
      parts.length > 2 ? Double.parseDouble(parts[2]) : 0
    };
  }
}
