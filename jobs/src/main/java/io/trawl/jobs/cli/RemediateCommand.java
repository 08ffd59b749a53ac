package io.trawl.jobs.cli;

import io.trawl.jobs.compliance.ComplianceFrameworks;
import io.trawl.jobs.remediate.RemediationJob;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** {@code trawl remediate}: tag the objects behind compliance violations (dry run by default). */
@Command(
    name = "remediate",
    mixinStandardHelpOptions = true,
    description =
        "Tag the S3 objects behind compliance violations (trawl:sensitive, trawl:frameworks and"
            + " --tag), keeping their other tags. A dry run unless --apply; every action is"
            + " recorded in remediation_actions.")
final class RemediateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--apply", description = "Tag the objects (default: a dry run that only plans).")
  boolean apply;

  @Option(
      names = "--tag",
      paramLabel = "KEY=VALUE",
      description = "Another tag to set; repeatable.")
  Map<String, String> tags = new LinkedHashMap<>();

  @Option(names = "--framework", description = "Only this framework's violations; repeatable.")
  List<String> frameworks = new ArrayList<>();

  @Option(
      names = "--cardholder-tag",
      paramLabel = "KEY=VALUE",
      defaultValue = "data-classification=cardholder",
      description =
          "Bucket tag of the PCI DSS cardholder data environment (default: ${DEFAULT-VALUE}).")
  String cardholderTag;

  @Option(
      names = "--s3-endpoint",
      description = "S3 endpoint override (path-style), e.g. a local S3.")
  URI s3Endpoint;

  @Option(
      names = "--region",
      defaultValue = "us-east-1",
      description = "Region of the S3 client (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--run-id",
      description = "ID recorded in remediation_actions (default: remediate-<UTC time>).")
  String runId;

  @Override
  public Integer call() {
    for (Map.Entry<String, String> t : tags.entrySet()) {
      ComplianceFrameworks.Tag.parse(t.getKey() + "=" + t.getValue());
    }
    ComplianceFrameworks fw =
        ComplianceFrameworks.load()
            .withCardholderTag(ComplianceFrameworks.Tag.parse(cardholderTag))
            .only(frameworks);
    String id =
        runId != null
            ? runId
            : "remediate-" + Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14);
    SparkSession spark = common.session("trawl-remediate");
    S3Client s3 = apply ? s3Client() : null;
    try {
      RemediationJob.Result r =
          RemediationJob.create(
                  spark, new RemediationJob.Settings(common.catalog(), fw, tags, apply, id), s3)
              .run();
      PrintWriter w = spec.commandLine().getOut();
      if (apply) {
        w.printf(
            "Remediation %s: %d objects tagged, %d already tagged, %d failed%n",
            r.runId(), r.applied(), r.unchanged(), r.failed());
      } else {
        w.printf(
            "Remediation %s (dry run): %d objects would be tagged; rerun with --apply to tag"
                + " them%n",
            r.runId(), r.planned());
      }
      w.printf(
          "  every action: bin/trawl sql \"SELECT * FROM remediation_actions WHERE run_id = '%s'\"%n",
          r.runId());
      w.flush();
      return r.failed() > 0 ? 8 : 0;
    } finally {
      if (s3 != null) {
        s3.close();
      }
    }
  }

  private S3Client s3Client() {
    S3ClientBuilder b =
        S3Client.builder()
            .region(Region.of(region))
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (s3Endpoint != null) {
      b.endpointOverride(s3Endpoint).forcePathStyle(true);
    }
    return b.build();
  }
}
