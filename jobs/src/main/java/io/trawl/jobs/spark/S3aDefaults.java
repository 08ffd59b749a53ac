package io.trawl.jobs.spark;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * S3A settings Trawl applies where the user has not set them (a value that only comes from Hadoop's
 * {@code core-default.xml} counts as unset). They favour finishing a long scan under throttling
 * over failing fast, without letting the SDK's retries multiply S3A's:
 *
 * <ul>
 *   <li>{@code fs.s3a.attempts.maximum=5}: the AWS SDK's own retries per S3A attempt (Hadoop
 *       3.3.4's 20 multiplies with S3A's retries into minutes per request; Hadoop 3.4 chose 5).
 *   <li>{@code fs.s3a.retry.limit=7}, {@code fs.s3a.retry.interval=500ms}: S3A's retries of
 *       connection failures (resets, timeouts, truncated bodies), exponential with jitter.
 *   <li>{@code fs.s3a.retry.throttle.limit=20}, {@code fs.s3a.retry.throttle.interval=1000ms}: 503
 *       SlowDown is retried longer and slower, so that S3 can split a hot prefix.
 *   <li>{@code fs.s3a.connection.maximum=200}: enough pooled connections for {@code
 *       trawl.classify.readsInFlight} GETs per task and several tasks per executor (HADOOP-19015
 *       raised the default for the same reason).
 *   <li>{@code fs.s3a.connection.timeout=60000}: a socket read that stalls a minute is retried on a
 *       new connection instead of waiting for 3.3.4's 200 s.
 * </ul>
 *
 * <p>An object whose read still fails after these retries gets a result with a Macie reason (see
 * {@code ObjectClassifier}); the run goes on.
 */
public final class S3aDefaults {
  /** The defaults, by Hadoop key. */
  public static final Map<String, String> DEFAULTS =
      Map.of(
          "fs.s3a.attempts.maximum", "5",
          "fs.s3a.retry.limit", "7",
          "fs.s3a.retry.interval", "500ms",
          "fs.s3a.retry.throttle.limit", "20",
          "fs.s3a.retry.throttle.interval", "1000ms",
          "fs.s3a.connection.maximum", "200",
          "fs.s3a.connection.timeout", "60000");

  private S3aDefaults() {}

  /** Sets each default in {@code conf} unless the user set the key. */
  public static void apply(Configuration conf) {
    DEFAULTS.forEach(
        (k, v) -> {
          if (!userSet(conf, k)) {
            conf.set(k, v, "trawl defaults");
          }
        });
  }

  private static boolean userSet(Configuration conf, String key) {
    if (conf.get(key) == null) {
      return false;
    }
    String[] sources = conf.getPropertySources(key);
    if (sources == null) {
      return true;
    }
    for (String s : sources) {
      if (!s.equals("core-default.xml")) {
        return true;
      }
    }
    return false;
  }
}
