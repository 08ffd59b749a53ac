package io.trawl.jobs.cli;

import io.trawl.TrawlErrors;
import io.trawl.jobs.score.BucketSettings;
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean change =
        !suppress.isEmpty() || !unsuppress.isEmpty() || override != null || clearOverride;
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
      String runId =
          "settings-"
              + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
                  .withZone(ZoneOffset.UTC)
                  .format(now);
      BucketSettings.write(spark, common.catalog(), runId, List.of(after));
      current = Map.of(bucket, after);
      out.println("Saved; run trawl score (or the next classify) to apply it.");
    }
    out.printf("%-24s %-8s %s%n", "BUCKET", "OVERRIDE", "SUPPRESSED IDENTIFIER TYPES");
    for (BucketSettings.Setting s : current.values()) {
      if (bucket == null || bucket.equals(s.bucket())) {
        out.printf(
            "%-24s %-8s %s%n",
            s.bucket(),
            s.override() == null ? "-" : s.override(),
            String.join(", ", s.suppressedTypes()));
      }
    }
    out.flush();
    return 0;
  }
}
