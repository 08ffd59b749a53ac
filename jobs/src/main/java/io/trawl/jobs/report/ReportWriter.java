package io.trawl.jobs.report;

import io.trawl.TrawlErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.spark.sql.SparkSession;

/** Reads a run's report from the catalog and writes it as one self-contained HTML file. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes the report of {@code runId} (null: the latest run) of {@code database} to {@code out},
   * replacing it atomically so a browser never shows half a page.
   *
   * @return the absolute path written
   */
  public static Path write(SparkSession spark, String database, String runId, Path out) {
    ReportData data = new ReportReader(spark, database).read(runId);
    Path target = out.toAbsolutePath();
    try {
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      Files.writeString(tmp, HtmlReport.render(data), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw TrawlErrors.invalidArgument("cannot write the report to %s: %s", target, e);
    }
    return target;
  }
}
