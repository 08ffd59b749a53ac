package io.trawl.jobs.cli;

import io.trawl.TrawlErrors;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trawl sql "SELECT ..."}: a query against the catalog (database trawl is current). */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Run a Spark SQL query against the Trawl tables (the database is current).")
final class SqlCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL statement.")
  String query;

  @Option(
      names = "--limit",
      defaultValue = "100",
      description = "Rows to print (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    if (!List.of("table", "csv", "json").contains(format)) {
      throw TrawlErrors.invalidArgument("--format must be table, csv or json, not %s", format);
    }
    SparkSession spark = common.session("trawl-sql");
    if (spark.catalog().databaseExists(common.database)) {
      spark.catalog().setCurrentDatabase(common.database);
    }
    Dataset<Row> df;
    try {
      df = spark.sql(query);
    } catch (Exception e) { // Spark's AnalysisException is checked, but Scala does not declare it
      String msg =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw TrawlErrors.invalidArgument("query failed: %s", msg);
    }
    print(spec.commandLine().getOut(), df, limit, format);
    return 0;
  }

  static void print(PrintWriter out, Dataset<Row> df, int limit, String format) {
    switch (format) {
      case "json" -> df.limit(limit).toJSON().collectAsList().forEach(out::println);
      case "csv" -> {
        out.println(String.join(",", df.columns()));
        for (Row r : df.limit(limit).collectAsList()) {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < r.size(); i++) {
            if (i > 0) {
              sb.append(',');
            }
            Object v = r.get(i);
            String s = v == null ? "" : String.valueOf(v);
            sb.append(
                s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s);
          }
          out.println(sb);
        }
      }
      default -> out.print(df.showString(limit, 60, false));
    }
    out.flush();
  }
}
