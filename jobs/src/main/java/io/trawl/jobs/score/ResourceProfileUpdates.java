package io.trawl.jobs.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.TrawlErrors;
import io.trawl.detection.ManagedDataIdentifiers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bucket settings as Macie's request bodies, for moving them from Macie in one go: each entry is an
 * {@code UpdateResourceProfile} body ({@code resourceArn}, {@code sensitivityScoreOverride}), an
 * {@code UpdateResourceProfileDetections} body ({@code resourceArn}, {@code
 * suppressDataIdentifiers}), or both in one object; a file holds one entry or an array of them.
 * Semantics are Macie's: {@code suppressDataIdentifiers} is the bucket's whole list (empty: count
 * every type again), {@code sensitivityScoreOverride} is 100 or null (null: back to a calculated
 * score), and a field left out leaves that part of the setting as it is.
 */
public final class ResourceProfileUpdates {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of("resourceArn", "sensitivityScoreOverride", "suppressDataIdentifiers");
  private static final String BUCKET_ARN = "arn:aws:s3:::";

  private ResourceProfileUpdates() {}

  /**
   * One bucket's change.
   *
   * @param bucket the bucket named by {@code resourceArn}
   * @param setsOverride whether the entry has {@code sensitivityScoreOverride} at all
   * @param override 100, or null to clear (when {@code setsOverride})
   * @param suppressedTypes the whole suppressed list, or null to keep the bucket's
   */
  public record Update(
      String bucket, boolean setsOverride, Integer override, List<String> suppressedTypes) {

    /** The bucket's setting after this change. */
    public BucketSettings.Setting applyTo(
        BucketSettings.Setting before, String reason, String changedBy, java.time.Instant at) {
      return new BucketSettings.Setting(
          before.accountId(),
          bucket,
          suppressedTypes != null ? suppressedTypes : before.suppressedTypes(),
          setsOverride ? override : before.override(),
          reason,
          changedBy,
          at);
    }
  }

  /** Parses and checks every entry; the first problem is an error naming the entry. */
  public static List<Update> parse(String source, String json, ManagedDataIdentifiers managed) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw TrawlErrors.invalidJson(source, "not JSON: " + e.getOriginalMessage(), e);
    }
    List<JsonNode> entries = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(entries::add);
    } else if (root != null && root.isObject()) {
      entries.add(root);
    } else {
      throw TrawlErrors.invalidJson(
          source, "expected an UpdateResourceProfile(Detections) body or an array of them", null);
    }
    List<Update> updates = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Update u = entry(source + " entry " + (i + 1), entries.get(i), managed);
      if (!seen.add(u.bucket())) {
        throw TrawlErrors.invalidJson(
            source, "bucket " + u.bucket() + " appears twice; give each bucket one entry", null);
      }
      updates.add(u);
    }
    return updates;
  }

  private static Update entry(String where, JsonNode e, ManagedDataIdentifiers managed) {
    if (!e.isObject()) {
      throw TrawlErrors.invalidJson(where, "expected an object", null);
    }
    for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw TrawlErrors.invalidJson(
            where,
            "unknown field \"" + f + "\" (expected one of " + new TreeSet<>(FIELDS) + ")",
            null);
      }
    }
    JsonNode arn = e.get("resourceArn");
    if (arn == null || !arn.isTextual() || !arn.asText().startsWith(BUCKET_ARN)) {
      throw TrawlErrors.invalidJson(
          where, "resourceArn must be an S3 bucket ARN like arn:aws:s3:::my-bucket", null);
    }
    String bucket = arn.asText().substring(BUCKET_ARN.length());
    // Loose on purpose: legacy buckets and folder estates have names today's rules refuse.
    if (!bucket.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,254}")) {
      throw TrawlErrors.invalidJson(where, "'" + bucket + "' is not an S3 bucket name", null);
    }
    if (!e.has("sensitivityScoreOverride") && !e.has("suppressDataIdentifiers")) {
      throw TrawlErrors.invalidJson(
          where,
          "nothing to change: give sensitivityScoreOverride or suppressDataIdentifiers",
          null);
    }
    Integer override = null;
    JsonNode o = e.get("sensitivityScoreOverride");
    if (o != null && !o.isNull()) {
      if (!o.isInt() || o.asInt() != SensitivityScore.OVERRIDE) {
        throw TrawlErrors.invalidJson(
            where,
            "sensitivityScoreOverride must be 100 or null (Macie accepts no other score), not " + o,
            null);
      }
      override = o.asInt();
    }
    List<String> suppressed = null;
    JsonNode s = e.get("suppressDataIdentifiers");
    if (s != null) {
      if (!s.isArray()) {
        throw TrawlErrors.invalidJson(where, "suppressDataIdentifiers must be an array", null);
      }
      suppressed = new ArrayList<>();
      for (JsonNode d : s) {
        String id = d.path("id").asText("");
        String type = d.path("type").asText("");
        if (id.isEmpty() || !(type.equals("MANAGED") || type.equals("CUSTOM")) || d.size() != 2) {
          throw TrawlErrors.invalidJson(
              where,
              "each suppressDataIdentifiers item is {\"id\": ..., \"type\": \"MANAGED\"|\"CUSTOM\"},"
                  + " not "
                  + d,
              null);
        }
        if (type.equals("MANAGED") && !managed.allIds().contains(id)) {
          throw TrawlErrors.invalidJson(
              where,
              "'" + id + "' is not a managed data identifier ID (see trawl identifiers)",
              null);
        }
        suppressed.add(id);
      }
    }
    return new Update(bucket, o != null, override, suppressed);
  }
}
