package io.trawl.jobs.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.detection.Category;
import io.trawl.detection.Detection;
import io.trawl.detection.FindingRules;
import io.trawl.detection.IdentifierType;
import io.trawl.detection.Location;
import io.trawl.detection.Occurrence;
import io.trawl.detection.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Macie's JSON shapes, camelCase as in the macie2 API: the sensitive data finding
 * (GetFindings) and the sensitive data discovery result (one per object in scope, also for objects
 * that are not sensitive or were skipped). Occurrences hold masked samples only in Trawl's own
 * tables; these documents carry locations, never values, as Macie's do.
 */
public final class MacieJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Locations in a finding: at most 15 in all (macie.md 5.3). */
  static final int FINDING_LOCATIONS = Detection.MAX_FINDING_OCCURRENCES;

  private MacieJson() {}

  /** Title and description per finding type; Financial's are Macie's own words. */
  static String title(String type) {
    return switch (type) {
      case "SensitiveData:S3Object/Financial" -> "The S3 object contains financial information.";
      case "SensitiveData:S3Object/Personal" -> "The S3 object contains personal information.";
      case "SensitiveData:S3Object/Credentials" -> "The S3 object contains credentials data.";
      case "SensitiveData:S3Object/CustomIdentifier" ->
          "The S3 object contains text that matches the pattern of a custom data identifier.";
      default -> "The S3 object contains multiple categories of sensitive information.";
    };
  }

  static String description(String type) {
    return switch (type) {
      case "SensitiveData:S3Object/Financial" ->
          "The S3 object contains financial information such as bank account numbers or credit"
              + " card numbers.";
      case "SensitiveData:S3Object/Personal" ->
          "The S3 object contains personal information such as personally identifiable"
              + " information or personal health information.";
      case "SensitiveData:S3Object/Credentials" ->
          "The S3 object contains credentials data such as AWS secret access keys or private keys.";
      case "SensitiveData:S3Object/CustomIdentifier" ->
          "The S3 object contains text that matches the detection criteria of one or more custom"
              + " data identifiers.";
      default ->
          "The S3 object contains more than one category of sensitive information: any"
              + " combination of credentials, financial, personal and custom identifier data.";
    };
  }

  /**
   * The finding for a sensitive object (GetFindings shape); {@code finding} is false for the
   * discovery result, which carries up to 1,000 locations per type and exists for every object.
   */
  static ObjectNode document(RunContext run, ObjectResult r, String id, boolean finding) {
    ObjectRef o = r.object();
    String account = o.accountId() == null ? run.defaultAccountId() : o.accountId();
    String created = Instant.ofEpochMilli(r.classifiedAtMillis()).toString();
    String type = FindingRules.findingType(r.detections());
    Severity severity = FindingRules.severity(r.detections());

    ObjectNode doc = MAPPER.createObjectNode();
    doc.put("accountId", account);
    doc.put("archived", false);
    doc.put("category", "CLASSIFICATION");
    ObjectNode details = doc.putObject("classificationDetails");
    if (run.detailedResultsLocation() == null) {
      details.putNull("detailedResultsLocation");
    } else {
      details.put("detailedResultsLocation", run.detailedResultsLocation());
    }
    details.put("jobArn", run.jobArn(account));
    details.put("jobId", run.jobId());
    details.put("originType", "SENSITIVE_DATA_DISCOVERY_JOB");
    ObjectNode result = details.putObject("result");
    int budget = finding ? FINDING_LOCATIONS : Integer.MAX_VALUE;
    boolean[] additional = {false};
    ArrayNode sensitiveData = result.putArray("sensitiveData");
    ArrayNode customDetections = MAPPER.createArrayNode();
    long customTotal = 0;
    Map<Category, List<Detection>> byCategory = new EnumMap<>(Category.class);
    for (Detection d : r.detections()) {
      if (d.identifierType() == IdentifierType.CUSTOM) {
        ObjectNode cd = customDetections.addObject();
        cd.put(
            "arn",
            String.format(
                "arn:aws:macie2:%s:%s:custom-data-identifier/%s", run.region(), account, d.type()));
        cd.put("name", d.type());
        cd.put("count", d.count());
        budget -= occurrences(cd, d, budget, additional);
        customTotal += d.count();
      } else {
        byCategory.computeIfAbsent(d.category(), c -> new ArrayList<>()).add(d);
      }
    }
    for (var e : byCategory.entrySet()) {
      ObjectNode item = sensitiveData.addObject();
      item.put("category", e.getKey().name());
      ArrayNode dets = item.putArray("detections");
      long total = 0;
      for (Detection d : e.getValue()) {
        ObjectNode dn = dets.addObject();
        dn.put("type", d.type());
        dn.put("count", d.count());
        budget -= occurrences(dn, d, budget, additional);
        total += d.count();
      }
      item.put("totalCount", total);
    }
    ObjectNode custom = result.putObject("customDataIdentifiers");
    custom.set("detections", customDetections);
    custom.put("totalCount", customTotal);
    result.put("additionalOccurrences", additional[0]);
    result.put("mimeType", r.mimeType());
    result.put("sizeClassified", r.sizeClassified());
    ObjectNode status = result.putObject("status");
    status.put("code", r.status().code().name());
    if (r.status().reason() == null) {
      status.putNull("reason");
    } else {
      status.put("reason", r.status().reason().name());
    }

    doc.put("count", 1);
    doc.put("createdAt", created);
    if (type == null) {
      doc.putNull("description");
    } else {
      doc.put("description", description(type));
    }
    doc.put("id", id);
    doc.put("partition", "aws");
    doc.putNull("policyDetails");
    doc.put("region", run.region());
    ObjectNode resources = doc.putObject("resourcesAffected");
    ObjectNode bucket = resources.putObject("s3Bucket");
    bucket.put("arn", "arn:aws:s3:::" + o.bucket());
    bucket.put("name", o.bucket());
    ObjectNode object = resources.putObject("s3Object");
    object.put("bucketArn", "arn:aws:s3:::" + o.bucket());
    object.put("eTag", o.etag());
    object.put("extension", o.extension());
    object.put("key", o.key());
    if (o.lastModified() == null) {
      object.putNull("lastModified");
    } else {
      object.put("lastModified", Instant.ofEpochMilli(o.lastModified()).toString());
    }
    object.put("path", o.bucket() + "/" + o.key());
    object.put("size", o.size());
    object.put("storageClass", o.storageClass());
    object.put("versionId", o.versionId());
    doc.put("sample", false);
    doc.put("schemaVersion", "1.0");
    if (severity == null) {
      doc.putNull("severity");
    } else {
      ObjectNode sev = doc.putObject("severity");
      sev.put("description", severity.description());
      sev.put("score", severity.score());
    }
    if (type == null) {
      doc.putNull("title");
      doc.putNull("type");
    } else {
      doc.put("title", title(type));
      doc.put("type", type);
    }
    doc.put("updatedAt", created);
    return doc;
  }

  /** Writes Macie's occurrences object; returns how many locations were used. */
  private static int occurrences(
      ObjectNode detection, Detection d, int budget, boolean[] additional) {
    ObjectNode occ = detection.putObject("occurrences");
    ArrayNode lines = MAPPER.createArrayNode();
    ArrayNode cells = MAPPER.createArrayNode();
    ArrayNode records = MAPPER.createArrayNode();
    ArrayNode pages = MAPPER.createArrayNode();
    int used = 0;
    for (Occurrence o : d.occurrences()) {
      if (used >= budget) {
        break;
      }
      ObjectNode loc;
      Location l = o.location();
      if (l instanceof Location.LineRange lr) {
        loc = lines.addObject();
        loc.put("start", lr.start());
        loc.put("end", lr.end());
        loc.put("startColumn", lr.startColumn());
      } else if (l instanceof Location.Cell c) {
        loc = cells.addObject();
        loc.put("row", c.row());
        loc.put("column", c.column());
        loc.put("columnName", c.columnName());
        loc.put("cellReference", c.cellReference());
      } else if (l instanceof Location.RecordPath rp) {
        loc = records.addObject();
        loc.put("recordIndex", rp.recordIndex());
        loc.put("jsonPath", rp.jsonPath());
      } else {
        loc = pages.addObject();
        loc.put("pageNumber", ((Location.Page) l).pageNumber());
      }
      if (o.embeddedFilePath() != null) {
        // Trawl extension: which file inside the archive or email holds this occurrence.
        loc.put("fileName", o.embeddedFilePath());
      }
      used++;
    }
    if (d.count() > used) {
      additional[0] = true;
    }
    putOrNull(occ, "cells", cells);
    putOrNull(occ, "lineRanges", lines);
    occ.putNull("offsetRanges");
    putOrNull(occ, "pages", pages);
    putOrNull(occ, "records", records);
    return used;
  }

  private static void putOrNull(ObjectNode node, String field, ArrayNode values) {
    if (values.isEmpty()) {
      node.putNull(field);
    } else {
      node.set(field, values);
    }
  }
}
