package io.trawl.jobs.cli;

import io.trawl.TrawlErrors;
import io.trawl.jobs.filters.FindingsFilter;
import io.trawl.jobs.filters.FindingsFilterJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trawl findings-filter}: apply Macie findings filters and suppression rules. */
@Command(
    name = "findings-filter",
    mixinStandardHelpOptions = true,
    description =
        "Apply Macie findings filters (CreateFindingsFilter JSON) to the findings table: ARCHIVE"
            + " filters archive what they match (suppression rules), NOOP filters only count.")
final class FindingsFilterCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--filter", paramLabel = "FILE", description = "A filter JSON file; repeatable.")
  List<Path> filters = new ArrayList<>();

  @Option(
      names = "--filters-dir",
      paramLabel = "DIR",
      description = "A folder of filter JSON files (*.json).")
  Path filtersDir;

  @Option(names = "--run-id", description = "Only this job run's findings (default: every run).")
  String runId;

  @Option(
      names = "--filter-run-id",
      description = "ID recorded in findings_filter_runs (default: filters-<UTC time>).")
  String filterRunId;

  @Override
  public Integer call() throws IOException {
    List<FindingsFilter> parsed = new ArrayList<>();
    List<Path> files = new ArrayList<>(filters);
    if (filtersDir != null) {
      if (!Files.isDirectory(filtersDir)) {
        throw TrawlErrors.invalidArgument("--filters-dir %s is not a folder", filtersDir);
      }
      try (Stream<Path> s = Files.list(filtersDir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw TrawlErrors.invalidArgument("no such filter file %s", f);
      }
      parsed.add(FindingsFilter.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
    }
    SparkSession spark = common.session("trawl-findings-filter");
    FindingsFilterJob.Result r =
        FindingsFilterJob.create(
                spark, new FindingsFilterJob.Settings(common.catalog(), parsed, runId, filterRunId))
            .run();
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "Applied %d findings filters to %d findings (%s): %d archived now%n",
        r.filters().size(), r.evaluated(), r.filterRunId(), r.archived());
    w.printf("%-40s %-8s %8s %8s%n", "FILTER", "ACTION", "MATCHED", "ARCHIVED");
    for (FindingsFilterJob.FilterCount c : r.filters()) {
      w.printf("%-40s %-8s %8d %8d%n", c.name(), c.action(), c.matched(), c.archived());
    }
    w.flush();
    return 0;
  }
}
