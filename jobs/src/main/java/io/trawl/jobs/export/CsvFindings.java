package io.trawl.jobs.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings as CSV for spreadsheets (RFC 4180): a header row, CRLF line ends, and every field that
 * holds a comma, quote, CR or LF quoted with inner quotes doubled. Lists are joined with {@code ;}.
 */
public final class CsvFindings {
  /** The columns, in order. */
  public static final List<String> HEADER =
      List.of(
          "finding_id",
          "run_id",
          "created_at",
          "account_id",
          "region",
          "category",
          "type",
          "severity",
          "bucket",
          "key",
          "size",
          "sensitive_data_categories",
          "detection_types",
          "total_count",
          "status_code",
          "archived",
          "title");

  /** RFC 4180 line end. */
  public static final String CRLF = "\r\n";

  private CsvFindings() {}

  /** The header line, with its CRLF. */
  public static String header() {
    return line(HEADER);
  }

  /** The CSV line of a finding, with its CRLF. */
  public static String row(FindingDocuments.Document doc) {
    List<String> cells = new ArrayList<>();
    cells.add(doc.field("id"));
    cells.add(doc.column("run_id"));
    cells.add(doc.field("createdAt"));
    cells.add(doc.field("accountId"));
    cells.add(doc.field("region"));
    cells.add(doc.field("category"));
    cells.add(doc.field("type"));
    cells.add(doc.field("severity.description"));
    cells.add(doc.field("resourcesAffected.s3Bucket.name"));
    cells.add(doc.field("resourcesAffected.s3Object.key"));
    cells.add(doc.field("resourcesAffected.s3Object.size"));
    cells.add(joined(doc.columns().get("sensitive_data_categories")));
    cells.add(joined(doc.columns().get("detection_types")));
    cells.add(doc.column("total_count"));
    cells.add(doc.field("classificationDetails.result.status.code"));
    cells.add(String.valueOf(doc.archived()));
    cells.add(doc.field("title"));
    return line(cells);
  }

  /** One RFC 4180 record. */
  static String line(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(escape(cells.get(i)));
    }
    return sb.append(CRLF).toString();
  }

  /** A field, quoted if it holds a comma, double quote, CR or LF; null is the empty field. */
  static String escape(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\r') < 0
        && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static String joined(JsonNode array) {
    if (array == null || !array.isArray()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    array.forEach(n -> parts.add(n.asText()));
    return String.join(";", parts);
  }
}
