package io.trawl.jobs.cli;

import io.trawl.jobs.access.AccessAnalysisConfig;
import io.trawl.jobs.access.AccessJob;
import io.trawl.jobs.classify.JobInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trawl access --server-logs URI --cloudtrail URI [--run-id ID] [--config F]}. */
@Command(
    name = "access",
    mixinStandardHelpOptions = true,
    description =
        "Read S3 server access logs and CloudTrail data events, join them with the latest"
            + " findings, and rank unusual access to sensitive data.")
final class AccessCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--server-logs",
      paramLabel = "URI",
      description = "Folder, file or glob of S3 server access logs (read recursively). Repeatable.")
  List<String> serverLogs = new ArrayList<>();

  @Option(
      names = "--cloudtrail",
      paramLabel = "URI",
      description =
          "Folder, file or glob of CloudTrail log files, gzipped or not (read recursively)."
              + " Repeatable.")
  List<String> cloudTrail = new ArrayList<>();

  @Option(
      names = "--run-id",
      description = "Run to (re)write; rerunning a run id replaces its rows.")
  String runId;

  @Option(
      names = "--config",
      paramLabel = "FILE.json",
      description =
          "Thresholds and windows overriding the defaults (see docs/access.md); unknown fields"
              + " are rejected.")
  String configFile;

  @Override
  public Integer call() {
    AccessAnalysisConfig config =
        configFile == null
            ? AccessAnalysisConfig.defaults()
            : AccessAnalysisConfig.fromJson(
                configFile, JobInputs.readText(configFile, common.hadoopConf()));
    AccessJob.Settings settings =
        new AccessJob.Settings(common.catalog(), serverLogs, cloudTrail, runId, config, List.of());
    SparkSession spark = common.session("trawl-access");
    AccessJob.Result r =
        AccessJob.create(
                spark,
                new AccessJob.Settings(
                    settings.catalog(),
                    serverLogs,
                    cloudTrail,
                    runId,
                    config,
                    common.registrars(spark)))
            .run();
    spec.commandLine()
        .getOut()
        .printf(
            "access run %s: %,d events, %,d rejected lines or records (see"
                + " access_events_rejected), %,d records of other services ignored; %,d requests on"
                + " sensitive objects, %,d anomalies%n",
            r.runId(), r.events(), r.rejected(), r.ignored(), r.sensitiveAccess(), r.anomalies());
    return 0;
  }
}
