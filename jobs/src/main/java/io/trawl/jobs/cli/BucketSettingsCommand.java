package io.trawl.jobs.cli;

import io.trawl.TrawlErrors;
import io.trawl.jobs.score.BucketSettings;
import io.trawl.jobs.score.ResourceProfileUpdates;
import io.trawl.jobs.score.SensitivityScore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trawl bucket-settings}: suppress data identifier types for a bucket's score and set or
 * clear its score override (Macie's UpdateResourceProfileDetections and UpdateResourceProfile).
 * Each change appends the bucket's whole setting to {@code bucket_settings}.
 */
@Command(
    name = "bucket-settings",
    mixinStandardHelpOptions = true,
    description =
        "Show or change a bucket's sensitivity settings: suppressed identifier types and a score"
            + " override (kept as history in bucket_settings).")
final class BucketSettingsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--bucket",
      description = "The bucket to change; without it, list every bucket's current settings.")
  String bucket;

  @Option(
      names = "--suppress",
      paramLabel = "TYPE",
      description = "Data identifier ID to leave out of the score (repeatable).")
  List<String> suppress = new ArrayList<>();

  @Option(
      names = "--unsuppress",
      paramLabel = "TYPE",
      description = "Data identifier ID to count again (repeatable).")
  List<String> unsuppress = new ArrayList<>();

  @Option(
      names = "--override",
      paramLabel = "SCORE",
      description = "Set the score; Macie accepts only 100 (marks the bucket sensitive).")
  Integer override;

  @Option(names = "--clear-override", description = "Return to a calculated score.")
  boolean clearOverride;

  @Option(names = "--reason", description = "Why (kept in the history).")
  String reason;

  @Option(names = "--account-id", description = "The bucket's owner account, if known.")
  String accountId;

  @Option(
      names = "--from-file",
      paramLabel = "FILE",
      description =
          "Apply Macie UpdateResourceProfile / UpdateResourceProfileDetections request bodies (one"
              + " object or an array; resourceArn, sensitivityScoreOverride,"
              + " suppressDataIdentifiers) for many buckets in one commit.")
  java.nio.file.Path fromFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean change =
        !suppress.isEmpty() || !unsuppress.isEmpty() || override != null || clearOverride;
    if (fromFile != null) {
      if (bucket != null || change) {
        throw TrawlErrors.invalidArgument(
            "--from-file names its buckets itself; give it without --bucket and the change options");
      }
      return importFile(out);
    }
    if (bucket == null && change) {
      throw TrawlErrors.invalidArgument("give --bucket to change a bucket's settings");
    }
    if (override != null && override != SensitivityScore.OVERRIDE) {
      throw TrawlErrors.invalidArgument(
          "--override must be 100, the only score Macie's sensitivityScoreOverride accepts; use"
              + " --clear-override for a calculated score");
    }
    if (override != null && clearOverride) {
      throw TrawlErrors.invalidArgument("give --override or --clear-override, not both");
    }
    for (String t : suppress) {
      if (unsuppress.contains(t)) {
        throw TrawlErrors.invalidArgument("%s is both suppressed and unsuppressed", t);
      }
    }
    SparkSession spark = common.session("trawl-bucket-settings");
    Map<String, BucketSettings.Setting> current = BucketSettings.latest(spark, common.catalog());
    if (change) {
      BucketSettings.Setting before =
          current.getOrDefault(bucket, BucketSettings.Setting.none(bucket));
      TreeSet<String> types = new TreeSet<>(before.suppressedTypes());
      types.addAll(suppress);
      types.removeAll(unsuppress);
      Integer newOverride = clearOverride ? null : override != null ? override : before.override();
      Instant now = Instant.now();
      BucketSettings.Setting after =
          new BucketSettings.Setting(
              accountId != null ? accountId : before.accountId(),
              bucket,
              List.copyOf(types),
              newOverride,
              reason,
              System.getProperty("user.name"),
              now);
      BucketSettings.write(spark, common.catalog(), runId(now), List.of(after));
      current = Map.of(bucket, after);
      out.println("Saved; run trawl score (or the next classify) to apply it.");
    }
    print(out, current.values());
    return 0;
  }

  /** Every entry checked before anything is written; then one row per bucket in one commit. */
  private int importFile(PrintWriter out) {
    String json;
    try {
      json = java.nio.file.Files.readString(fromFile, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw TrawlErrors.invalidArgument(
          "settings file %s cannot be read (%s)",
          fromFile,
          e instanceof java.nio.file.NoSuchFileException
              ? "no such file"
              : e.getClass().getSimpleName());
    }
    List<ResourceProfileUpdates.Update> updates =
        ResourceProfileUpdates.parse(
            fromFile.toString(), json, io.trawl.detection.ManagedDataIdentifiers.load());
    SparkSession spark = common.session("trawl-bucket-settings");
    Map<String, BucketSettings.Setting> current = BucketSettings.latest(spark, common.catalog());
    Instant now = Instant.now();
    String why = reason != null ? reason : "imported from " + fromFile.getFileName();
    List<BucketSettings.Setting> after = new ArrayList<>();
    for (ResourceProfileUpdates.Update u : updates) {
      after.add(
          u.applyTo(
              current.getOrDefault(u.bucket(), BucketSettings.Setting.none(u.bucket())),
              why,
              System.getProperty("user.name"),
              now));
    }
    if (!after.isEmpty()) {
      BucketSettings.write(spark, common.catalog(), runId(now), after);
    }
    out.printf(
        "Saved %d bucket setting(s) from %s; run trawl score (or the next classify) to apply"
            + " them.%n",
        after.size(), fromFile);
    print(out, after);
    return 0;
  }

  private static String runId(Instant now) {
    return "settings-"
        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC)
            .format(now);
  }

  private void print(PrintWriter out, java.util.Collection<BucketSettings.Setting> settings) {
    out.printf("%-24s %-8s %s%n", "BUCKET", "OVERRIDE", "SUPPRESSED IDENTIFIER TYPES");
    for (BucketSettings.Setting s : settings) {
      if (bucket == null || bucket.equals(s.bucket())) {
        out.printf(
            "%-24s %-8s %s%n",
            s.bucket(),
            s.override() == null ? "-" : s.override(),
            String.join(", ", s.suppressedTypes()));
      }
    }
    out.flush();
  }
}
