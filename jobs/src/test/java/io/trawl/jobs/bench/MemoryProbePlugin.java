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
    private volatile boolean running = true;
    private long maxLive;
    private long samples;

    private Sampler(Path file, long periodMillis) {
      this.file = file;
      this.periodMillis = periodMillis;
    }

    static Sampler start(PluginContext ctx, String name) {
      Path dir = Path.of(ctx.conf().get(DIR));
      double seconds = ctx.conf().getDouble(SECONDS, 2.0);
      Sampler s = new Sampler(dir.resolve(name + ".txt"), (long) (seconds * 1000));
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
      System.gc();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      samples++;
      maxLive = Math.max(maxLive, used);
      try {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(
            tmp,
            String.format(Locale.ROOT, "%.1f %d%n", maxLive / 1e6, samples),
            StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void stop() {
      running = false;
      sample();
    }
  }

  /** Reads a probe file: {max live MB, samples}; null if the JVM never wrote one. */
  static double[] read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    String[] parts = Files.readString(file).trim().split(" ");
    return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
  }
}
