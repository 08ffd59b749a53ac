package io.trawl.jobs.classify;

import io.trawl.detection.DetectionEngine;
import io.trawl.detection.EngineConfig;
import io.trawl.extraction.ContentExtractor;
import io.trawl.extraction.ExtractionLimits;
import io.trawl.jobs.spark.HadoopConfs;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The executor side of classification: one extractor per task, one compiled engine per executor
 * JVM, one result document per object, streamed (objects are not buffered).
 */
final class ClassifyPartition implements MapPartitionsFunction<Row, String> {
  private static final long serialVersionUID = 1L;

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
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public String next() {
        ObjectRef o = toRef(rows.next());
        ObjectResult r = classifier.classify(o);
        objectsDone.add(1);
        bytesDone.add(Math.max(0, o.size()));
        bytesRead.add(r.bytesRead());
        return ResultRecords.toJson(run, r);
      }
    };
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
