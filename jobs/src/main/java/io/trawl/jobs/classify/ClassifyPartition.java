package io.trawl.jobs.classify;

import io.trawl.detection.DetectionEngine;
import io.trawl.detection.EngineConfig;
import io.trawl.extraction.ContentExtractor;
import io.trawl.extraction.ExtractionLimits;
import io.trawl.jobs.spark.HadoopConfs;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The executor side of classification: one extractor per task, one compiled engine per executor
 * JVM, one result document per object, streamed. Small objects are fetched a few at a time ahead of
 * the one being classified ({@link #READS_IN_FLIGHT}), so memory per task stays bounded by
 * readsInFlight x {@link #FETCH_AHEAD_MAX_BYTES} whatever the partition's size.
 */
final class ClassifyPartition implements MapPartitionsFunction<Row, String> {
  private static final long serialVersionUID = 1L;

  /**
   * Test hook (a Spark setting, read on the executor): when true, the first attempt of every
   * classification task fails after its first object, so tests can show that Spark's retry of a
   * task never duplicates results. Never set it in production.
   */
  public static final String FAIL_FIRST_ATTEMPT = "spark.trawl.test.failFirstTaskAttempt";

  /**
   * Spark setting: GETs in flight per classification task for small objects (default {@value
   * #DEFAULT_READS_IN_FLIGHT}; 1 reads one object at a time). Many small objects are bound by
   * request latency, not bandwidth: a few concurrent GETs per task keep the core busy.
   */
  public static final String READS_IN_FLIGHT = "spark.trawl.classify.readsInFlight";

  static final int DEFAULT_READS_IN_FLIGHT = 8;

  /**
   * Spark setting: objects up to this size (bytes, or e.g. {@code 1m}) are fetched ahead whole;
   * larger ones are streamed when their turn comes (default 1 MiB, so read-ahead holds at most
   * readsInFlight MiB per task).
   */
  public static final String FETCH_AHEAD_MAX_BYTES = "spark.trawl.classify.fetchAheadMaxBytes";

  static final long DEFAULT_FETCH_AHEAD_MAX_BYTES = 1L << 20;

  /** Compiled engines by configuration: built once per executor JVM, not per task or object. */
  private static final Map<EngineConfig, DetectionEngine> ENGINES = new ConcurrentHashMap<>();

  private final EngineConfig engineConfig;
  private final ExtractionLimits limits;
  private final Broadcast<Map<String, String>> hadoopConf;
  private final RunContext run;
  private final LongAccumulator objectsDone;
  private final LongAccumulator bytesDone;
  private final LongAccumulator bytesRead;

  ClassifyPartition(
      EngineConfig engineConfig,
      ExtractionLimits limits,
      Broadcast<Map<String, String>> hadoopConf,
      RunContext run,
      LongAccumulator objectsDone,
      LongAccumulator bytesDone,
      LongAccumulator bytesRead) {
    this.engineConfig = engineConfig;
    this.limits = limits;
    this.hadoopConf = hadoopConf;
    this.run = run;
    this.objectsDone = objectsDone;
    this.bytesDone = bytesDone;
    this.bytesRead = bytesRead;
  }

  static DetectionEngine engine(EngineConfig config) {
    return ENGINES.computeIfAbsent(config, DetectionEngine::create);
  }

  @Override
  public Iterator<String> call(Iterator<Row> rows) {
    ContentExtractor extractor = new ContentExtractor(limits);
    // The extractor owns a parse worker; release it when the task ends, however it ends.
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) ctx -> extractor.close());
    }
    ObjectClassifier classifier =
        new ObjectClassifier(
            engine(engineConfig), extractor, HadoopConfs.rebuild(hadoopConf.value()));
    boolean injectFailure = failFirstAttempt(task);
    int inFlight = setting(READS_IN_FLIGHT, DEFAULT_READS_IN_FLIGHT);
    long fetchMax = setting(FETCH_AHEAD_MAX_BYTES, DEFAULT_FETCH_AHEAD_MAX_BYTES);
    ExecutorService pool = inFlight > 1 ? fetchPool(inFlight) : null;
    if (pool != null && task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) ctx -> pool.shutdownNow());
    }
    return new Iterator<>() {
      private final Deque<Pending> window = new ArrayDeque<>();
      private int emitted;

      @Override
      public boolean hasNext() {
        return !window.isEmpty() || rows.hasNext();
      }

      @Override
      public String next() {
        if (injectFailure && emitted++ == 1) {
          throw new IllegalStateException(
              "injected task failure (" + FAIL_FIRST_ATTEMPT + "), attempt 0");
        }
        // Keep up to inFlight objects in the window: small ones are being fetched meanwhile,
        // so a task waits for one round trip per window instead of one per object.
        while (window.size() < Math.max(1, inFlight) && rows.hasNext()) {
          ObjectRef next = toRef(rows.next());
          Future<ObjectClassifier.Fetched> f =
              pool != null && classifier.fetchable(next, fetchMax)
                  ? pool.submit(() -> classifier.fetch(next))
                  : null;
          window.add(new Pending(next, f));
        }
        Pending p = window.poll();
        if (p == null) {
          throw new java.util.NoSuchElementException();
        }
        ObjectRef o = p.ref();
        ObjectResult r = classifier.classify(o, p.fetched());
        objectsDone.add(1);
        bytesDone.add(Math.max(0, o.size()));
        bytesRead.add(r.bytesRead());
        return ResultRecords.toJson(run, r);
      }
    };
  }

  /** An object in the read-ahead window, with its bytes being fetched (or null: read inline). */
  private record Pending(ObjectRef ref, Future<ObjectClassifier.Fetched> future) {
    ObjectClassifier.Fetched fetched() {
      if (future == null) {
        return null;
      }
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("classification task interrupted", e);
      } catch (ExecutionException e) {
        // fetch() keeps its failures; anything else is a bug worth failing the task for.
        throw new IllegalStateException("read-ahead failed", e.getCause());
      }
    }
  }

  private static ExecutorService fetchPool(int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, "trawl-read-ahead-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  private static int setting(String key, int fallback) {
    SparkEnv env = SparkEnv.get();
    return env == null ? fallback : env.conf().getInt(key, fallback);
  }

  private static long setting(String key, long fallback) {
    SparkEnv env = SparkEnv.get();
    return env == null ? fallback : env.conf().getSizeAsBytes(key, String.valueOf(fallback));
  }

  private static boolean failFirstAttempt(TaskContext task) {
    SparkEnv env = SparkEnv.get();
    return task != null
        && task.attemptNumber() == 0
        && env != null
        && env.conf().getBoolean(FAIL_FIRST_ATTEMPT, false);
  }

  static ObjectRef toRef(Row row) {
    Timestamp lm = row.getAs("last_modified");
    Long size = row.getAs("size");
    return new ObjectRef(
        row.getAs("account_id"),
        row.getAs("bucket"),
        row.getAs("key"),
        size == null ? -1 : size,
        lm == null ? null : lm.getTime(),
        row.getAs("etag"),
        row.getAs("storage_class"),
        row.getAs("extension"),
        row.getAs("version_id"),
        row.getAs("estate_uri"),
        null);
  }
}
