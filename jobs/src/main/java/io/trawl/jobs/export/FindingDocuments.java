package io.trawl.jobs.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns a row of the {@code findings} table into Macie's finding JSON (the GetFindings shape). The
 * stored {@code finding_json} is used as written, with {@code archived} taken from the column (a
 * suppression rule may have archived the finding since). Policy findings, or rows whose JSON is
 * missing or unreadable, get a finding rebuilt from the columns, so no row is ever dropped.
 */
public final class FindingDocuments {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** The column holding the stored finding JSON. */
  public static final String FINDING_JSON = "finding_json";

  // ISO-8601 UTC with milliseconds, as Macie writes createdAt/updatedAt.
  private static final Map<String, String> JSON_OPTIONS =
      Map.of("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "timeZone", "UTC");

  private FindingDocuments() {}

  /**
   * A JSON string of every column of {@code findings} except {@code finding_json}: the input of
   * {@link #finding(String, String)} next to the finding JSON itself.
   */
  public static Column rowJson(Dataset<Row> findings) {
    List<Column> cols = new ArrayList<>();
    for (String name : findings.columns()) {
      if (!name.equals(FINDING_JSON)) {
        cols.add(col(name));
      }
    }
    return to_json(struct(cols.toArray(new Column[0])), JSON_OPTIONS);
  }

  /** The parsed columns of {@link #rowJson}. */
  public static JsonNode columns(String rowJson) {
    try {
      return MAPPER.readTree(rowJson == null ? "{}" : rowJson);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Spark's to_json produced unreadable JSON", e);
    }
  }

  /** Macie's finding for a row: the stored JSON if readable, else one rebuilt from columns. */
  public static Document finding(String findingJson, JsonNode columns) {
    ObjectNode doc = null;
    if (findingJson != null && !findingJson.isBlank()) {
      try {
        JsonNode parsed = MAPPER.readTree(findingJson);
        if (parsed instanceof ObjectNode o) {
          doc = o;
        }
      } catch (JsonProcessingException e) {
        doc = null; // counted as rebuilt by the caller
      }
    }
    boolean rebuilt = doc == null;
    if (rebuilt) {
      doc = rebuild(columns);
    }
    doc.put("archived", columns.path("archived").asBoolean(false));
    return new Document(doc, columns, rebuilt);
  }

  /**
   * A finding with the row's columns.
   *
   * @param finding Macie's finding JSON (camelCase)
   * @param columns the row's other columns (snake_case)
   * @param rebuilt true if the finding was rebuilt from columns (policy finding or no JSON)
   */
  public record Document(ObjectNode finding, JsonNode columns, boolean rebuilt) {
    /** A column as text, or null. */
    public String column(String name) {
      JsonNode n = columns.get(name);
      return n == null || n.isNull() ? null : n.asText();
    }

    /** A field of the finding at a dot path, as text, or null. */
    public String field(String dotPath) {
      JsonNode n = finding;
      for (String part : dotPath.split("\\.")) {
        n = n == null ? null : n.get(part);
      }
      return n == null || n.isNull() ? null : n.asText();
    }

    /** True for Macie policy findings (category POLICY). */
    public boolean isPolicy() {
      return "POLICY".equals(field("category"));
    }

    /** Whether the finding is archived (suppressed). */
    public boolean archived() {
      return finding.path("archived").asBoolean(false);
    }
  }

  private static ObjectNode rebuild(JsonNode c) {
    ObjectNode doc = MAPPER.createObjectNode();
    String category = text(c, "category");
    String bucket = text(c, "bucket");
    String key = text(c, "key");
    doc.put("accountId", text(c, "account_id"));
    doc.put("archived", c.path("archived").asBoolean(false));
    doc.put("category", category);
    if ("POLICY".equals(category)) {
      doc.putNull("classificationDetails");
    } else {
      ObjectNode details = doc.putObject("classificationDetails");
      details.put("jobArn", text(c, "job_arn"));
      details.put("jobId", text(c, "job_id"));
      details.put("originType", text(c, "origin_type"));
      ObjectNode result = details.putObject("result");
      ArrayNode sensitive = result.putArray("sensitiveData");
      // Without the stored JSON the types are known but not their counts (count null).
      Map<String, ArrayNode> byCategory = new java.util.TreeMap<>();
      ArrayNode custom = MAPPER.createArrayNode();
      for (JsonNode t : c.path("detection_types")) {
        String typeCategory = categoryOf(t.asText());
        if (typeCategory == null) {
          custom.addObject().put("name", t.asText()).putNull("count");
        } else {
          byCategory
              .computeIfAbsent(typeCategory, k -> MAPPER.createArrayNode())
              .addObject()
              .put("type", t.asText())
              .putNull("count");
        }
      }
      for (JsonNode cat : c.path("sensitive_data_categories")) {
        byCategory.computeIfAbsent(cat.asText(), k -> MAPPER.createArrayNode());
      }
      byCategory.remove("CUSTOM_IDENTIFIER");
      byCategory.forEach(
          (cat, detections) -> {
            ObjectNode item = sensitive.addObject();
            item.put("category", cat);
            item.set("detections", detections);
          });
      ObjectNode customIds = result.putObject("customDataIdentifiers");
      customIds.set("detections", custom);
      result.put("mimeType", text(c, "mime_type"));
      if (c.hasNonNull("size_classified")) {
        result.put("sizeClassified", c.get("size_classified").asLong());
      }
      ObjectNode status = result.putObject("status");
      status.put("code", text(c, "status_code"));
      status.put("reason", text(c, "status_reason"));
    }
    doc.put("count", 1);
    doc.put("createdAt", text(c, "created_at"));
    doc.put("description", text(c, "description"));
    doc.put("id", text(c, "finding_id"));
    doc.put("partition", c.hasNonNull("partition_name") ? text(c, "partition_name") : "aws");
    doc.putNull("policyDetails");
    doc.put("region", text(c, "region"));
    ObjectNode resources = doc.putObject("resourcesAffected");
    ObjectNode b = resources.putObject("s3Bucket");
    b.put("arn", c.hasNonNull("bucket_arn") ? text(c, "bucket_arn") : "arn:aws:s3:::" + bucket);
    b.put("name", bucket);
    if (key == null) {
      resources.putNull("s3Object");
    } else {
      ObjectNode o = resources.putObject("s3Object");
      o.put("bucketArn", "arn:aws:s3:::" + bucket);
      o.put("eTag", text(c, "etag"));
      o.put("extension", text(c, "extension"));
      o.put("key", key);
      o.put("path", bucket + "/" + key);
      if (c.hasNonNull("size")) {
        o.put("size", c.get("size").asLong());
      }
      o.put("storageClass", text(c, "storage_class"));
      o.put("versionId", text(c, "version_id"));
    }
    doc.put("sample", false);
    doc.put("schemaVersion", "1.0");
    ObjectNode severity = doc.putObject("severity");
    severity.put("description", text(c, "severity"));
    if (c.hasNonNull("severity_score")) {
      severity.put("score", c.get("severity_score").asInt());
    }
    doc.put("title", text(c, "title"));
    doc.put("type", text(c, "type"));
    doc.put(
        "updatedAt", c.hasNonNull("updated_at") ? text(c, "updated_at") : text(c, "created_at"));
    return doc;
  }

  private static Map<String, String> categories;

  /** The Macie category of a managed identifier, or null (custom identifiers). */
  private static synchronized String categoryOf(String type) {
    if (categories == null) {
      Map<String, String> m = new java.util.HashMap<>();
      for (var d : io.trawl.detection.ManagedDataIdentifiers.load().definitions()) {
        m.put(d.id(), d.category().name());
      }
      categories = m;
    }
    return categories.get(type);
  }

  private static String text(JsonNode c, String name) {
    JsonNode n = c.get(name);
    return n == null || n.isNull() ? null : n.asText();
  }
}
