package io.trawl.jobs.cli;

import io.trawl.TrawlErrors;
import io.trawl.detection.AllowList;
import io.trawl.detection.CustomDataIdentifier;
import io.trawl.detection.EngineConfig;
import io.trawl.detection.ManagedDataIdentifiers;
import io.trawl.extraction.ExtractionLimits;
import io.trawl.jobs.classify.ClassificationJob;
import io.trawl.jobs.classify.ClassificationJobDefinition;
import io.trawl.jobs.classify.CostModel;
import io.trawl.jobs.classify.JobInputs;
import io.trawl.jobs.inventory.InventoryJob;
import io.trawl.jobs.plan.AutomatedDiscovery;
import io.trawl.jobs.plan.PlannedSelection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trawl classify --job JOB.json [--estate URI ...] ...}. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = "Run a Macie classification job (CreateClassificationJob JSON) over the estate.")
final class ClassifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ClassificationRunOptions target;

  @Option(
      names = "--job",
      paramLabel = "JOB.json",
      description =
          "Macie CreateClassificationJob request body (local path or URI). Required unless --plan"
              + " is given (then the automated-discovery job: RECOMMENDED identifiers).")
  String jobFile;

  @Option(
      names = "--plan",
      paramLabel = "ID",
      description =
          "Classify the objects sampling plan ID picks (see trawl plan) instead of the job's scope.")
  String planId;

  @Option(
      names = "--cost-model",
      paramLabel = "FILE",
      description = "Cost model JSON (see docs/cost-model.md; default: US East list prices).")
  String costModelFile;

  @Option(
      names = "--estate",
      paramLabel = "URI",
      description = "List this estate first (as 'trawl inventory --estate'). Repeatable.")
  List<String> estates = new ArrayList<>();

  @Option(
      names = "--custom-data-identifiers",
      paramLabel = "PATH",
      description = "Macie CreateCustomDataIdentifier JSON file or folder of them. Repeatable.")
  List<String> customPaths = new ArrayList<>();

  @Option(
      names = "--allow-lists",
      paramLabel = "PATH",
      description = "Macie CreateAllowList JSON file or folder of them. Repeatable.")
  List<String> allowListPaths = new ArrayList<>();

  @Option(
      names = "--config-dir",
      paramLabel = "DIR",
      description =
          "Folder with custom-data-identifiers/ and allow-lists/ subfolders of Macie JSON.")
  String configDir;

  @Option(
      names = "--allow-list-words-root",
      paramLabel = "URI",
      description =
          "Read s3WordsList files from <URI>/<bucketName>/<objectKey> (default s3a://<bucketName>/<objectKey>).")
  String wordsRoot;

  @Option(
      names = "--results-location",
      paramLabel = "PATH",
      description = "Also write Macie's sensitive data discovery results (JSON Lines, gzip) here.")
  String resultsLocation;

  @Option(
      names = "--run-id",
      description = "Run to (re)write; rerunning a run id replaces its rows.")
  String runId;

  @Option(
      names = "--object-time-budget",
      defaultValue = "PT10M",
      description = "Time budget per object, ISO-8601 duration (default: ${DEFAULT-VALUE}).")
  Duration timeBudget;

  @Option(
      names = "--progress-seconds",
      defaultValue = "10",
      description = "Log progress every N seconds (default: ${DEFAULT-VALUE}).")
  int progressSeconds;

  @Override
  public Integer call() {
    // Everything the job refers to is read and checked before Spark starts, so bad input fails
    // in a second with a one-line reason.
    Configuration conf = common.hadoopConf();
    if (jobFile == null && planId == null) {
      throw TrawlErrors.invalidArgument("give --job JOB.json, --plan ID, or both");
    }
    CostModel cost = PlanCommand.costModel(costModelFile, conf);
    ClassificationJobDefinition job =
        jobFile == null
            ? null
            : ClassificationJobDefinition.parse(jobFile, JobInputs.readText(jobFile, conf));
    if (job == null) {
      return runPlanOnly(cost);
    }
    List<String> customs = new ArrayList<>(customPaths);
    List<String> allows = new ArrayList<>(allowListPaths);
    if (configDir != null) {
      addIfExists(customs, configDir + "/custom-data-identifiers", conf);
      addIfExists(allows, configDir + "/allow-lists", conf);
    }
    List<CustomDataIdentifier> custom =
        JobInputs.pick(
            job.customIds(),
            JobInputs.customDataIdentifiers(customs, conf),
            "custom data identifier",
            "--custom-data-identifiers");
    List<AllowList> allowLists =
        JobInputs.pick(
            job.allowIds(),
            JobInputs.allowLists(allows, conf, wordsRoot),
            "allow list",
            "--allow-lists");
    Set<String> managed =
        job.effectiveSelector()
            .resolve(job.managedDataIdentifierIds(), ManagedDataIdentifiers.load());
    EngineConfig engine = new EngineConfig(managed, custom, allowLists, target.hashKey(common));
    common.checkLocalEstates(estates);
    SparkSession spark = common.session("trawl-classify");
    ExtractionLimits limits = ExtractionLimits.defaults().withTimeBudget(timeBudget);
    if (!estates.isEmpty()) {
      InventoryJob.create(
              spark,
              new InventoryJob.Settings(
                  common.catalog(), estates, List.of(), target.accountId, null, null))
          .run();
    }
    ClassificationJob.Result r =
        ClassificationJob.create(
                spark,
                new ClassificationJob.Settings(
                    common.catalog(),
                    job,
                    engine,
                    limits,
                    runId,
                    resultsLocation,
                    target.region,
                    target.accountId,
                    target.partitions,
                    progressSeconds * 1000L,
                    cost,
                    common.registrars(spark),
                    planId))
            .run();
    print(r);
    return 0;
  }

  /** --plan without --job: the automated-discovery job over the plan's buckets. */
  private Integer runPlanOnly(CostModel cost) {
    SparkSession spark = common.session("trawl-classify");
    List<String> buckets = PlannedSelection.buckets(spark, common.catalog(), planId);
    ClassificationJobDefinition job = AutomatedDiscovery.discoveryJob(target.accountId, buckets);
    EngineConfig engine =
        new EngineConfig(
            job.effectiveSelector().resolve(List.of(), ManagedDataIdentifiers.load()),
            List.of(),
            List.of(),
            target.hashKey(common));
    ClassificationJob.Result r =
        ClassificationJob.create(
                spark,
                new ClassificationJob.Settings(
                    common.catalog(),
                    job,
                    engine,
                    ExtractionLimits.defaults().withTimeBudget(timeBudget),
                    runId,
                    resultsLocation,
                    target.region,
                    target.accountId,
                    target.partitions,
                    progressSeconds * 1000L,
                    cost,
                    common.registrars(spark),
                    planId))
            .run();
    print(r);
    return 0;
  }

  private void print(ClassificationJob.Result r) {
    spec.commandLine()
        .getOut()
        .printf(
            "job %s run %s (#%d): %,d objects in scope, %,d classified, %,d skipped, %,d sensitive,"
                + " %,d findings; %,d bytes classified; estimated cost $%.6f (Macie: $%.4f)%n",
            r.jobId(),
            r.runId(),
            r.runNumber(),
            r.objectsInScope(),
            r.objectsClassified(),
            r.objectsSkipped(),
            r.objectsSensitive(),
            r.findings(),
            r.bytesClassified(),
            r.estimatedCostUsd(),
            r.macieCostUsd());
  }

  private static void addIfExists(List<String> into, String location, Configuration conf) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
      if (p.getFileSystem(conf).exists(p)) {
        into.add(location);
      }
    } catch (IOException e) {
      throw TrawlErrors.invalidArgument("cannot read %s: %s", location, e.getMessage());
    }
  }
}
