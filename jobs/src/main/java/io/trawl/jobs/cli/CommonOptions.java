package io.trawl.jobs.cli;

import io.trawl.catalog.TableRegistrar;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Options every Spark subcommand shares: where the tables live and how Spark runs. */
final class CommonOptions {
  @Option(
      names = "--home",
      defaultValue = "trawl-warehouse",
      description =
          "Local folder for the warehouse, metastore and scratch (default: ${DEFAULT-VALUE}).")
  Path home;

  @Option(
      names = "--warehouse",
      description =
          "Table root URI (default: <home>/tables; e.g. s3a://bucket/trawl on a cluster).")
  String warehouse;

  @Option(
      names = "--database",
      defaultValue = TrawlCatalog.DEFAULT_DATABASE,
      description = "Catalog database (default: ${DEFAULT-VALUE}).")
  String database;

  @Option(
      names = "--master",
      description = "Spark master for local runs (default: local[*]; ignored under spark-submit).")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "Extra Spark setting, repeatable (e.g. spark.hadoop.fs.s3a.endpoint=...).")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(
      names = "--glue-region",
      description = "Also register tables in the AWS Glue Data Catalog of this region (Athena).")
  String glueRegion;

  @Option(
      names = "--glue-endpoint",
      description = "Glue endpoint override (testing).",
      hidden = true)
  String glueEndpoint;

  /** These options as arguments, to hand to another subcommand (the demo runs classify). */
  List<String> toArgs() {
    List<String> args = new ArrayList<>(List.of("--home", home.toString(), "--database", database));
    if (warehouse != null) {
      args.addAll(List.of("--warehouse", warehouse));
    }
    if (master != null) {
      args.addAll(List.of("--master", master));
    }
    conf.forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
    if (glueRegion != null) {
      args.addAll(List.of("--glue-region", glueRegion));
    }
    if (glueEndpoint != null) {
      args.addAll(List.of("--glue-endpoint", glueEndpoint));
    }
    return args;
  }

  /** True under spark-submit (which sets spark.master as a system property) unless --master. */
  boolean onCluster() {
    return System.getProperty("spark.master") != null && master == null;
  }

  TrawlCatalog catalog() {
    if (warehouse == null && onCluster()) {
      throw io.trawl.TrawlErrors.invalidArgument(
          "under spark-submit give --warehouse (e.g. s3://bucket/trawl): a local folder is not"
              + " shared by the cluster");
    }
    String root =
        warehouse != null ? warehouse : home.toAbsolutePath().resolve("tables").toUri().toString();
    return new TrawlCatalog(database, root);
  }

  /**
   * Under spark-submit the cluster's session (and metastore, e.g. Glue on EMR) is used; locally a
   * session with a Derby metastore under --home.
   */
  SparkSession session(String appName) {
    if (onCluster()) {
      SparkSession.Builder b = TrawlSpark.configure(SparkSession.builder().appName(appName));
      conf.forEach(b::config);
      return b.getOrCreate();
    }
    Map<String, String> extra = new LinkedHashMap<>(conf);
    if (master != null) {
      extra.put("spark.master", master);
    }
    return TrawlSpark.localSession(home.toAbsolutePath(), appName, extra);
  }

  /**
   * A Hadoop configuration for reading inputs before Spark starts: the --conf spark.hadoop.*
   * settings (e.g. S3A endpoint and credentials) applied.
   */
  org.apache.hadoop.conf.Configuration hadoopConf() {
    org.apache.hadoop.conf.Configuration c = new org.apache.hadoop.conf.Configuration();
    conf.forEach(
        (k, v) -> {
          if (k.startsWith("spark.hadoop.")) {
            c.set(k.substring("spark.hadoop.".length()), v);
          }
        });
    return c;
  }

  /** Local folder estates are checked before Spark starts; object stores when listed. */
  void checkLocalEstates(List<String> estates) {
    for (String e : estates) {
      java.net.URI uri;
      try {
        uri = java.net.URI.create(e);
      } catch (IllegalArgumentException ex) {
        throw io.trawl.TrawlErrors.unreadableEstate(e, ex);
      }
      String scheme = uri.getScheme() == null ? "file" : uri.getScheme();
      if (scheme.equals("file")) {
        Path p = uri.getScheme() == null ? Path.of(e) : Path.of(uri);
        if (!java.nio.file.Files.isDirectory(p)) {
          throw io.trawl.TrawlErrors.unreadableEstate(
              e, new java.io.FileNotFoundException("no such folder " + p));
        }
      }
    }
  }

  List<TableRegistrar> registrars(SparkSession spark) {
    List<TableRegistrar> out = new ArrayList<>();
    out.add(new io.trawl.catalog.SessionCatalogRegistrar(spark));
    if (glueRegion != null) {
      out.add(
          io.trawl.catalog.GlueTableRegistrar.create(
              glueRegion, glueEndpoint == null ? null : java.net.URI.create(glueEndpoint)));
    }
    return out;
  }
}
