package io.trawl.jobs.cli;

import io.trawl.TrawlErrors;
import io.trawl.jobs.inventory.InventoryJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trawl inventory --estate URI ... | --s3-inventory MANIFEST_URI ...}. */
@Command(
    name = "inventory",
    mixinStandardHelpOptions = true,
    description = "List an estate into the objects table (live listing or S3 Inventory reports).")
final class InventoryCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--estate",
      paramLabel = "URI",
      description =
          "Estate to list: s3a://bucket[/prefix], s3://bucket on EMR, or file:///dir whose top-level folders are buckets. Repeatable.")
  List<String> estates = new ArrayList<>();

  @Option(
      names = "--s3-inventory",
      paramLabel = "MANIFEST_URI",
      description = "S3 Inventory manifest.json to read instead of listing. Repeatable.")
  List<String> manifests = new ArrayList<>();

  @Option(
      names = "--account-id",
      defaultValue = "000000000000",
      description = "AWS account that owns the listed buckets (default: ${DEFAULT-VALUE}).")
  String accountId;

  @Option(
      names = "--object-scheme",
      description =
          "Scheme to read objects named by an S3 Inventory report: s3a (default) or s3 (EMRFS).")
  String objectScheme;

  @Option(names = "--snapshot-id", description = "Snapshot to (re)write (default: a new one).")
  String snapshotId;

  @Override
  public Integer call() {
    if (estates.isEmpty() && manifests.isEmpty()) {
      throw TrawlErrors.invalidArgument(
          "inventory needs --estate URI or --s3-inventory MANIFEST_URI");
    }
    common.checkLocalEstates(estates);
    SparkSession spark = common.session("trawl-inventory");
    InventoryJob.Result r =
        InventoryJob.create(
                spark,
                new InventoryJob.Settings(
                    common.catalog(), estates, manifests, accountId, objectScheme, snapshotId))
            .run();
    for (var reg : common.registrars(spark)) {
      reg.register(common.catalog(), io.trawl.catalog.TrawlTable.OBJECTS);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "inventory %s: %,d objects, %,d bytes in %d bucket(s) -> %s%n",
            r.snapshotId(),
            r.objects(),
            r.bytes(),
            r.buckets(),
            common.catalog().qualifiedName(io.trawl.catalog.TrawlTable.OBJECTS));
    return 0;
  }
}
