package io.trawl.jobs.classify;

import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes Macie's sensitive data discovery results: one JSON object per line per object in scope
 * (skipped ones included), gzip-compressed, as {@code
 * <results-location>/<jobId>/<runId>/*.jsonl.gz}. Rerunning a run overwrites its folder.
 */
final class DiscoveryResults {
  private DiscoveryResults() {}

  static void write(SparkSession spark, Dataset<Row> lines, String location) {
    lines.write().mode(SaveMode.Overwrite).option("compression", "gzip").text(location);
    // Spark names text parts *.txt.gz; Macie's consumers expect .jsonl.gz.
    try {
      Path dir = new Path(location);
      FileSystem fs = dir.getFileSystem(spark.sessionState().newHadoopConf());
      for (FileStatus st : fs.listStatus(dir)) {
        String name = st.getPath().getName();
        if (name.startsWith("part-") && name.endsWith(".txt.gz")) {
          String renamed = name.substring(0, name.length() - ".txt.gz".length()) + ".jsonl.gz";
          fs.rename(st.getPath(), new Path(dir, renamed));
        } else if (name.startsWith(".") || name.equals("_SUCCESS")) {
          fs.delete(st.getPath(), false);
        }
      }
    } catch (IOException e) {
      throw io.trawl.TrawlErrors.jobFailed(
          "writing discovery results", "cannot finish " + location + ": " + e.getMessage(), e);
    }
  }
}
