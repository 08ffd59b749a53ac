package io.trawl.jobs.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.TrawlErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An S3 Inventory {@code manifest.json} (aws-integration.md 4.3): the source bucket, the format,
 * the column order and the data files. Small, so the driver reads it; the data files are read by
 * executors.
 *
 * @param destinationBucket the bucket holding the report (from the {@code destinationBucket} ARN)
 * @param fileFormat CSV, ORC or Parquet
 * @param columns for CSV, the {@code fileSchema} names in order (CSV files have no header)
 * @param fileKeys keys of the data files in the destination bucket
 */
public record S3InventoryManifest(
    String sourceBucket,
    String destinationBucket,
    String fileFormat,
    List<String> columns,
    List<String> fileKeys) {

  public static S3InventoryManifest parse(String source, String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw TrawlErrors.invalidJson(source, "not a valid S3 Inventory manifest.json", e);
    }
    String sourceBucket = text(source, root, "sourceBucket");
    String dest = text(source, root, "destinationBucket");
    String bucket = dest.startsWith("arn:") ? dest.substring(dest.lastIndexOf(':') + 1) : dest;
    String format = text(source, root, "fileFormat").toUpperCase(Locale.ROOT);
    if (!List.of("CSV", "ORC", "PARQUET").contains(format)) {
      throw TrawlErrors.invalidJson(
          source, "fileFormat must be CSV, ORC or Parquet, not " + format, null);
    }
    List<String> columns = new ArrayList<>();
    if (format.equals("CSV")) {
      for (String c : text(source, root, "fileSchema").split(",")) {
        columns.add(c.trim());
      }
    }
    List<String> files = new ArrayList<>();
    JsonNode fileNodes = root.path("files");
    if (!fileNodes.isArray() || fileNodes.isEmpty()) {
      throw TrawlErrors.invalidJson(source, "manifest lists no 'files'", null);
    }
    for (JsonNode f : fileNodes) {
      files.add(text(source, f, "key"));
    }
    return new S3InventoryManifest(sourceBucket, bucket, format, columns, files);
  }

  private static String text(String source, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw TrawlErrors.invalidJson(source, "manifest field '" + field + "' is missing", null);
    }
    return v.asText();
  }

  /** Canonical column name: lower case without separators (CSV's ETag and Parquet's e_tag meet). */
  static String canonical(String column) {
    return column.replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
