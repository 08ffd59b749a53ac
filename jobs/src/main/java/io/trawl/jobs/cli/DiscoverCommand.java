package io.trawl.jobs.cli;

import io.trawl.extraction.ExtractionLimits;
import io.trawl.jobs.inventory.InventoryJob;
import io.trawl.jobs.plan.AutomatedDiscovery;
import io.trawl.jobs.plan.PlanReport;
import io.trawl.jobs.plan.SamplingPlanner;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trawl discover --budget 10GB [--estate URI ...]}: one day of automated discovery. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description =
        "Macie's automated sensitive data discovery within a budget: plan, classify the picked"
            + " objects with the RECOMMENDED identifiers, refresh bucket profiles, report the cost.")
final class DiscoverCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ClassificationRunOptions target;
  @Mixin PlanCommand.PlanOptions options;

  @Option(
      names = "--estate",
      paramLabel = "URI",
      description = "List this estate first (as 'trawl inventory --estate'). Repeatable.")
  List<String> estates = new ArrayList<>();

  @Override
  public Integer call() {
    String defaultId =
        "discover-"
            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
    SamplingPlanner.Settings plan = options.settings(common, defaultId);
    String hashKey = target.hashKey(common);
    common.checkLocalEstates(estates);
    SparkSession spark = common.session("trawl-discover");
    if (!estates.isEmpty()) {
      InventoryJob.create(
              spark,
              new InventoryJob.Settings(
                  common.catalog(), estates, List.of(), target.accountId, null, null))
          .run();
    }
    AutomatedDiscovery.Result r =
        AutomatedDiscovery.run(
            spark,
            new AutomatedDiscovery.Settings(
                new SamplingPlanner.Settings(
                    plan.catalog(),
                    plan.budget(),
                    plan.confidence(),
                    plan.method(),
                    plan.planId(),
                    plan.buckets(),
                    plan.cost(),
                    common.registrars(spark)),
                hashKey,
                ExtractionLimits.defaults(),
                target.region,
                target.accountId,
                target.partitions,
                10_000));
    spec.commandLine().getOut().print(PlanReport.discovery(r));
    return r.withinBudget() ? 0 : 8;
  }
}
