package io.trawl.jobs.testing;

import io.trawl.catalog.SessionCatalogRegistrar;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.detection.AllowList;
import io.trawl.detection.CustomDataIdentifier;
import io.trawl.detection.EngineConfig;
import io.trawl.detection.ManagedDataIdentifiers;
import io.trawl.extraction.ExtractionLimits;
import io.trawl.jobs.classify.ClassificationJob;
import io.trawl.jobs.classify.ClassificationJobDefinition;
import io.trawl.jobs.classify.CostModel;
import io.trawl.jobs.inventory.InventoryJob;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Runs Trawl's jobs in a test against one catalog, with the shared session. */
public final class Pipeline {
  public static final String ACCOUNT = "111122223333";
  public static final String HASH_KEY = "test-hash-key";

  private final SparkSession spark;
  private final TrawlCatalog catalog;

  public Pipeline(SparkSession spark, TrawlCatalog catalog) {
    this.spark = spark;
    this.catalog = catalog;
  }

  public TrawlCatalog catalog() {
    return catalog;
  }

  public InventoryJob.Result inventory(List<String> estates, List<String> manifests) {
    return InventoryJob.create(
            spark, new InventoryJob.Settings(catalog, estates, manifests, ACCOUNT, null, null))
        .run();
  }

  public ClassificationJob.Result classify(
      String jobJson,
      String runId,
      List<CustomDataIdentifier> custom,
      List<AllowList> allowLists,
      String resultsLocation) {
    ClassificationJobDefinition job = ClassificationJobDefinition.parse("test-job", jobJson);
    EngineConfig engine =
        new EngineConfig(
            job.effectiveSelector()
                .resolve(job.managedDataIdentifierIds(), ManagedDataIdentifiers.load()),
            custom,
            allowLists,
            HASH_KEY);
    return ClassificationJob.create(
            spark,
            new ClassificationJob.Settings(
                catalog,
                job,
                engine,
                ExtractionLimits.defaults(),
                runId,
                resultsLocation,
                "us-east-1",
                ACCOUNT,
                2,
                60_000,
                CostModel.defaults(),
                List.of(new SessionCatalogRegistrar(spark))))
        .run();
  }

  /**
   * Runs the {@code trawl} CLI in this JVM against this catalog, with {@code home} as its home.
   *
   * @return {exit code, standard output, standard error}
   */
  public String[] cli(java.nio.file.Path home, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--home",
            home.toString(),
            "--warehouse",
            catalog.warehouseRoot(),
            "--database",
            catalog.database()));
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        io.trawl.jobs.cli.TrawlCli.execute(
            new java.io.PrintWriter(out), new java.io.PrintWriter(err), all.toArray(new String[0]));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  /** A table read by path. */
  public Dataset<Row> table(TrawlTable table) {
    return spark.read().format("delta").load(catalog.tablePath(table));
  }

  /** A one-time job over the given buckets with an optional extra JSON fragment. */
  public static String job(String name, String extra, String... buckets) {
    StringBuilder b = new StringBuilder();
    for (String bucket : buckets) {
      b.append(b.length() == 0 ? "" : ",").append('"').append(bucket).append('"');
    }
    return "{\"name\":\""
        + name
        + "\",\"jobType\":\"ONE_TIME\""
        + (extra.isEmpty() ? "" : "," + extra)
        + ",\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\""
        + ACCOUNT
        + "\",\"buckets\":["
        + b
        + "]}]}}";
  }
}
