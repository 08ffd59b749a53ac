package io.trawl.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession Trawl runs in. {@link #localSession} is the embedded default for laptops
 * and tests (Delta, a Derby-backed Hive metastore and every scratch folder under one home folder);
 * {@link #configure} only adds what Delta needs, for spark-submit on a cluster whose metastore
 * (Glue on EMR) is configured by the cluster.
 */
public final class TrawlSpark {
  /** Delta's SQL extension class. */
  public static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";

  /** Delta's session catalog class. */
  public static final String DELTA_CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";

  /**
   * Spark's setting that lets a partitioned write keep its output files open instead of sorting
   * each task's rows by the partition column first. Every Trawl write puts all its rows in one
   * partition (a run's or snapshot's date), so the sort Spark would add buys nothing, and it
   * buffers a task's whole input in execution memory: measured, an executor's live heap grew with
   * the rows per task (481 MB at 10^6 inventory rows, 719 MB at 3-4 x 10^6) until the sort spilled.
   * With writers kept open (up to this many per task, then Spark falls back to sorting) rows stream
   * straight into Parquet.
   */
  static final String CONCURRENT_WRITERS = "spark.sql.maxConcurrentOutputFileWriters";

  /** Writers a task may keep open; Trawl's writes need one, a few leaves room for a date change. */
  static final String CONCURRENT_WRITERS_DEFAULT = "4";

  /**
   * Rows per output file. A Parquet writer holds its open file's row group, column statistics and
   * page indexes in memory until the file closes; a task writing 3-5 x 10^6 inventory rows into one
   * file had twice the live heap of one writing 10^6 (428 vs 144-172 MB, measured). Closing files
   * at 10^6 rows bounds what a Parquet writer holds whatever the estate's size, and keeps files in
   * the tens of MB that Athena reads well.
   */
  static final String MAX_RECORDS_PER_FILE = "spark.sql.files.maxRecordsPerFile";

  static final String MAX_RECORDS_PER_FILE_DEFAULT = "1000000";

  private TrawlSpark() {}

  /**
   * A local session with everything under {@code home}: {@code metastore_db} (Derby), {@code
   * warehouse}, Spark's and Hadoop's scratch folders and derby.log. Runs {@code local[*]} unless
   * {@code extraConf} sets {@code spark.master}; {@code extraConf} overrides every default.
   *
   * <p>Embedded Derby allows one metastore per JVM, so one home per process; if a session already
   * exists in this JVM it is returned as is, like {@code getOrCreate}.
   */
  public static SparkSession localSession(
      Path home, String appName, Map<String, String> extraConf) {
    Path abs = home.toAbsolutePath().normalize();
    try {
      Files.createDirectories(abs.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Spark home " + abs, e);
    }
    // Derby reads this once, when its engine boots; it keeps derby.log out of the working dir.
    System.setProperty("derby.system.home", abs.toString());

    Map<String, String> conf = new LinkedHashMap<>(localDefaults(abs));
    conf.putAll(extraConf);
    SparkSession.Builder builder = SparkSession.builder().appName(appName).enableHiveSupport();
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }

  /** The settings {@link #localSession} uses before {@code extraConf} is applied. */
  static Map<String, String> localDefaults(Path home) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.master", "local[*]");
    conf.put("spark.sql.extensions", DELTA_EXTENSION);
    conf.put("spark.sql.catalog.spark_catalog", DELTA_CATALOG);
    conf.put("spark.sql.catalogImplementation", "hive");
    // Hadoop's form (file:/x), not java.net.URI's (file:///x): Delta compares locations as strings.
    conf.put(
        "spark.sql.warehouse.dir",
        new org.apache.hadoop.fs.Path(home.resolve("warehouse").toUri()).toString());
    conf.put(
        "spark.hadoop.javax.jdo.option.ConnectionURL",
        "jdbc:derby:;databaseName=" + home.resolve("metastore_db") + ";create=true");
    conf.put("spark.local.dir", home.resolve("tmp").resolve("spark").toString());
    conf.put("spark.hadoop.hadoop.tmp.dir", home.resolve("tmp").resolve("hadoop").toString());
    conf.put("spark.ui.enabled", "false");
    conf.put("spark.sql.shuffle.partitions", "4");
    // The default of 50 makes every Delta snapshot a 50-task job; 2 is plenty for Trawl's tables.
    conf.put("spark.databricks.delta.snapshotPartitions", "2");
    conf.put("spark.driver.host", "127.0.0.1");
    conf.put("spark.driver.bindAddress", "127.0.0.1");
    conf.put("spark.sql.session.timeZone", "UTC");
    conf.put(CONCURRENT_WRITERS, CONCURRENT_WRITERS_DEFAULT);
    conf.put(MAX_RECORDS_PER_FILE, MAX_RECORDS_PER_FILE_DEFAULT);
    return conf;
  }

  /**
   * Adds the Delta extension and catalog to a builder, for spark-submit where the cluster provides
   * the metastore, and the write settings {@link #CONCURRENT_WRITERS} and {@link
   * #MAX_RECORDS_PER_FILE}; all other settings are left to the cluster. Extensions the cluster
   * already lists (spark-defaults, {@code --conf}) are kept, and a session catalog or write setting
   * it sets is not replaced.
   */
  public static SparkSession.Builder configure(SparkSession.Builder builder) {
    // new SparkConf() reads the spark.* system properties that spark-submit sets from its config.
    deltaSettings(new SparkConf()).forEach(builder::config);
    return builder;
  }

  /** The Delta settings {@link #configure} adds, given what spark-submit already set. */
  static Map<String, String> deltaSettings(SparkConf submitted) {
    String extensions = submitted.get("spark.sql.extensions", "").strip();
    if (!Arrays.asList(extensions.split("\\s*,\\s*")).contains(DELTA_EXTENSION)) {
      extensions = extensions.isEmpty() ? DELTA_EXTENSION : extensions + "," + DELTA_EXTENSION;
    }
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.extensions", extensions);
    conf.put(
        "spark.sql.catalog.spark_catalog",
        submitted.get("spark.sql.catalog.spark_catalog", DELTA_CATALOG));
    conf.put(CONCURRENT_WRITERS, submitted.get(CONCURRENT_WRITERS, CONCURRENT_WRITERS_DEFAULT));
    conf.put(
        MAX_RECORDS_PER_FILE, submitted.get(MAX_RECORDS_PER_FILE, MAX_RECORDS_PER_FILE_DEFAULT));
    return conf;
  }
}
