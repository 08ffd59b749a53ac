package io.trawl.jobs.cli;

import io.trawl.jobs.export.ExportFormat;
import io.trawl.jobs.export.FindingExporter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trawl export}: findings to Macie JSON, EventBridge, ASFF, OCSF or CSV. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Export findings (sensitive data and policy) as Macie finding JSON, EventBridge events,"
            + " Security Hub ASFF, OCSF Data Security Findings or CSV. Archived findings are left"
            + " out unless --include-archived.")
final class ExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      required = true,
      description = "macie, eventbridge, asff, ocsf or csv (see docs/exports.md).")
  String format;

  @Option(
      names = "--out",
      required = true,
      description = "Output file (local path, or s3a:// on a cluster); replaced if present.")
  String out;

  @Option(names = "--run-id", description = "Only this job run's findings (default: every run).")
  String runId;

  @Option(names = "--include-archived", description = "Also export archived (suppressed) findings.")
  boolean includeArchived;

  @Override
  public Integer call() {
    ExportFormat f = ExportFormat.parse(format);
    SparkSession spark = common.session("trawl-export");
    FindingExporter.Result r =
        FindingExporter.create(
                spark,
                new FindingExporter.Settings(common.catalog(), f, out, runId, includeArchived))
            .run();
    PrintWriter w = spec.commandLine().getOut();
    w.printf("Exported %d findings as %s to %s%n", r.exported(), f.cliName(), r.out());
    if (includeArchived) {
      w.printf("  archived findings included: %d%n", r.archivedIncluded());
    } else {
      w.printf(
          "  archived findings excluded: %d (--include-archived to export them)%n",
          r.archivedExcluded());
    }
    if (r.rebuilt() > 0) {
      w.printf(
          "  rebuilt from table columns (policy findings or no stored finding JSON): %d%n",
          r.rebuilt());
    }
    w.flush();
    return 0;
  }
}
