package io.trawl.jobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a configuration key in a deployment file is one Spark, Spark SQL or Delta defines (their
 * config registry), or one of the few EMR/Hive keys listed here with the reason they cannot be
 * found on this classpath; and whether class names in values load. Catches typos such as {@code
 * spark.sql.extension} that a cluster would silently ignore.
 */
public final class SparkConfKeys {
  /** Keys outside Spark's registry, with who reads them. */
  public static final Map<String, String> OTHER_KEYS =
      Map.of(
          "hive.metastore.client.factory.class",
          "EMR's patched Hive (HIVE-12679) picks the Glue Data Catalog client from it",
          "delta.enabled",
          "EMR's delta-defaults classification: puts Delta's jars on the cluster",
          "fs.s3.maxConnections",
          "EMRFS (emrfs-site): connection pool size for s3:// reads",
          "hive.metastore.glue.catalogid",
          "EMR's Glue client: the catalog (account) to use, for a cross-account catalog");

  /** Classes only an EMR cluster provides. */
  public static final Map<String, String> EMR_CLASSES =
      Map.of(
          "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory",
          "EMR's Glue Data Catalog client for Hive, not on Maven Central");

  private static final Pattern CLASS_NAME =
      Pattern.compile("([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");

  private SparkConfKeys() {}

  /** True if Spark, Spark SQL or Delta defines {@code key}. */
  public static boolean inSparkRegistry(String key) {
    // Spark's, Spark SQL's and Delta's config objects register their entries when initialised.
    for (String holder :
        new String[] {
          "org.apache.spark.internal.config.package$",
          "org.apache.spark.sql.internal.SQLConf$",
          "org.apache.spark.sql.internal.StaticSQLConf$",
          "org.apache.spark.sql.delta.sources.DeltaSQLConf$"
        }) {
      try {
        Class.forName(holder, true, SparkConfKeys.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(holder + " is not on the test classpath", e);
      }
    }
    return org.apache.spark.internal.config.ConfigEntry.findEntry(key) != null;
  }

  /**
   * Asserts that {@code key} is known (spark.hadoop.* keys by their Hadoop name) and that every
   * class named in {@code value} loads or is provided by EMR.
   */
  public static void assertKnownSetting(String where, String key, String value) {
    String bare = key.startsWith("spark.hadoop.") ? key.substring("spark.hadoop.".length()) : key;
    boolean known =
        key.startsWith("spark.hadoop.") ? OTHER_KEYS.containsKey(bare) : inSparkRegistry(key);
    assertThat(known || OTHER_KEYS.containsKey(key))
        .as("%s: %s is not a Spark, Spark SQL, Delta or listed EMR/Hive setting", where, key)
        .isTrue();
    for (String part : value.split("[,=\\s]+")) {
      if (CLASS_NAME.matcher(part).matches()) {
        assertClassExists(where, part);
      }
    }
  }

  /** Asserts that {@code className} loads here or is one EMR provides. */
  public static void assertClassExists(String where, String className) {
    if (EMR_CLASSES.containsKey(className)) {
      return;
    }
    try {
      Class.forName(className, false, SparkConfKeys.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(where + ": class " + className + " does not exist", e);
    }
  }
}
