package io.trawl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.testing.SharedSpark;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class TrawlSparkTest {
  @Test
  void localDefaultsKeepEverythingUnderHome() {
    Path home = Path.of("/data/trawl-home");
    Map<String, String> conf = TrawlSpark.localDefaults(home);
    assertThat(conf)
        .containsEntry("spark.master", "local[*]")
        .containsEntry("spark.sql.extensions", TrawlSpark.DELTA_EXTENSION)
        .containsEntry("spark.sql.catalog.spark_catalog", TrawlSpark.DELTA_CATALOG)
        .containsEntry("spark.sql.catalogImplementation", "hive")
        .containsEntry("spark.ui.enabled", "false")
        .containsEntry("spark.sql.session.timeZone", "UTC")
        .containsEntry("spark.databricks.delta.snapshotPartitions", "2")
        .containsEntry("spark.sql.maxConcurrentOutputFileWriters", "4")
        .containsEntry("spark.sql.files.maxRecordsPerFile", "1000000")
        .containsEntry("spark.driver.host", "127.0.0.1")
        .containsEntry(
            "spark.hadoop.javax.jdo.option.ConnectionURL",
            "jdbc:derby:;databaseName=/data/trawl-home/metastore_db;create=true");
    assertThat(conf.get("spark.sql.warehouse.dir")).isEqualTo("file:/data/trawl-home/warehouse");
    assertThat(conf.get("spark.local.dir")).startsWith("/data/trawl-home/");
    assertThat(conf.get("spark.hadoop.hadoop.tmp.dir")).startsWith("/data/trawl-home/");
  }

  @Test
  void sharedSessionIsLocalWithDeltaAndHive() {
    SparkSession spark = SharedSpark.session();
    assertThat(spark.conf().get("spark.master")).isEqualTo("local[2]");
    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
    assertThat(spark.conf().get("spark.sql.catalogImplementation")).isEqualTo("hive");
    assertThat(spark.conf().get("spark.sql.extensions")).contains(TrawlSpark.DELTA_EXTENSION);
    assertThat(spark.conf().get("spark.sql.session.timeZone")).isEqualTo("UTC");
    assertThat(System.getProperty("derby.system.home")).isEqualTo(SharedSpark.home().toString());
  }

  @Test
  void configureKeepsExtensionsAndCatalogTheClusterAlreadySet() {
    SparkConf submitted =
        new SparkConf(false)
            .set("spark.sql.extensions", "org.example.OtherExtension")
            .set("spark.sql.catalog.spark_catalog", "org.example.Catalog")
            .set("spark.sql.maxConcurrentOutputFileWriters", "16")
            .set("spark.sql.files.maxRecordsPerFile", "0");
    assertThat(TrawlSpark.deltaSettings(submitted))
        .containsEntry(
            "spark.sql.extensions", "org.example.OtherExtension," + TrawlSpark.DELTA_EXTENSION)
        .containsEntry("spark.sql.catalog.spark_catalog", "org.example.Catalog")
        .containsEntry("spark.sql.maxConcurrentOutputFileWriters", "16")
        .containsEntry("spark.sql.files.maxRecordsPerFile", "0");
  }

  @Test
  void configureAddsDeltaOnlyOnce() {
    SparkConf submitted =
        new SparkConf(false).set("spark.sql.extensions", TrawlSpark.DELTA_EXTENSION);
    assertThat(TrawlSpark.deltaSettings(submitted))
        .containsEntry("spark.sql.extensions", TrawlSpark.DELTA_EXTENSION)
        .containsEntry("spark.sql.catalog.spark_catalog", TrawlSpark.DELTA_CATALOG);
    assertThat(TrawlSpark.deltaSettings(new SparkConf(false)))
        .containsEntry("spark.sql.extensions", TrawlSpark.DELTA_EXTENSION)
        .containsEntry("spark.sql.maxConcurrentOutputFileWriters", "4")
        .containsEntry("spark.sql.files.maxRecordsPerFile", "1000000");
  }
}
