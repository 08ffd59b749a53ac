package io.trawl.jobs.score;

import java.util.List;
import java.util.Map;

/**
 * A bucket's security settings as S3 reports them, before any interpretation. Every field is
 * nullable: null means the setting could not be read (access denied, API not implemented, not in
 * the posture file) and makes what depends on it UNKNOWN, never an error.
 *
 * @param bucket bucket name
 * @param accountId owner account ID
 * @param region AWS Region
 * @param source where this came from: {@code api} or {@code file}
 * @param accountBlockPublicAccess the account's Block Public Access flags
 * @param bucketBlockPublicAccess the bucket's Block Public Access flags
 * @param policyIsPublic GetBucketPolicyStatus IsPublic (S3's own evaluation), if known
 * @param policy the bucket policy, {@link BucketPolicy#NONE} if there is none
 * @param aclGrants the bucket ACL's grants
 * @param objectOwnership BucketOwnerEnforced, BucketOwnerPreferred or ObjectWriter; {@code
 *     ObjectWriter} when no ownership controls are set
 * @param defaultEncryption default encryption algorithm: AES256, aws:kms, aws:kms:dsse or NONE
 * @param kmsMasterKeyId the default KMS key, if any
 * @param versioning Enabled, Suspended or Disabled
 * @param loggingEnabled whether server access logging is on
 * @param replicationDestinations replication rules' destinations
 * @param tags the bucket's tags
 */
public record BucketPosture(
    String bucket,
    String accountId,
    String region,
    String source,
    BlockPublicAccess accountBlockPublicAccess,
    BlockPublicAccess bucketBlockPublicAccess,
    Boolean policyIsPublic,
    BucketPolicy policy,
    List<Grant> aclGrants,
    String objectOwnership,
    String defaultEncryption,
    String kmsMasterKeyId,
    String versioning,
    Boolean loggingEnabled,
    List<ReplicationDestination> replicationDestinations,
    Map<String, String> tags) {

  /** Grantee URI of anyone, signed in or not. */
  public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

  /** Grantee URI of any AWS account's identities. */
  public static final String AUTHENTICATED_USERS =
      "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

  /**
   * One ACL grant.
   *
   * @param granteeType Group, CanonicalUser or AmazonCustomerByEmail
   * @param granteeId canonical user ID, if any
   * @param granteeUri group URI, if any
   * @param permission READ, WRITE, READ_ACP, WRITE_ACP or FULL_CONTROL
   */
  public record Grant(String granteeType, String granteeId, String granteeUri, String permission) {
    /** True for a grant to AllUsers or AuthenticatedUsers. */
    public boolean isPublic() {
      return ALL_USERS.equals(granteeUri) || AUTHENTICATED_USERS.equals(granteeUri);
    }

    /** True if the grant lets the grantee write objects. */
    public boolean allowsWrite() {
      return "WRITE".equals(permission) || "FULL_CONTROL".equals(permission);
    }

    /** True if the grant lets the grantee list or read. */
    public boolean allowsRead() {
      return "READ".equals(permission) || "FULL_CONTROL".equals(permission);
    }
  }

  /**
   * Where a replication rule copies objects.
   *
   * @param bucketArn destination bucket ARN
   * @param accountId destination account, if the rule names it (cross-account rules do)
   */
  public record ReplicationDestination(String bucketArn, String accountId) {}

  /** A posture nothing is known of (no posture source for the bucket). */
  public static BucketPosture unknown(String bucket, String accountId) {
    return new BucketPosture(
        bucket, accountId, null, "unknown", null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /** Builds a posture field by field; unset fields stay null (unknown). */
  public static final class Builder {
    private final String bucket;
    private final String accountId;
    private String region;
    private String source;
    private BlockPublicAccess accountBpa;
    private BlockPublicAccess bucketBpa;
    private Boolean policyIsPublic;
    private BucketPolicy policy;
    private List<Grant> grants;
    private String ownership;
    private String encryption;
    private String kmsKeyId;
    private String versioning;
    private Boolean logging;
    private List<ReplicationDestination> replication;
    private Map<String, String> tags;

    public Builder(String bucket, String accountId) {
      this.bucket = bucket;
      this.accountId = accountId;
    }

    public Builder region(String v) {
      region = v;
      return this;
    }

    public Builder source(String v) {
      source = v;
      return this;
    }

    /** Account-level and bucket-level Block Public Access. */
    public Builder bpa(BlockPublicAccess account, BlockPublicAccess bucket) {
      accountBpa = account;
      bucketBpa = bucket;
      return this;
    }

    public Builder accountBpa(BlockPublicAccess v) {
      accountBpa = v;
      return this;
    }

    public Builder bucketBpa(BlockPublicAccess v) {
      bucketBpa = v;
      return this;
    }

    public Builder policyStatus(Boolean isPublic) {
      policyIsPublic = isPublic;
      return this;
    }

    public Builder policy(BucketPolicy v) {
      policy = v;
      return this;
    }

    /** The policy from its JSON document. */
    public Builder policy(String document) {
      policy = BucketPolicy.parse(document);
      return this;
    }

    public Builder grants(List<Grant> v) {
      grants = v == null ? null : List.copyOf(v);
      return this;
    }

    public Builder ownership(String v) {
      ownership = v;
      return this;
    }

    public Builder encryption(String v) {
      encryption = v;
      return this;
    }

    public Builder kmsKeyId(String v) {
      kmsKeyId = v;
      return this;
    }

    public Builder versioning(String v) {
      versioning = v;
      return this;
    }

    public Builder logging(Boolean v) {
      logging = v;
      return this;
    }

    public Builder replication(List<ReplicationDestination> v) {
      replication = v == null ? null : List.copyOf(v);
      return this;
    }

    public Builder tags(Map<String, String> v) {
      tags = v == null ? null : Map.copyOf(v);
      return this;
    }

    public BucketPosture build() {
      return new BucketPosture(
          bucket,
          accountId,
          region,
          source,
          accountBpa,
          bucketBpa,
          policyIsPublic,
          policy,
          grants,
          ownership,
          encryption,
          kmsKeyId,
          versioning,
          logging,
          replication,
          tags);
    }
  }
}
