package io.trawl.jobs.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.TrawlErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A posture file: bucket settings written down as JSON, for estates where the S3 APIs cannot be
 * called (local folders, air-gapped runs, tests). Field names follow the S3 API responses in
 * camelCase; a field left out is unknown, and an explicit {@code null} means "not configured" (no
 * policy, no Block Public Access configuration). docs/scoring.md has the full format:
 *
 * <pre>{@code
 * {"organizationAccountIds": ["222233334444"],
 *  "accountBlockPublicAccess": {"blockPublicAcls": true, "ignorePublicAcls": true,
 *                               "blockPublicPolicy": true, "restrictPublicBuckets": true},
 *  "buckets": [{"bucket": "acme-web", "accountId": "111122223333", "region": "us-east-1",
 *               "blockPublicAccess": null, "policy": {"Statement": [...]},
 *               "aclGrants": [{"grantee": "AllUsers", "permission": "READ"}],
 *               "objectOwnership": "BucketOwnerEnforced", "defaultEncryption": "aws:kms",
 *               "versioning": "Enabled", "loggingEnabled": true,
 *               "replicationDestinations": [{"bucket": "arn:aws:s3:::dr", "accountId": "..."}],
 *               "tags": {"owner": "web"}}]}
 * }</pre>
 */
public final class PostureFile implements PostureReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> TOP_FIELDS =
      Set.of("organizationAccountIds", "accountBlockPublicAccess", "buckets");
  private static final Set<String> BUCKET_FIELDS =
      Set.of(
          "bucket",
          "accountId",
          "region",
          "accountBlockPublicAccess",
          "blockPublicAccess",
          "policyIsPublic",
          "policy",
          "aclGrants",
          "objectOwnership",
          "defaultEncryption",
          "kmsMasterKeyId",
          "versioning",
          "loggingEnabled",
          "replicationDestinations",
          "tags");
  private static final Set<String> ENCRYPTIONS =
      Set.of("NONE", "AES256", "aws:kms", "aws:kms:dsse");
  private static final Set<String> OWNERSHIPS =
      Set.of("BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter");
  private static final Set<String> VERSIONINGS = Set.of("Enabled", "Suspended", "Disabled");
  private static final Set<String> PERMISSIONS =
      Set.of("READ", "WRITE", "READ_ACP", "WRITE_ACP", "FULL_CONTROL");

  private final Snapshot snapshot;

  private PostureFile(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  /**
   * Parses a posture file's text.
   *
   * @param source the file's name, for error messages
   * @throws io.trawl.TrawlException (invalid JSON) naming the bucket and field at fault
   */
  public static PostureFile parse(String source, String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw TrawlErrors.invalidJson(source, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw TrawlErrors.invalidJson(
          source, "a posture file is a JSON object with \"buckets\"", null);
    }
    unknownFields(source, "the top level", root, TOP_FIELDS);
    Set<String> org = new TreeSet<>();
    for (JsonNode n : root.path("organizationAccountIds")) {
      org.add(accountId(source, "organizationAccountIds", n.asText()));
    }
    BlockPublicAccess accountBpa =
        root.has("accountBlockPublicAccess")
            ? bpa(source, "accountBlockPublicAccess", root.get("accountBlockPublicAccess"))
            : null;
    JsonNode buckets = root.get("buckets");
    if (buckets == null || !buckets.isArray()) {
      throw TrawlErrors.invalidJson(source, "\"buckets\" must be an array of bucket objects", null);
    }
    Map<String, BucketPosture> postures = new LinkedHashMap<>();
    for (JsonNode b : buckets) {
      BucketPosture p = bucket(source, b, accountBpa);
      if (postures.put(p.bucket(), p) != null) {
        throw TrawlErrors.invalidJson(source, "bucket " + p.bucket() + " is listed twice", null);
      }
    }
    return new PostureFile(new Snapshot(Map.copyOf(postures), Set.copyOf(org)));
  }

  @Override
  public Snapshot read(List<BucketRef> buckets) {
    return snapshot;
  }

  private static BucketPosture bucket(String source, JsonNode b, BlockPublicAccess accountBpa) {
    if (!b.isObject() || !b.path("bucket").isTextual() || b.path("bucket").asText().isBlank()) {
      throw TrawlErrors.invalidJson(source, "every bucket entry needs a \"bucket\" name", null);
    }
    String name = b.get("bucket").asText();
    String where = "bucket " + name;
    unknownFields(source, where, b, BUCKET_FIELDS);
    String account =
        b.hasNonNull("accountId") ? accountId(source, where, b.get("accountId").asText()) : null;
    BucketPosture.Builder p =
        new BucketPosture.Builder(name, account).source("file").region(text(b, "region"));
    p.accountBpa(
        b.has("accountBlockPublicAccess")
            ? bpa(source, where, b.get("accountBlockPublicAccess"))
            : accountBpa);
    if (b.has("blockPublicAccess")) {
      p.bucketBpa(bpa(source, where, b.get("blockPublicAccess")));
    }
    if (b.has("policyIsPublic") && !b.get("policyIsPublic").isNull()) {
      p.policyStatus(bool(source, where, "policyIsPublic", b.get("policyIsPublic")));
    }
    if (b.has("policy")) {
      JsonNode policy = b.get("policy");
      if (policy.isNull()) {
        p.policy(BucketPolicy.NONE);
      } else {
        try {
          p.policy(policy.isTextual() ? policy.asText() : policy.toString());
        } catch (IllegalArgumentException e) {
          throw TrawlErrors.invalidJson(source, where + ": policy is " + e.getMessage(), e);
        }
      }
    }
    if (b.has("aclGrants")) {
      List<BucketPosture.Grant> grants = new ArrayList<>();
      for (JsonNode g : b.get("aclGrants")) {
        String grantee = g.path("grantee").asText("");
        String permission = g.path("permission").asText("");
        if (!PERMISSIONS.contains(permission)) {
          throw TrawlErrors.invalidJson(
              source, where + ": aclGrants permission must be one of " + PERMISSIONS, null);
        }
        String uri =
            switch (grantee) {
              case "AllUsers" -> BucketPosture.ALL_USERS;
              case "AuthenticatedUsers" -> BucketPosture.AUTHENTICATED_USERS;
              default -> grantee.startsWith("http") ? grantee : null;
            };
        grants.add(
            new BucketPosture.Grant(
                uri == null ? "CanonicalUser" : "Group",
                uri == null ? grantee : null,
                uri,
                permission));
      }
      p.grants(grants);
    }
    p.ownership(oneOf(source, where, b, "objectOwnership", OWNERSHIPS));
    p.encryption(oneOf(source, where, b, "defaultEncryption", ENCRYPTIONS));
    p.kmsKeyId(text(b, "kmsMasterKeyId"));
    p.versioning(oneOf(source, where, b, "versioning", VERSIONINGS));
    if (b.hasNonNull("loggingEnabled")) {
      p.logging(bool(source, where, "loggingEnabled", b.get("loggingEnabled")));
    }
    if (b.has("replicationDestinations")) {
      List<BucketPosture.ReplicationDestination> dests = new ArrayList<>();
      for (JsonNode d : b.get("replicationDestinations")) {
        String acct =
            d.hasNonNull("accountId")
                ? accountId(source, where, d.get("accountId").asText())
                : null;
        dests.add(new BucketPosture.ReplicationDestination(text(d, "bucket"), acct));
      }
      p.replication(dests);
    }
    if (b.has("tags")) {
      Map<String, String> tags = new LinkedHashMap<>();
      b.get("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
      p.tags(tags);
    }
    return p.build();
  }

  private static BlockPublicAccess bpa(String source, String where, JsonNode n) {
    if (n == null || n.isNull()) {
      return BlockPublicAccess.NONE;
    }
    if (!n.isObject()) {
      throw TrawlErrors.invalidJson(
          source, where + ": Block Public Access must be an object of four booleans or null", null);
    }
    return new BlockPublicAccess(
        n.path("blockPublicAcls").asBoolean(false),
        n.path("ignorePublicAcls").asBoolean(false),
        n.path("blockPublicPolicy").asBoolean(false),
        n.path("restrictPublicBuckets").asBoolean(false));
  }

  private static String oneOf(
      String source, String where, JsonNode b, String field, Set<String> allowed) {
    String v = text(b, field);
    if (v != null && !allowed.contains(v)) {
      throw TrawlErrors.invalidJson(
          source,
          where + ": " + field + " must be one of " + new TreeSet<>(allowed) + ", not " + v,
          null);
    }
    return v;
  }

  private static Boolean bool(String source, String where, String field, JsonNode n) {
    if (!n.isBoolean()) {
      throw TrawlErrors.invalidJson(source, where + ": " + field + " must be true or false", null);
    }
    return n.asBoolean();
  }

  private static String accountId(String source, String where, String id) {
    if (!id.matches("\\d{12}")) {
      throw TrawlErrors.invalidJson(
          source, where + ": account ID must be 12 digits, not '" + id + "'", null);
    }
    return id;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static void unknownFields(String source, String where, JsonNode n, Set<String> known) {
    n.fieldNames()
        .forEachRemaining(
            f -> {
              if (!known.contains(f)) {
                throw TrawlErrors.invalidJson(
                    source,
                    where + ": unknown field \"" + f + "\" (known: " + new TreeSet<>(known) + ")",
                    null);
              }
            });
  }
}
