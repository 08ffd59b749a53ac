package io.trawl.jobs.cli;

import io.trawl.jobs.report.ReportWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trawl report --out report.html}: one self-contained HTML page with charts of a run
 * (sensitive buckets, data types, severity over runs, posture, compliance), readable offline.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write a self-contained HTML report with charts of a classification run.")
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--out",
      defaultValue = "trawl-report.html",
      description =
          "HTML file to write: a local path, or a URI such as s3://bucket/reports/run.html on a"
              + " cluster (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--run-id", description = "Run to report on (default: the latest run).")
  String runId;

  @Override
  public Integer call() {
    String written =
        ReportWriter.write(common.session("trawl-report"), common.database, runId, out);
    spec.commandLine().getOut().println("Report written to " + written);
    return 0;
  }
}
