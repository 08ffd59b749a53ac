package io.trawl.jobs.filters;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The finding field paths a findings filter may use (Macie's findings filter fields, macie.md 11),
 * each with its type, and how to read them from a finding's JSON. Paths are dot notation over the
 * GetFindings shape; arrays along the path are flattened, so {@code
 * classificationDetails.result.sensitiveData.detections.type} yields every type found. The short
 * forms Macie's console shows ({@code sensitiveData.category}, {@code customDataIdentifiers.*}) are
 * accepted as aliases.
 */
public final class FindingFields {
  /** How a field's values compare. */
  public enum Type {
    /** Case-sensitive text. */
    STRING,
    /** Whole number; gt/gte/lt/lte apply. */
    LONG,
    /** ISO-8601 time; gt/gte/lt/lte take Unix epoch milliseconds. */
    DATE,
    /** true or false. */
    BOOLEAN
  }

  private static final Map<String, Type> FIELDS = new LinkedHashMap<>();
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  /** Fields {@code eqExactMatch} may be used with (macie.md 11). */
  private static final Set<String> EXACT_MATCH_FIELDS =
      Set.of(
          "classificationDetails.result.customDataIdentifiers.detections.arn",
          "classificationDetails.result.customDataIdentifiers.detections.name",
          "resourcesAffected.s3Bucket.tags.key",
          "resourcesAffected.s3Bucket.tags.value",
          "resourcesAffected.s3Object.tags.key",
          "resourcesAffected.s3Object.tags.value",
          "classificationDetails.result.sensitiveData.category",
          "classificationDetails.result.sensitiveData.detections.type");

  static {
    // Every finding.
    field("accountId", Type.STRING);
    field("archived", Type.BOOLEAN);
    field("category", Type.STRING);
    field("count", Type.LONG);
    field("createdAt", Type.DATE);
    field("id", Type.STRING);
    field("partition", Type.STRING);
    field("region", Type.STRING);
    field("sample", Type.BOOLEAN);
    field("severity.description", Type.STRING);
    field("severity.score", Type.LONG);
    field("type", Type.STRING);
    field("updatedAt", Type.DATE);
    // Sensitive data findings.
    field("classificationDetails.jobArn", Type.STRING);
    field("classificationDetails.jobId", Type.STRING);
    field("classificationDetails.originType", Type.STRING);
    field("classificationDetails.detailedResultsLocation", Type.STRING);
    field("classificationDetails.result.additionalOccurrences", Type.BOOLEAN);
    field("classificationDetails.result.mimeType", Type.STRING);
    field("classificationDetails.result.sizeClassified", Type.LONG);
    field("classificationDetails.result.status.code", Type.STRING);
    field("classificationDetails.result.status.reason", Type.STRING);
    field("classificationDetails.result.sensitiveData.category", Type.STRING);
    field("classificationDetails.result.sensitiveData.totalCount", Type.LONG);
    field("classificationDetails.result.sensitiveData.detections.type", Type.STRING);
    field("classificationDetails.result.sensitiveData.detections.count", Type.LONG);
    field("classificationDetails.result.customDataIdentifiers.totalCount", Type.LONG);
    field("classificationDetails.result.customDataIdentifiers.detections.arn", Type.STRING);
    field("classificationDetails.result.customDataIdentifiers.detections.name", Type.STRING);
    field("classificationDetails.result.customDataIdentifiers.detections.count", Type.LONG);
    // Policy findings.
    field("policyDetails.action.actionType", Type.STRING);
    field("policyDetails.action.apiCallDetails.api", Type.STRING);
    field("policyDetails.action.apiCallDetails.apiServiceName", Type.STRING);
    field("policyDetails.action.apiCallDetails.firstSeen", Type.DATE);
    field("policyDetails.action.apiCallDetails.lastSeen", Type.DATE);
    field("policyDetails.actor.domainDetails.domainName", Type.STRING);
    field("policyDetails.actor.ipAddressDetails.ipAddressV4", Type.STRING);
    field("policyDetails.actor.ipAddressDetails.ipCity.name", Type.STRING);
    field("policyDetails.actor.ipAddressDetails.ipCountry.name", Type.STRING);
    field("policyDetails.actor.ipAddressDetails.ipOwner.asnOrg", Type.STRING);
    field("policyDetails.actor.ipAddressDetails.ipOwner.isp", Type.STRING);
    field("policyDetails.actor.userIdentity.type", Type.STRING);
    // The affected bucket.
    field("resourcesAffected.s3Bucket.allowsUnencryptedObjectUploads", Type.STRING);
    field("resourcesAffected.s3Bucket.arn", Type.STRING);
    field("resourcesAffected.s3Bucket.createdAt", Type.DATE);
    field("resourcesAffected.s3Bucket.defaultServerSideEncryption.encryptionType", Type.STRING);
    field("resourcesAffected.s3Bucket.defaultServerSideEncryption.kmsMasterKeyId", Type.STRING);
    field("resourcesAffected.s3Bucket.name", Type.STRING);
    field("resourcesAffected.s3Bucket.owner.displayName", Type.STRING);
    field("resourcesAffected.s3Bucket.owner.id", Type.STRING);
    field("resourcesAffected.s3Bucket.publicAccess.effectivePermission", Type.STRING);
    field("resourcesAffected.s3Bucket.tags.key", Type.STRING);
    field("resourcesAffected.s3Bucket.tags.value", Type.STRING);
    // The affected object.
    field("resourcesAffected.s3Object.bucketArn", Type.STRING);
    field("resourcesAffected.s3Object.eTag", Type.STRING);
    field("resourcesAffected.s3Object.extension", Type.STRING);
    field("resourcesAffected.s3Object.key", Type.STRING);
    field("resourcesAffected.s3Object.lastModified", Type.DATE);
    field("resourcesAffected.s3Object.path", Type.STRING);
    field("resourcesAffected.s3Object.publicAccess", Type.BOOLEAN);
    field("resourcesAffected.s3Object.serverSideEncryption.encryptionType", Type.STRING);
    field("resourcesAffected.s3Object.serverSideEncryption.kmsMasterKeyId", Type.STRING);
    field("resourcesAffected.s3Object.size", Type.LONG);
    field("resourcesAffected.s3Object.storageClass", Type.STRING);
    field("resourcesAffected.s3Object.tags.key", Type.STRING);
    field("resourcesAffected.s3Object.tags.value", Type.STRING);
    field("resourcesAffected.s3Object.versionId", Type.STRING);
    // Short forms.
    for (String path : List.copyOf(FIELDS.keySet())) {
      String prefix = "classificationDetails.result.";
      if (path.startsWith(prefix + "sensitiveData.")
          || path.startsWith(prefix + "customDataIdentifiers.")) {
        ALIASES.put(path.substring(prefix.length()), path);
      }
    }
  }

  private FindingFields() {}

  private static void field(String path, Type type) {
    FIELDS.put(path, type);
  }

  /** The canonical path of a field path or alias, or null if filters cannot use it. */
  public static String canonical(String path) {
    if (FIELDS.containsKey(path)) {
      return path;
    }
    return ALIASES.get(path);
  }

  /** The type of a canonical field path. */
  public static Type type(String canonicalPath) {
    Type t = FIELDS.get(canonicalPath);
    if (t == null) {
      throw new IllegalArgumentException("not a finding field: " + canonicalPath);
    }
    return t;
  }

  /** Whether {@code eqExactMatch} may be used with the field. */
  public static boolean allowsExactMatch(String canonicalPath) {
    return EXACT_MATCH_FIELDS.contains(canonicalPath);
  }

  /** Every supported field path (canonical forms). */
  public static Set<String> paths() {
    return FIELDS.keySet();
  }

  /** The non-null values at a path, arrays along the way flattened, normalised for comparison. */
  public static List<String> values(JsonNode finding, String canonicalPath) {
    List<JsonNode> current = new ArrayList<>(List.of(finding));
    for (String part : canonicalPath.split("\\.")) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : current) {
        JsonNode child = n.get(part);
        if (child == null || child.isNull()) {
          continue;
        }
        if (child.isArray()) {
          child.forEach(next::add);
        } else {
          next.add(child);
        }
      }
      current = next;
    }
    Type type = type(canonicalPath);
    List<String> out = new ArrayList<>();
    for (JsonNode n : current) {
      if (!n.isNull() && !n.isContainerNode()) {
        String v = normalise(n.asText(), type);
        if (v != null) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /**
   * A value in its comparable form: dates as epoch milliseconds, booleans lower case, numbers
   * without leading zeros; null if a date or number cannot be read.
   */
  static String normalise(String value, Type type) {
    switch (type) {
      case DATE -> {
        Long millis = millis(value);
        return millis == null ? null : Long.toString(millis);
      }
      case LONG -> {
        try {
          return Long.toString(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
          return null;
        }
      }
      case BOOLEAN -> {
        return value.strip().toLowerCase(java.util.Locale.ROOT);
      }
      default -> {
        return value;
      }
    }
  }

  /** Epoch milliseconds of an ISO-8601 instant or of a number of milliseconds; null otherwise. */
  static Long millis(String value) {
    String v = value.strip();
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      try {
        return Instant.parse(v).toEpochMilli();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
