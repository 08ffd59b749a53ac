package io.trawl.jobs.access;

import io.trawl.jobs.access.synthetic.AccessLogGenerator;
import io.trawl.jobs.access.synthetic.AccessLogGenerator.ObjectInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * The access part of {@code trawl demo}: generates two weeks of access logs in both formats over
 * the demo's classified objects (with one injected anomaly of each kind), runs {@code trawl access}
 * on them, and prints the top anomalies.
 */
public final class DemoAccess {
  /** Run ID of the demo's access run. */
  public static final String RUN_ID = "demo-access";

  /** The demo's thresholds: its estate is small, so bulk starts at 60 reads an hour. */
  static final String CONFIG =
      "{\n"
          + "  \"timeZone\": \"Europe/Berlin\",\n"
          + "  \"learningDays\": 7,\n"
          + "  \"bulkObjectReads\": 60\n"
          + "}\n";

  private DemoAccess() {}

  /**
   * Generates the logs under {@code demo/access-logs}, runs the analysis through {@code root} (the
   * CLI, with {@code commonArgs}), and prints the top anomalies.
   *
   * @return the access command's exit code
   */
  public static int run(
      CommandLine root,
      List<String> commonArgs,
      SparkSession spark,
      String database,
      String classificationRunId,
      String account,
      long seed,
      Path demo,
      PrintWriter out)
      throws IOException {
    List<ObjectInfo> objects = new ArrayList<>();
    for (Row r :
        spark
            .sql(
                "SELECT bucket, key, coalesce(size, 0), CASE WHEN sensitive THEN severity END FROM "
                    + database
                    + ".classification_results WHERE run_id = '"
                    + classificationRunId.replace("'", "")
                    + "'")
            .collectAsList()) {
      objects.add(new ObjectInfo(r.getString(0), r.getString(1), r.getLong(2), r.getString(3)));
    }
    Path logs = demo.resolve("access-logs");
    deleteTree(logs);
    AccessLogGenerator.Result generated =
        new AccessLogGenerator(
                objects,
                new AccessLogGenerator.Options(
                    account,
                    seed,
                    LocalDate.now(ZoneOffset.UTC).minusDays(21),
                    14,
                    8,
                    ZoneId.of("Europe/Berlin"),
                    60,
                    1))
            .write(logs.resolve("server"), logs.resolve("cloudtrail"));
    Path config = demo.resolve("config/access-config.json");
    Files.createDirectories(config.getParent());
    Files.writeString(config, CONFIG, StandardCharsets.UTF_8);
    out.printf(
        "%nGenerated %,d requests of access logs (server access logs and CloudTrail) from %s with"
            + " %d injected anomalies under %s%n",
        generated.requests(), generated.start(), generated.injected().size(), logs);
    out.flush();
    List<String> args = new ArrayList<>(List.of("access"));
    args.addAll(commonArgs);
    args.addAll(
        List.of(
            "--server-logs", logs.resolve("server").toUri().toString(),
            "--cloudtrail", logs.resolve("cloudtrail").toUri().toString(),
            "--config", config.toString(),
            "--run-id", RUN_ID));
    int code = root.execute(args.toArray(new String[0]));
    if (code != 0) {
      return code;
    }
    List<Row> top =
        spark
            .sql(
                "SELECT score, principal, window_start, anomaly_types, reasons FROM "
                    + database
                    + ".access_anomalies WHERE run_id = '"
                    + RUN_ID
                    + "' ORDER BY score DESC, window_start LIMIT 10")
            .collectAsList();
    DateTimeFormatter time =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    out.println();
    out.println("Top unusual access to sensitive data (access_anomalies):");
    out.printf("%5s  %-16s  %-44s  %s%n", "SCORE", "WINDOW (UTC)", "PRINCIPAL", "WHY");
    for (Row r : top) {
      List<String> reasons = r.getList(4);
      out.printf(
          "%5d  %-16s  %-44s  %s: %s%n",
          r.getInt(0),
          time.format(r.getTimestamp(2).toInstant()),
          shorten(r.getString(1), 44),
          String.join("+", r.<String>getList(3)),
          reasons.isEmpty() ? "" : reasons.get(0));
    }
    out.println(
        "  bin/trawl sql \"SELECT principal, window_start, score, anomaly_types, reasons FROM"
            + " access_anomalies ORDER BY score DESC\"");
    out.println(
        "  bin/trawl sql \"SELECT principal, bucket, key, severity, identifier_types FROM"
            + " sensitive_access WHERE object_read LIMIT 20\"");
    out.flush();
    return 0;
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : "..." + s.substring(s.length() - max + 3);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
