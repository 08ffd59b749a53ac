package io.trawl.jobs.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.jobs.classify.TrawlVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * OCSF 1.4.0 Data Security Finding events (class 2006, category 2 Findings) with the cloud and data
 * classification profiles: one event per Macie finding, its sensitive data types in {@code
 * data_classification.discovery_details} and the S3 bucket and object in {@code resources}.
 */
public final class OcsfFindings {
  /** The OCSF schema version the events follow. */
  public static final String OCSF_VERSION = "1.4.0";

  /** Data Security Finding. */
  public static final int CLASS_UID = 2006;

  /** Findings. */
  public static final int CATEGORY_UID = 2;

  /** Activity 1 Create: every export describes a finding as created by the job run. */
  public static final int ACTIVITY_CREATE = 1;

  // OCSF severity_id: 2 Low, 3 Medium, 4 High.
  private static final Map<String, Integer> SEVERITY_ID = Map.of("Low", 2, "Medium", 3, "High", 4);

  // OCSF data_classification category_id: 1 Personal, 3 Financial, 6 Security, 99 Other.
  private static final Map<String, Integer> DATA_CATEGORY_ID =
      Map.of(
          "PERSONAL_INFORMATION", 1,
          "FINANCIAL_INFORMATION", 3,
          "CREDENTIALS", 6,
          "CUSTOM_IDENTIFIER", 99);

  private OcsfFindings() {}

  /** The OCSF event for a Macie finding. */
  public static ObjectNode event(FindingDocuments.Document doc) {
    ObjectNode e = FindingDocuments.MAPPER.createObjectNode();
    String severity = doc.field("severity.description");
    String created = doc.field("createdAt");
    String updated = doc.field("updatedAt") != null ? doc.field("updatedAt") : created;
    e.put("class_uid", CLASS_UID);
    e.put("class_name", "Data Security Finding");
    e.put("category_uid", CATEGORY_UID);
    e.put("category_name", "Findings");
    e.put("activity_id", ACTIVITY_CREATE);
    e.put("activity_name", "Create");
    e.put("type_uid", CLASS_UID * 100 + ACTIVITY_CREATE);
    e.put("type_name", "Data Security Finding: Create");
    int severityId = severity == null ? 0 : SEVERITY_ID.getOrDefault(severity, 0);
    e.put("severity_id", severityId);
    e.put("severity", severityId == 0 ? "Unknown" : severity);
    e.put("time", millis(updated));
    e.put("status_id", doc.archived() ? 3 : 1);
    e.put("status", doc.archived() ? "Suppressed" : "New");
    e.put("message", doc.field("title"));

    ObjectNode metadata = e.putObject("metadata");
    metadata.put("version", OCSF_VERSION);
    metadata.put("uid", doc.field("id"));
    ArrayNode profiles = metadata.putArray("profiles");
    profiles.add("cloud");
    profiles.add("data_classification");
    ObjectNode product = metadata.putObject("product");
    product.put("name", "Trawl");
    product.put("vendor_name", "Trawl");
    product.put("version", TrawlVersion.VERSION);
    metadata.put("log_name", doc.isPolicy() ? "Macie policy findings" : "Macie findings");

    ObjectNode cloud = e.putObject("cloud");
    cloud.put("provider", "AWS");
    cloud.put("region", doc.field("region"));
    cloud.putObject("account").put("uid", doc.field("accountId"));

    ObjectNode info = e.putObject("finding_info");
    info.put("uid", doc.field("id"));
    info.put("title", doc.field("title"));
    info.put("desc", doc.field("description"));
    info.putArray("types").add(String.valueOf(doc.field("type")));
    info.put("created_time", millis(created));
    info.put("modified_time", millis(updated));
    String jobArn = doc.field("classificationDetails.jobArn");
    if (jobArn != null) {
      info.put("product_uid", jobArn);
    }

    ArrayNode resources = e.putArray("resources");
    String bucket = doc.field("resourcesAffected.s3Bucket.name");
    ObjectNode b = resources.addObject();
    b.put("type", "AWS::S3::Bucket");
    b.put("uid", doc.field("resourcesAffected.s3Bucket.arn"));
    b.put("name", bucket);
    b.put("cloud_partition", doc.field("partition"));
    b.put("region", doc.field("region"));
    b.putObject("owner").putObject("account").put("uid", doc.field("accountId"));
    String key = doc.field("resourcesAffected.s3Object.key");
    ObjectNode classification = dataClassification(doc);
    if (key != null) {
      ObjectNode o = resources.addObject();
      o.put("type", "AWS::S3::Object");
      o.put("uid", "arn:aws:s3:::" + bucket + "/" + key);
      o.put("name", key);
      o.put("region", doc.field("region"));
      if (classification != null) {
        o.set("data_classification", classification.deepCopy());
      }
    }
    if (classification != null) {
      e.set("data_classification", classification);
    }
    ObjectNode unmapped = e.putObject("unmapped");
    unmapped.put("macie_type", doc.field("type"));
    unmapped.put("macie_category", doc.field("category"));
    if (doc.column("run_id") != null) {
      unmapped.put("trawl_run_id", doc.column("run_id"));
    }
    return e;
  }

  /** OCSF data_classification for a sensitive data finding; null for policy findings. */
  private static ObjectNode dataClassification(FindingDocuments.Document doc) {
    JsonNode result = doc.finding().path("classificationDetails").path("result");
    if (!result.isObject()) {
      return null;
    }
    ObjectNode dc = FindingDocuments.MAPPER.createObjectNode();
    int categoryId = 0;
    long total = 0;
    ArrayNode details = FindingDocuments.MAPPER.createArrayNode();
    for (JsonNode item : result.path("sensitiveData")) {
      Integer id = DATA_CATEGORY_ID.get(item.path("category").asText());
      // Several categories: the finding is "Other" (as Macie's type is Multiple).
      categoryId = categoryId == 0 ? (id == null ? 99 : id) : 99;
      for (JsonNode d : item.path("detections")) {
        ObjectNode dd = details.addObject();
        dd.put("type", d.path("type").asText());
        dd.put("count", d.path("count").asLong());
      }
      total += item.path("totalCount").asLong(0);
    }
    for (JsonNode d : result.path("customDataIdentifiers").path("detections")) {
      categoryId = 99;
      ObjectNode dd = details.addObject();
      dd.put("type", d.path("name").asText());
      dd.put("count", d.path("count").asLong());
      total += d.path("count").asLong(0);
    }
    dc.put("category_id", categoryId);
    dc.put("confidentiality_id", 2); // Confidential
    dc.put("confidentiality", "Confidential");
    dc.put("status_id", "SKIPPED".equals(result.path("status").path("code").asText()) ? 3 : 1);
    dc.put("total", total);
    if (result.hasNonNull("sizeClassified")) {
      dc.put("size", result.get("sizeClassified").asLong());
    }
    dc.set("discovery_details", details);
    ObjectNode classifier = dc.putObject("classifier_details");
    classifier.put("type", "Macie managed and custom data identifiers");
    classifier.put("uid", String.valueOf(doc.field("classificationDetails.jobId")));
    return dc;
  }

  /** ISO-8601 to epoch milliseconds (OCSF timestamp_t); 0 if absent or unreadable. */
  static long millis(String iso) {
    if (iso == null) {
      return 0L;
    }
    try {
      return Instant.parse(iso).toEpochMilli();
    } catch (DateTimeParseException e) {
      return 0L;
    }
  }
}
