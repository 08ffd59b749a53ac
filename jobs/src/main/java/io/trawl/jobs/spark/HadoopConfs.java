package io.trawl.jobs.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Hadoop's Configuration is not serializable, and an executor's {@code new Configuration()} knows
 * nothing of the session's {@code spark.hadoop.*} settings: ship the filesystem settings as a map
 * and rebuild the configuration in the task.
 */
public final class HadoopConfs {
  private HadoopConfs() {}

  /**
   * The session's filesystem settings ({@code fs.*}, {@code hadoop.*}) as a plain map, with Trawl's
   * {@link S3aDefaults} where the user set nothing.
   */
  public static Map<String, String> capture(SparkSession spark) {
    Map<String, String> out = new HashMap<>();
    Configuration conf = spark.sessionState().newHadoopConf();
    S3aDefaults.apply(conf);
    for (Map.Entry<String, String> e : conf) {
      String k = e.getKey();
      if (k.startsWith("fs.") || k.startsWith("hadoop.") || k.startsWith("io.")) {
        out.put(k, e.getValue());
      }
    }
    return out;
  }

  /** Rebuilds a configuration from {@link #capture}. */
  public static Configuration rebuild(Map<String, String> settings) {
    Configuration conf = new Configuration();
    settings.forEach(conf::set);
    return conf;
  }
}
