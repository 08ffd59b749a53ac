package io.trawl.jobs.cli;

import io.trawl.jobs.demo.DemoEstate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code trawl demo}: generate a sample estate, list it, classify it with a Macie job (managed and
 * custom identifiers, an allow list, scoping), and print what was found per bucket.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the whole pipeline on a generated local estate and print a summary.")
final class DemoCommand implements Callable<Integer> {
  static final String RUN_ID = "demo";
  static final String ACCOUNT = "000000000000";

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @CommandLine.Option(names = "--seed", defaultValue = "42", description = "Estate seed.")
  long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path demo = common.home.toAbsolutePath().resolve("demo");
    Path estate = demo.resolve("estate");
    deleteTree(estate);
    DemoEstate generator = new DemoEstate(estate, seed);
    Map<String, Integer> buckets = generator.write();
    out.printf("Generated a sample estate of %d buckets under %s%n", buckets.size(), estate);
    Path config = demo.resolve("config");
    writeConfig(config, generator.sandboxCard(), buckets.keySet().stream().toList());

    String estateUri = estate.toUri().toString();
    List<String> args = new ArrayList<>(List.of("classify"));
    args.addAll(common.toArgs());
    args.addAll(
        List.of(
            "--estate", estateUri,
            "--job", config.resolve("demo-job.json").toString(),
            "--config-dir", config.toString(),
            "--allow-list-words-root", config.resolve("words").toUri().toString(),
            "--results-location", demo.resolve("results").toUri().toString(),
            "--run-id", RUN_ID,
            "--account-id", ACCOUNT));
    int code = spec.root().commandLine().execute(args.toArray(new String[0]));
    if (code != 0) {
      return code;
    }
    summary(out);
    int scored =
        io.trawl.jobs.demo.DemoScores.run(
            a -> spec.root().commandLine().execute(a), common.toArgs(), demo, ACCOUNT, out);
    if (scored != 0) {
      return scored;
    }
    int accessed =
        io.trawl.jobs.access.DemoAccess.run(
            spec.root().commandLine(),
            common.toArgs(),
            common.session("trawl-demo"),
            common.database,
            RUN_ID,
            ACCOUNT,
            seed,
            demo,
            out);
    if (accessed != 0) {
      return accessed;
    }
    io.trawl.jobs.demo.DemoGovernance.run(
        common.session("trawl-demo"), common.catalog(), RUN_ID, out);
    out.println(
        "HTML report: "
            + io.trawl.jobs.report.ReportWriter.write(
                common.session("trawl-demo"),
                common.database,
                RUN_ID,
                common.home.toAbsolutePath().resolve("demo/report.html")));
    return 0;
  }

  private void summary(PrintWriter out) {
    SparkSession spark = common.session("trawl-demo");
    List<Row> rows =
        spark
            .sql(
                "SELECT bucket, objects_classified + objects_skipped AS objects, objects_sensitive,"
                    + " objects_skipped, transform(top_identifier_types, t -> t.type) AS top_types,"
                    + " highest_severity FROM "
                    + common.database
                    + ".bucket_profiles WHERE run_id = '"
                    + RUN_ID
                    + "' ORDER BY objects_sensitive DESC, bucket")
            .collectAsList();
    out.println();
    out.printf(
        "%-22s %7s %9s %7s  %-8s %s%n",
        "BUCKET", "OBJECTS", "SENSITIVE", "SKIPPED", "HIGHEST", "TOP IDENTIFIER TYPES");
    for (Row r : rows) {
      List<String> types = r.getList(4);
      out.printf(
          "%-22s %7d %9d %7d  %-8s %s%n",
          r.getString(0),
          r.getLong(1),
          r.getLong(2),
          r.getLong(3),
          r.isNullAt(5) ? "-" : r.getString(5),
          String.join(", ", types.subList(0, Math.min(3, types.size()))));
    }
    out.println();
    out.println("Try these (tables are Delta, registered in database '" + common.database + "'):");
    out.println(
        "  bin/trawl sql \"SELECT type, severity, count(*) n FROM findings GROUP BY type,"
            + " severity ORDER BY n DESC\"");
    out.println(
        "  bin/trawl sql \"SELECT bucket, key, type, count, first_location, masked_samples"
            + " FROM detections ORDER BY count DESC\"");
    out.println(
        "  bin/trawl sql \"SELECT bucket, key, status_code, status_reason FROM"
            + " classification_results WHERE status_code != 'COMPLETE'\"");
    out.println("  bin/trawl sql \"SELECT * FROM job_runs\"");
    out.println(
        "Macie-format discovery results: " + common.home.toAbsolutePath().resolve("demo/results"));
    out.flush();
  }

  private static void writeConfig(Path config, String sandboxCard, List<String> buckets)
      throws IOException {
    Files.createDirectories(config.resolve("custom-data-identifiers"));
    Files.createDirectories(config.resolve("allow-lists"));
    Path words = config.resolve("words/acme-config/allow-lists/sandbox-cards.txt");
    Files.createDirectories(words.getParent());
    Files.writeString(words, sandboxCard + "\n", StandardCharsets.UTF_8);
    Files.writeString(
        config.resolve("custom-data-identifiers/employee-id.json"),
        "{\n"
            + "  \"id\": \"3f7c2b1e-0000-4000-8000-00000000e1d1\",\n"
            + "  \"name\": \"EMPLOYEE_ID\",\n"
            + "  \"description\": \"Acme employee numbers\",\n"
            + "  \"regex\": \"EMP-\\\\d{6}\",\n"
            + "  \"keywords\": [\"employee\"],\n"
            + "  \"maximumMatchDistance\": 50,\n"
            + "  \"severityLevels\": [\n"
            + "    {\"occurrencesThreshold\": 1, \"severity\": \"LOW\"},\n"
            + "    {\"occurrencesThreshold\": 20, \"severity\": \"MEDIUM\"},\n"
            + "    {\"occurrencesThreshold\": 100, \"severity\": \"HIGH\"}\n"
            + "  ]\n"
            + "}\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        config.resolve("allow-lists/sandbox-cards.json"),
        "{\n"
            + "  \"id\": \"a1b2c3d4e5f6\",\n"
            + "  \"name\": \"sandbox-cards\",\n"
            + "  \"description\": \"Card numbers used only in sandbox documentation\",\n"
            + "  \"criteria\": {\"s3WordsList\": {\"bucketName\": \"acme-config\","
            + " \"objectKey\": \"allow-lists/sandbox-cards.txt\"}}\n"
            + "}\n",
        StandardCharsets.UTF_8);
    StringBuilder bucketList = new StringBuilder();
    for (String b : buckets) {
      bucketList.append(bucketList.length() == 0 ? "" : ", ").append('"').append(b).append('"');
    }
    Files.writeString(
        config.resolve("demo-job.json"),
        "{\n"
            + "  \"name\": \"acme-demo-discovery\",\n"
            + "  \"description\": \"All managed identifiers, Acme employee IDs, sandbox cards"
            + " allowed\",\n"
            + "  \"jobType\": \"ONE_TIME\",\n"
            + "  \"managedDataIdentifierSelector\": \"ALL\",\n"
            + "  \"customDataIdentifierIds\": [\"3f7c2b1e-0000-4000-8000-00000000e1d1\"],\n"
            + "  \"allowListIds\": [\"a1b2c3d4e5f6\"],\n"
            + "  \"s3JobDefinition\": {\n"
            + "    \"bucketDefinitions\": [{\"accountId\": \""
            + ACCOUNT
            + "\", \"buckets\": ["
            + bucketList
            + "]}],\n"
            + "    \"scoping\": {\"excludes\": {\"and\": [{\"simpleScopeTerm\": {\"comparator\":"
            + " \"STARTS_WITH\", \"key\": \"OBJECT_KEY\", \"values\": [\"scratch/\"]}}]}}\n"
            + "  }\n"
            + "}\n",
        StandardCharsets.UTF_8);
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
