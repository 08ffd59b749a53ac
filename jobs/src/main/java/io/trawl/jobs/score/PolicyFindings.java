package io.trawl.jobs.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Macie's policy findings (category POLICY) in its {@code GetFindings} JSON shape. Macie raises
 * them when a setting changes; Trawl reports the posture it reads, so {@code policyDetails.action}
 * names no API call and {@code actor} is null, and {@code firstSeen}/{@code lastSeen} are when the
 * posture was read. The ID is stable per account, bucket and type, so the same finding keeps its ID
 * from run to run, as Macie updates an existing finding rather than adding one.
 */
public final class PolicyFindings {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PolicyFindings() {}

  /** The finding ID for a bucket and type. */
  public static String findingId(String accountId, String bucket, PolicyFindingType type) {
    String seed = (accountId == null ? "" : accountId) + "/" + bucket + "/" + type.type();
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
        .toString()
        .replace("-", "");
  }

  /** The finding's JSON. */
  public static String json(
      PolicyFindingType type,
      BucketPosture posture,
      PostureAssessment assessment,
      String region,
      String partition,
      Instant at) {
    String account = posture.accountId();
    ObjectNode f = MAPPER.createObjectNode();
    f.put("schemaVersion", "1.0");
    f.put("id", findingId(account, posture.bucket(), type));
    f.put("accountId", account);
    f.put("region", region);
    f.put("partition", partition);
    f.put("type", type.type());
    f.put("category", "POLICY");
    ObjectNode severity = f.putObject("severity");
    severity.put("description", type.severity());
    severity.put("score", type.severityScore());
    f.put("title", type.title());
    f.put("description", type.description());
    f.put("count", 1);
    f.put("createdAt", at.toString());
    f.put("updatedAt", at.toString());
    f.put("archived", false);
    f.put("sample", false);
    ObjectNode bucket = f.putObject("resourcesAffected").putObject("s3Bucket");
    bucket.put("name", posture.bucket());
    bucket.put("arn", "arn:" + partition + ":s3:::" + posture.bucket());
    if (account != null) {
      bucket.putObject("owner").put("id", account);
    } else {
      bucket.putNull("owner");
    }
    ObjectNode publicAccess = bucket.putObject("publicAccess");
    publicAccess.put("effectivePermission", assessment.effectivePermission());
    ObjectNode config = publicAccess.putObject("permissionConfiguration");
    bpa(config.putObject("accountLevelPermissions"), posture.accountBlockPublicAccess());
    ObjectNode bucketLevel = config.putObject("bucketLevelPermissions");
    bpa(bucketLevel, posture.bucketBlockPublicAccess());
    if (posture.aclGrants() != null) {
      ObjectNode acl = bucketLevel.putObject("accessControlList");
      acl.put(
          "allowsPublicReadAccess",
          posture.aclGrants().stream().anyMatch(g -> g.isPublic() && g.allowsRead()));
      acl.put(
          "allowsPublicWriteAccess",
          posture.aclGrants().stream().anyMatch(g -> g.isPublic() && g.allowsWrite()));
    }
    if (posture.policy() != null) {
      ObjectNode policy = bucketLevel.putObject("bucketPolicy");
      policy.put("allowsPublicReadAccess", posture.policy().publicRead());
      policy.put("allowsPublicWriteAccess", posture.policy().publicWrite());
    }
    ObjectNode sse = bucket.putObject("defaultServerSideEncryption");
    String encryption = assessment.defaultServerSideEncryption();
    sse.put("encryptionType", encryption == null ? "UNKNOWN" : encryption);
    if (posture.kmsMasterKeyId() != null) {
      sse.put("kmsMasterKeyId", posture.kmsMasterKeyId());
    }
    bucket.put("allowsUnencryptedObjectUploads", assessment.allowsUnencryptedObjectUploads());
    ArrayNode tags = bucket.putArray("tags");
    if (posture.tags() != null) {
      for (Map.Entry<String, String> t : posture.tags().entrySet()) {
        tags.addObject().put("key", t.getKey()).put("value", t.getValue());
      }
    }
    ObjectNode details = f.putObject("policyDetails");
    ObjectNode action = details.putObject("action");
    action.put("actionType", "AWS_API_CALL");
    ObjectNode call = action.putObject("apiCallDetails");
    call.putNull("api");
    call.put("apiServiceName", "s3.amazonaws.com");
    call.put("firstSeen", at.toString());
    call.put("lastSeen", at.toString());
    details.putNull("actor");
    return f.toString();
  }

  private static void bpa(ObjectNode parent, BlockPublicAccess b) {
    if (b == null) {
      parent.putNull("blockPublicAccess");
      return;
    }
    ObjectNode n = parent.putObject("blockPublicAccess");
    n.put("blockPublicAcls", b.blockPublicAcls());
    n.put("ignorePublicAcls", b.ignorePublicAcls());
    n.put("blockPublicPolicy", b.blockPublicPolicy());
    n.put("restrictPublicBuckets", b.restrictPublicBuckets());
  }
}
