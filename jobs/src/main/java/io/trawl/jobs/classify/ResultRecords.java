package io.trawl.jobs.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.detection.Detection;
import io.trawl.detection.FindingRules;
import io.trawl.detection.Location;
import io.trawl.detection.Occurrence;
import io.trawl.detection.Severity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns one {@link ObjectResult} into the rows of the run's tables, as one JSON document per object
 * ({@code {result, finding, detections, detailed}}) whose field names are the tables' column names.
 * Executors emit these strings; the job parses them with the tables' schemas in FAILFAST mode, so a
 * column mismatch fails loudly instead of writing nulls. Kept free of Spark so it is unit-tested
 * directly.
 */
public final class ResultRecords {
  /** The timestamp format used in these documents and given to {@code from_json}. */
  public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN).withZone(ZoneOffset.UTC);

  private ResultRecords() {}

  public static String timestamp(long epochMillis) {
    return TS.format(Instant.ofEpochMilli(epochMillis));
  }

  /** The per-object document; see the class comment. */
  public static String toJson(RunContext run, ObjectResult r) {
    ObjectRef o = r.object();
    String account = o.accountId() == null ? run.defaultAccountId() : o.accountId();
    String findingType = FindingRules.findingType(r.detections());
    Severity severity = FindingRules.severity(r.detections());
    long total = r.detections().stream().mapToLong(Detection::count).sum();
    boolean additional = r.detections().stream().anyMatch(d -> d.count() > d.occurrences().size());

    ObjectNode doc = MacieJson.MAPPER.createObjectNode();
    ObjectNode res = doc.putObject("result");
    res.put("run_id", run.runId());
    res.put("job_id", run.jobId());
    res.put("job_name", run.jobName());
    res.put("account_id", account);
    res.put("bucket", o.bucket());
    res.put("key", o.key());
    res.put("etag", o.etag());
    res.put("version_id", o.versionId());
    res.put("size", o.size());
    res.put("last_modified", o.lastModified() == null ? null : timestamp(o.lastModified()));
    res.put("storage_class", o.storageClass());
    res.put("extension", o.extension());
    res.put("status_code", r.status().code().name());
    res.put("status_reason", r.status().reason() == null ? null : r.status().reason().name());
    res.put("mime_type", r.mimeType());
    res.put("size_classified", r.sizeClassified());
    res.put("sensitive", r.sensitive());
    res.put("finding_type", findingType);
    res.put("severity", severity == null ? null : severity.description());
    if (severity == null) {
      res.putNull("severity_score");
    } else {
      res.put("severity_score", severity.score());
    }
    res.put("total_detections", total);
    res.put("additional_occurrences", additional);
    ArrayNode dets = res.putArray("detections");
    for (Detection d : r.detections()) {
      ObjectNode dn = dets.addObject();
      dn.put("type", d.type());
      dn.put("identifier_type", d.identifierType().name());
      dn.put("category", d.category().name());
      dn.put("count", d.count());
      dn.put("severity", d.severity() == null ? null : d.severity().description());
      ArrayNode occs = dn.putArray("occurrences");
      for (Occurrence oc : d.occurrences()) {
        occurrence(occs.addObject(), oc);
      }
    }
    ArrayNode unprocessed = res.putArray("unprocessed_files");
    r.unprocessedFiles().forEach(unprocessed::add);
    res.put("classified_at", timestamp(r.classifiedAtMillis()));
    res.put("duration_ms", r.durationMillis());
    res.put("run_date", run.runDate());

    String findingId = run.findingId(o.bucket(), o.key(), o.versionId());
    ObjectNode macieResult = MacieJson.document(run, r, findingId, false);
    if (r.sensitive()) {
      ObjectNode macieFinding = MacieJson.document(run, r, findingId, true);
      ObjectNode f = doc.putObject("finding");
      f.put("finding_id", findingId);
      f.put("run_id", run.runId());
      f.put("job_id", run.jobId());
      f.put("job_arn", run.jobArn(account));
      f.put("origin_type", "SENSITIVE_DATA_DISCOVERY_JOB");
      f.put("account_id", account);
      f.put("region", run.region());
      f.put("partition_name", "aws");
      f.put("type", findingType);
      f.put("category", "CLASSIFICATION");
      f.put("severity", severity.description());
      f.put("severity_score", severity.score());
      f.put("title", MacieJson.title(findingType));
      f.put("description", MacieJson.description(findingType));
      f.put("bucket", o.bucket());
      f.put("bucket_arn", "arn:aws:s3:::" + o.bucket());
      f.put("key", o.key());
      f.put("object_path", o.bucket() + "/" + o.key());
      f.put("etag", o.etag());
      f.put("version_id", o.versionId());
      f.put("size", o.size());
      f.put("storage_class", o.storageClass());
      f.put("extension", o.extension());
      f.put("mime_type", r.mimeType());
      f.put("size_classified", r.sizeClassified());
      f.put("status_code", r.status().code().name());
      f.put("status_reason", r.status().reason() == null ? null : r.status().reason().name());
      f.put(
          "additional_occurrences",
          macieFinding
              .path("classificationDetails")
              .path("result")
              .path("additionalOccurrences")
              .asBoolean());
      ArrayNode cats = f.putArray("sensitive_data_categories");
      Set<String> categories = new LinkedHashSet<>();
      r.detections().forEach(d -> categories.add(d.category().name()));
      categories.forEach(cats::add);
      ArrayNode types = f.putArray("detection_types");
      r.detections().forEach(d -> types.add(d.type()));
      f.put("total_count", total);
      f.put("archived", false);
      f.put("created_at", timestamp(r.classifiedAtMillis()));
      f.put("updated_at", timestamp(r.classifiedAtMillis()));
      f.put("finding_json", write(macieFinding));
      f.put("run_date", run.runDate());
    } else {
      doc.putNull("finding");
    }
    ArrayNode detRows = doc.putArray("detections");
    for (Detection d : r.detections()) {
      ObjectNode dr = detRows.addObject();
      dr.put("run_id", run.runId());
      dr.put("job_id", run.jobId());
      dr.put("account_id", account);
      dr.put("bucket", o.bucket());
      dr.put("key", o.key());
      dr.put("type", d.type());
      dr.put("identifier_type", d.identifierType().name());
      dr.put("category", d.category().name());
      dr.put("count", d.count());
      dr.put("severity", d.severity() == null ? null : d.severity().description());
      dr.put("occurrences_recorded", d.occurrences().size());
      Set<String> keywords = new LinkedHashSet<>();
      Set<String> validators = new LinkedHashSet<>();
      Set<String> samples = new LinkedHashSet<>();
      for (Occurrence oc : d.occurrences()) {
        if (oc.keyword() != null) {
          keywords.add(oc.keyword());
        }
        if (oc.validator() != null) {
          validators.add(oc.validator());
        }
        if (samples.size() < 3 && oc.maskedSample() != null) {
          samples.add(oc.maskedSample());
        }
      }
      keywords.forEach(dr.putArray("keywords")::add);
      validators.forEach(dr.putArray("validators")::add);
      samples.forEach(dr.putArray("masked_samples")::add);
      dr.put("first_location", d.occurrences().isEmpty() ? null : describe(d.occurrences().get(0)));
      dr.put("run_date", run.runDate());
    }
    doc.put("detailed", write(macieResult));
    return write(doc);
  }

  /** A short human description of where an occurrence is. */
  static String describe(Occurrence oc) {
    String where;
    Location l = oc.location();
    if (l instanceof Location.LineRange lr) {
      where = "line " + lr.start() + " col " + lr.startColumn();
    } else if (l instanceof Location.Cell c) {
      where =
          c.cellReference() != null
              ? "cell " + c.cellReference()
              : "row "
                  + c.row()
                  + " col "
                  + c.column()
                  + (c.columnName() == null ? "" : " (" + c.columnName() + ")");
    } else if (l instanceof Location.RecordPath rp) {
      where = "record " + rp.recordIndex() + (rp.jsonPath() == null ? "" : " " + rp.jsonPath());
    } else {
      where = "page " + ((Location.Page) l).pageNumber();
    }
    return oc.embeddedFilePath() == null ? where : oc.embeddedFilePath() + ": " + where;
  }

  private static void occurrence(ObjectNode n, Occurrence oc) {
    Location l = oc.location();
    if (l instanceof Location.LineRange lr) {
      n.put("location_type", "lineRanges");
      n.put("line_start", lr.start());
      n.put("line_end", lr.end());
      n.put("start_column", lr.startColumn());
    } else if (l instanceof Location.Cell c) {
      n.put("location_type", "cells");
      n.put("cell_row", c.row());
      n.put("cell_column", c.column());
      n.put("column_name", c.columnName());
      n.put("cell_reference", c.cellReference());
    } else if (l instanceof Location.RecordPath rp) {
      n.put("location_type", "records");
      n.put("record_index", rp.recordIndex());
      n.put("json_path", rp.jsonPath());
    } else {
      n.put("location_type", "pages");
      n.put("page_number", ((Location.Page) l).pageNumber());
    }
    n.put("embedded_file_path", oc.embeddedFilePath());
    n.put("masked_sample", oc.maskedSample());
    n.put("value_hash", oc.valueHash());
    n.put("keyword", oc.keyword());
    n.put("validator", oc.validator());
  }

  private static String write(ObjectNode node) {
    try {
      return MacieJson.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
