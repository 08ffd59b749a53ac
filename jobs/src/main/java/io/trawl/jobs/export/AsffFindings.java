package io.trawl.jobs.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AWS Security Finding Format (ASFF) for Security Hub's {@code BatchImportFindings}: one finding
 * per Macie finding, the sensitive data details in {@code Resources[].DataClassification} (Macie's
 * classification result in PascalCase, as Macie's own Security Hub integration writes it). Findings
 * are imported under the account's own product ({@code product/<account>/default}), since only AWS
 * may import under Macie's product ARN.
 */
public final class AsffFindings {
  /** ASFF schema version. */
  public static final String SCHEMA_VERSION = "2018-10-08";

  /** BatchImportFindings takes at most this many findings per request. */
  public static final int BATCH_SIZE = 100;

  // ASFF limits (AwsSecurityFinding API reference): Title <= 256, Description <= 1024 characters.
  private static final int TITLE_MAX = 256;
  private static final int DESCRIPTION_MAX = 1024;

  private static final Map<String, String> TYPE_NAMESPACE =
      Map.of(
          "PERSONAL_INFORMATION", "PII",
          "FINANCIAL_INFORMATION", "Financial",
          "CREDENTIALS", "Passwords",
          "CUSTOM_IDENTIFIER", "Business");

  private AsffFindings() {}

  /** The ASFF finding for a Macie finding. */
  public static ObjectNode finding(FindingDocuments.Document doc) {
    ObjectNode f = FindingDocuments.MAPPER.createObjectNode();
    String account = doc.field("accountId");
    String region = doc.field("region");
    String partition = doc.field("partition") == null ? "aws" : doc.field("partition");
    String id = doc.field("id");
    String type = doc.field("type");
    f.put("SchemaVersion", SCHEMA_VERSION);
    f.put("Id", "arn:" + partition + ":macie2:" + region + ":" + account + ":finding/" + id);
    f.put(
        "ProductArn",
        "arn:"
            + partition
            + ":securityhub:"
            + region
            + ":"
            + account
            + ":product/"
            + account
            + "/default");
    f.put("ProductName", "Trawl");
    f.put("CompanyName", "Trawl");
    f.put("Region", region);
    String jobArn = doc.field("classificationDetails.jobArn");
    f.put("GeneratorId", jobArn != null ? jobArn : "trawl/" + String.valueOf(type));
    f.put("AwsAccountId", account);
    ArrayNode types = f.putArray("Types");
    for (String t : types(doc)) {
      types.add(t);
    }
    f.put("CreatedAt", doc.field("createdAt"));
    f.put(
        "UpdatedAt",
        doc.field("updatedAt") != null ? doc.field("updatedAt") : doc.field("createdAt"));
    ObjectNode severity = f.putObject("Severity");
    String level = doc.field("severity.description");
    severity.put("Label", level == null ? "INFORMATIONAL" : level.toUpperCase(Locale.ROOT));
    if (level != null) {
      severity.put("Original", level);
    }
    f.put("Title", clip(orElse(doc.field("title"), String.valueOf(type)), TITLE_MAX));
    f.put(
        "Description",
        clip(orElse(doc.field("description"), orElse(doc.field("title"), type)), DESCRIPTION_MAX));
    ArrayNode resources = f.putArray("Resources");
    String bucket = doc.field("resourcesAffected.s3Bucket.name");
    ObjectNode bucketResource = resources.addObject();
    bucketResource.put("Type", "AwsS3Bucket");
    bucketResource.put(
        "Id", orElse(doc.field("resourcesAffected.s3Bucket.arn"), "arn:aws:s3:::" + bucket));
    bucketResource.put("Partition", partition);
    bucketResource.put("Region", region);
    String key = doc.field("resourcesAffected.s3Object.key");
    if (key != null) {
      ObjectNode object = resources.addObject();
      object.put("Type", "AwsS3Object");
      object.put("Id", "arn:" + partition + ":s3:::" + bucket + "/" + key);
      object.put("Partition", partition);
      object.put("Region", region);
      JsonNode details = doc.finding().path("classificationDetails");
      if (details.isObject()) {
        ObjectNode dc = object.putObject("DataClassification");
        if (details.hasNonNull("detailedResultsLocation")) {
          dc.put("DetailedResultsLocation", details.get("detailedResultsLocation").asText());
        }
        dc.set("Result", pascalCase(details.path("result")));
      }
    }
    ObjectNode workflow = f.putObject("Workflow");
    workflow.put("Status", doc.archived() ? "SUPPRESSED" : "NEW");
    f.put("RecordState", doc.archived() ? "ARCHIVED" : "ACTIVE");
    ObjectNode fields = f.putObject("ProductFields");
    fields.put("aws/macie/findingId", id);
    fields.put("aws/macie/type", type);
    if (doc.column("run_id") != null) {
      fields.put("trawl/runId", doc.column("run_id"));
    }
    return f;
  }

  /**
   * ASFF finding types: {@code Sensitive Data Identifications/<PII|Financial|Passwords|Business>/}
   * plus Macie's type with its {@code /} replaced by {@code -} (as public samples of Macie's
   * integration show), one per category found; policy findings under {@code Software and
   * Configuration Checks/AWS Security Best Practices/}.
   */
  static Set<String> types(FindingDocuments.Document doc) {
    String type = String.valueOf(doc.field("type")).replace('/', '-');
    Set<String> out = new LinkedHashSet<>();
    if (doc.isPolicy()) {
      out.add("Software and Configuration Checks/AWS Security Best Practices/" + type);
      return out;
    }
    for (JsonNode item :
        doc.finding().path("classificationDetails").path("result").path("sensitiveData")) {
      String ns = TYPE_NAMESPACE.get(item.path("category").asText());
      if (ns != null) {
        out.add("Sensitive Data Identifications/" + ns + "/" + type);
      }
    }
    JsonNode custom =
        doc.finding().path("classificationDetails").path("result").path("customDataIdentifiers");
    if (custom.path("totalCount").asLong(0) > 0) {
      out.add("Sensitive Data Identifications/Business/" + type);
    }
    if (out.isEmpty()) {
      out.add("Sensitive Data Identifications/PII/" + type);
    }
    return out;
  }

  /** Macie's camelCase JSON as ASFF's PascalCase, dropping nulls (ASFF rejects typed nulls). */
  static JsonNode pascalCase(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = FindingDocuments.MAPPER.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull()) {
          continue;
        }
        String k = e.getKey();
        out.set(
            k.isEmpty() ? k : Character.toUpperCase(k.charAt(0)) + k.substring(1),
            pascalCase(e.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = FindingDocuments.MAPPER.createArrayNode();
      node.forEach(n -> out.add(pascalCase(n)));
      return out;
    }
    return node;
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  private static String orElse(String s, String other) {
    return s != null ? s : String.valueOf(other);
  }
}
