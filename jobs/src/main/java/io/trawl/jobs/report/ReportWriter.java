package io.trawl.jobs.report;

import io.trawl.TrawlErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.spark.sql.SparkSession;

/** Reads a run's report from the catalog and writes it as one self-contained HTML file. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes the report of {@code runId} (null: the latest run) of {@code database} to a local file,
   * replacing it atomically so a browser never shows half a page.
   *
   * @return the absolute path written
   */
  public static Path write(SparkSession spark, String database, String runId, Path out) {
    String html = HtmlReport.render(new ReportReader(spark, database).read(runId));
    Path target = out.toAbsolutePath();
    try {
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      Files.writeString(tmp, html, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw TrawlErrors.invalidArgument("cannot write the report to %s: %s", target, e);
    }
    return target;
  }

  /**
   * Writes the report to a local path or, on a cluster where the driver's disk is thrown away, to a
   * Hadoop URI such as {@code s3://bucket/reports/latest.html} (through the session's Hadoop
   * configuration, so EMRFS or S3A credentials apply).
   *
   * @return where the report was written
   */
  public static String write(SparkSession spark, String database, String runId, String out) {
    String scheme = scheme(out);
    if (scheme == null || scheme.equals("file")) {
      Path p = scheme == null ? Path.of(out) : Path.of(URI.create(out));
      return write(spark, database, runId, p).toString();
    }
    String html = HtmlReport.render(new ReportReader(spark, database).read(runId));
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(out);
    try (OutputStream os =
        target.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(target, true)) {
      os.write(html.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw TrawlErrors.invalidArgument("cannot write the report to %s: %s", out, e);
    }
    return out;
  }

  /** The URI scheme of {@code out}, or null for a plain path (a Windows drive letter is a path). */
  static String scheme(String out) {
    int colon = out.indexOf(':');
    if (colon < 2 || !out.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      return null;
    }
    return out.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
  }
}
