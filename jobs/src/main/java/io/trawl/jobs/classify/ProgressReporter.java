package io.trawl.jobs.classify;

import java.util.Locale;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs progress of a long run from the driver: objects and bytes done out of the total, MB/s and an
 * ETA. Accumulators merge when tasks finish, so runs are split into many small tasks.
 */
final class ProgressReporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

  private final Thread thread;
  private final long startNanos = System.nanoTime();
  private final LongAccumulator objects;
  private final LongAccumulator bytes;
  private final long totalObjects;
  private final long totalBytes;
  private volatile boolean running = true;

  ProgressReporter(
      String label,
      LongAccumulator objects,
      LongAccumulator bytes,
      long totalObjects,
      long totalBytes,
      long intervalMillis) {
    this.objects = objects;
    this.bytes = bytes;
    this.totalObjects = totalObjects;
    this.totalBytes = totalBytes;
    this.thread =
        new Thread(
            () -> {
              while (running) {
                try {
                  Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                  return;
                }
                if (running) {
                  LOG.info("{}: {}", label, line());
                }
              }
            },
            "trawl-progress");
    thread.setDaemon(true);
    thread.start();
  }

  /** e.g. {@code 120/500 objects, 12.3/50.1 MB, 4.1 MB/s, ETA 9 s}. */
  String line() {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long doneBytes = bytes.value();
    double mbps = doneBytes / 1e6 / seconds;
    double objRate = objects.value() / seconds;
    String eta;
    if (objects.value() == 0) {
      eta = "ETA unknown";
    } else {
      double remaining = (totalObjects - objects.value()) / Math.max(objRate, 1e-9);
      eta = String.format(Locale.ROOT, "ETA %.0f s", Math.max(0, remaining));
    }
    return String.format(
        Locale.ROOT,
        "%d/%d objects, %.1f/%.1f MB, %.2f MB/s, %s",
        objects.value(),
        totalObjects,
        doneBytes / 1e6,
        totalBytes / 1e6,
        mbps,
        eta);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
