package io.trawl.jobs.cli;

import io.trawl.jobs.compliance.ComplianceFrameworks;
import io.trawl.jobs.compliance.ComplianceReport;
import io.trawl.jobs.compliance.ComplianceViews;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trawl compliance}: create the compliance views and print the per-framework summary. */
@Command(
    name = "compliance",
    mixinStandardHelpOptions = true,
    description =
        "Create the compliance_violations and compliance_summary views (HIPAA, PCI DSS, GDPR, CCPA,"
            + " SOX) and print the summary and the top violations.")
final class ComplianceCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--cardholder-tag",
      paramLabel = "KEY=VALUE",
      description =
          "Bucket tag of the PCI DSS cardholder data environment (default: ${DEFAULT-VALUE}).",
      defaultValue = "data-classification=cardholder")
  String cardholderTag;

  @Option(names = "--framework", description = "Only this framework; repeatable (default: all).")
  List<String> frameworks = new ArrayList<>();

  @Option(
      names = "--violations",
      defaultValue = "10",
      description = "Top violations to print (default: ${DEFAULT-VALUE}).")
  int violations;

  @Option(
      names = "--athena-ddl",
      paramLabel = "FILE",
      description = "Also write the views' Athena DDL (with these settings) to FILE.")
  Path athenaDdl;

  @Override
  public Integer call() throws IOException {
    ComplianceFrameworks fw =
        ComplianceFrameworks.load()
            .withCardholderTag(ComplianceFrameworks.Tag.parse(cardholderTag))
            .only(frameworks);
    if (athenaDdl != null) {
      Files.writeString(
          athenaDdl, ComplianceViews.athenaDdl(fw, common.database), StandardCharsets.UTF_8);
    }
    SparkSession spark = common.session("trawl-compliance");
    ComplianceReport.print(spark, common.catalog(), fw, violations, spec.commandLine().getOut());
    return 0;
  }
}
