package io.trawl.jobs.cli;

import io.trawl.TrawlErrors;
import io.trawl.jobs.score.PostureFile;
import io.trawl.jobs.score.PostureReader;
import io.trawl.jobs.score.ScoringJob;
import io.trawl.jobs.score.SdkPostureReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trawl score}: sensitivity, exposure and risk per bucket, and Macie's policy findings for
 * the current posture. See docs/scoring.md.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description =
        "Score every bucket: sensitivity (from what was found), exposure (from its posture) and"
            + " risk; write bucket_risk and Macie policy findings.")
final class ScoreCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--posture-file",
      paramLabel = "FILE",
      description = "Read bucket posture from this JSON file (docs/scoring.md).")
  Path postureFile;

  @Option(
      names = "--posture-api",
      description = "Read bucket posture with the S3 and S3 Control APIs (AWS credentials chain).")
  boolean postureApi;

  @Option(
      names = "--region",
      defaultValue = "us-east-1",
      description = "AWS Region for the API clients and for findings (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description = "S3 and S3 Control endpoint override for --posture-api (path-style).")
  URI s3Endpoint;

  @Option(names = "--s3-access-key", hidden = true, description = "Static access key (testing).")
  String accessKey;

  @Option(names = "--s3-secret-key", hidden = true, description = "Static secret key (testing).")
  String secretKey;

  @Option(
      names = "--organization-account",
      paramLabel = "ACCOUNT_ID",
      description =
          "An account inside your organization (repeatable): sharing with it is INTERNAL, not"
              + " EXTERNAL.")
  List<String> organizationAccounts = new ArrayList<>();

  @Option(
      names = "--run-id",
      description = "ID of this scoring run (default: score-<UTC time>); rerunning replaces it.")
  String runId;

  @Override
  public Integer call() throws IOException {
    if (postureFile != null && postureApi) {
      throw TrawlErrors.invalidArgument("give --posture-file or --posture-api, not both");
    }
    if (s3Endpoint != null && !postureApi) {
      throw TrawlErrors.invalidArgument("--s3-endpoint only applies with --posture-api");
    }
    for (String a : organizationAccounts) {
      if (!a.matches("\\d{12}")) {
        throw TrawlErrors.invalidArgument(
            "--organization-account must be a 12-digit account ID, not %s", a);
      }
    }
    PostureReader posture = null;
    if (postureFile != null) {
      if (!Files.isRegularFile(postureFile)) {
        throw TrawlErrors.invalidArgument("posture file %s does not exist", postureFile);
      }
      posture =
          PostureFile.parse(
              "posture file " + postureFile, Files.readString(postureFile, StandardCharsets.UTF_8));
    }
    String id =
        runId != null
            ? runId
            : "score-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(ZoneOffset.UTC)
                    .format(Instant.now());
    SparkSession spark = common.session("trawl-score");
    SdkPostureReader sdk =
        postureApi
            ? SdkPostureReader.create(
                region, s3Endpoint, accessKey, secretKey, Set.copyOf(organizationAccounts))
            : null;
    ScoringJob.Result result;
    try {
      result =
          new ScoringJob(
                  spark,
                  new ScoringJob.Settings(
                      common.catalog(),
                      id,
                      sdk != null ? sdk : posture,
                      Set.copyOf(organizationAccounts),
                      region,
                      common.registrars(spark)))
              .run();
    } finally {
      if (sdk != null) {
        sdk.close();
      }
    }
    print(spec.commandLine().getOut(), result);
    return 0;
  }

  /** The per-bucket table, riskiest first. */
  static void print(PrintWriter out, ScoringJob.Result result) {
    out.printf(
        "Scoring run %s: %d buckets, %d policy findings%n",
        result.runId(), result.buckets().size(), result.policyFindings());
    out.printf(
        "%-24s %11s %8s %4s %-8s  %s%n",
        "BUCKET", "SENSITIVITY", "EXPOSURE", "RISK", "LEVEL", "TOP REASON");
    for (ScoringJob.BucketScore b : result.buckets()) {
      out.printf(
          "%-24s %11d %8d %4d %-8s  %s%n",
          b.bucket(),
          b.sensitivity().score(),
          b.assessment().exposureScore(),
          b.risk().score(),
          b.risk().level(),
          b.risk().reasons().isEmpty() ? "" : b.risk().reasons().get(0));
    }
    out.flush();
  }
}
