package io.trawl.jobs.export;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.TrawlErrors;
import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Exports the {@code findings} table (sensitive data and policy findings) to one file in a format
 * another tool reads: Macie JSON, EventBridge events, Security Hub ASFF, OCSF or CSV. Archived
 * (suppressed) findings are left out unless asked for, as Macie does not publish them, and are
 * counted. Rows stream to the driver one partition at a time, so the driver never holds them all.
 */
public final class FindingExporter {
  private final SparkSession spark;
  private final Settings settings;

  /**
   * What to export.
   *
   * @param catalog where the tables are
   * @param format the output format
   * @param out the output file (a Hadoop path: local, {@code s3a://}, ...); replaced if present
   * @param runId only this job run's findings; null for every run
   * @param includeArchived also export archived findings (default: no, as Macie)
   */
  public record Settings(
      TrawlCatalog catalog,
      ExportFormat format,
      String out,
      String runId,
      boolean includeArchived) {
    public Settings {
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(out, "out");
    }
  }

  /**
   * What was exported.
   *
   * @param exported findings written
   * @param archivedExcluded archived findings left out (0 with includeArchived)
   * @param archivedIncluded archived findings written (only with includeArchived)
   * @param rebuilt findings written from columns because their stored JSON was missing or
   *     unreadable (policy findings have none)
   * @param out the file written
   */
  public record Result(
      long exported, long archivedExcluded, long archivedIncluded, long rebuilt, String out) {}

  private FindingExporter(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  public static FindingExporter create(SparkSession spark, Settings settings) {
    return new FindingExporter(spark, settings);
  }

  /** Reads the findings, writes the file, returns the counts. */
  public Result run() {
    TrawlCatalog catalog = settings.catalog();
    DeltaTables.ensureTable(spark, catalog, TrawlTable.FINDINGS);
    Dataset<Row> findings = DeltaTables.read(spark, catalog, TrawlTable.FINDINGS);
    if (settings.runId() != null) {
      findings = findings.filter(col("run_id").equalTo(settings.runId()));
    }
    Column archived = coalesce(col("archived"), lit(false));
    long archivedCount = findings.filter(archived).count();
    Dataset<Row> rows =
        findings
            .filter(settings.includeArchived() ? lit(true) : not(archived))
            .orderBy(col("run_id"), col("created_at"), col("finding_id"))
            .select(
                col(FindingDocuments.FINDING_JSON), FindingDocuments.rowJson(findings).as("row"));
    long[] counts = new long[2];
    Path path = new Path(settings.out());
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (Writer w =
          new BufferedWriter(
              new OutputStreamWriter(fs.create(path, true), StandardCharsets.UTF_8))) {
        write(rows.toLocalIterator(), w, counts);
      }
    } catch (IOException e) {
      throw TrawlErrors.jobFailed(
          "export", "cannot write " + settings.out() + ": " + e.getMessage(), e);
    }
    return new Result(
        counts[0],
        settings.includeArchived() ? 0 : archivedCount,
        settings.includeArchived() ? archivedCount : 0,
        counts[1],
        settings.out());
  }

  private void write(Iterator<Row> rows, Writer w, long[] counts) throws IOException {
    ExportFormat format = settings.format();
    ArrayNode batch = FindingDocuments.MAPPER.createArrayNode();
    if (format == ExportFormat.CSV) {
      w.write(CsvFindings.header());
    }
    while (rows.hasNext()) {
      Row r = rows.next();
      FindingDocuments.Document doc =
          FindingDocuments.finding(r.getString(0), FindingDocuments.columns(r.getString(1)));
      counts[0]++;
      if (doc.rebuilt()) {
        counts[1]++;
      }
      switch (format) {
        case MACIE -> jsonLine(w, doc.finding());
        case EVENTBRIDGE -> jsonLine(w, EventBridgeEvents.event(doc));
        case OCSF -> jsonLine(w, OcsfFindings.event(doc));
        case CSV -> w.write(CsvFindings.row(doc));
        case ASFF -> {
          batch.add(AsffFindings.finding(doc));
          if (batch.size() == AsffFindings.BATCH_SIZE) {
            asffBatch(w, batch);
          }
        }
      }
    }
    if (!batch.isEmpty()) {
      asffBatch(w, batch);
    }
  }

  private static void asffBatch(Writer w, ArrayNode batch) throws IOException {
    ObjectNode request = FindingDocuments.MAPPER.createObjectNode();
    request.set("Findings", batch.deepCopy());
    jsonLine(w, request);
    batch.removeAll();
  }

  private static void jsonLine(Writer w, ObjectNode node) throws IOException {
    try {
      w.write(FindingDocuments.MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a finding", e);
    }
    w.write('\n');
  }
}
