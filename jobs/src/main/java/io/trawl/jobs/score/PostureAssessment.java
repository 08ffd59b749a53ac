package io.trawl.jobs.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a bucket's posture means, in Macie's {@code BucketMetadata} terms, plus the policy findings
 * it raises and an exposure score 0-100 from posture alone, each with reasons in words.
 *
 * <p>Effective permission follows S3's rules (aws-integration.md 6): an ACL grant to AllUsers or
 * AuthenticatedUsers is public unless ACLs are disabled (BucketOwnerEnforced) or IgnorePublicAcls
 * is on for the bucket or the account; a public policy is public unless RestrictPublicBuckets is on
 * for either. The account's own settings and the bucket's combine, the most restrictive winning.
 *
 * @param effectivePermission PUBLIC, NOT_PUBLIC or UNKNOWN
 * @param sharedAccess EXTERNAL, INTERNAL, NOT_SHARED or UNKNOWN
 * @param allowsUnencryptedObjectUploads TRUE, FALSE or UNKNOWN
 * @param defaultServerSideEncryption NONE, AES256, aws:kms, aws:kms:dsse or null if unknown
 * @param blockPublicAccess account and bucket settings together block all public access; null if
 *     either is unknown
 * @param replicatedExternally replicates to an account outside the organization; null if unknown
 * @param sharedWithCloudFront a CloudFront OAI or OAC is allowed; null if unknown
 * @param externalAccounts accounts outside the organization the policy names
 * @param policyFindings the policy findings the posture raises
 * @param exposureScore 0-100
 * @param exposureReasons why, most important first
 */
public record PostureAssessment(
    String effectivePermission,
    String sharedAccess,
    String allowsUnencryptedObjectUploads,
    String defaultServerSideEncryption,
    Boolean blockPublicAccess,
    Boolean replicatedExternally,
    Boolean sharedWithCloudFront,
    Set<String> externalAccounts,
    List<PolicyFindingType> policyFindings,
    int exposureScore,
    List<String> exposureReasons) {

  /** Exposure of a bucket anyone can write to. */
  static final int PUBLIC_WRITE = 100;

  /** Exposure of a bucket anyone can read. */
  static final int PUBLIC_READ = 90;

  /** Exposure of a bucket shared with, or replicated to, an account outside the organization. */
  static final int EXTERNAL = 60;

  /** Exposure of a bucket shared with CloudFront only. */
  static final int CLOUDFRONT = 40;

  /** Exposure when whether the bucket is public cannot be told. */
  static final int UNKNOWN = 35;

  /** Exposure of a bucket shared only with accounts of the organization. */
  static final int INTERNAL = 15;

  /**
   * Assesses a posture.
   *
   * @param p the posture
   * @param internalAccounts accounts of the organization besides the owner (sharing with them is
   *     INTERNAL); the owner always counts as internal
   */
  public static PostureAssessment of(BucketPosture p, Set<String> internalAccounts) {
    Set<String> internal = new TreeSet<>(internalAccounts);
    if (p.accountId() != null) {
      internal.add(p.accountId());
    }
    BlockPublicAccess acct = p.accountBlockPublicAccess();
    BlockPublicAccess bkt = p.bucketBlockPublicAccess();
    BucketPolicy policy = p.policy();

    // ACLs: public grants count unless ACLs are off or ignored at either level.
    Boolean aclsIgnored =
        "BucketOwnerEnforced".equals(p.objectOwnership())
                || (bkt != null && bkt.ignorePublicAcls())
                || (acct != null && acct.ignorePublicAcls())
            ? Boolean.TRUE
            : (bkt == null || acct == null ? null : Boolean.FALSE);
    Boolean aclPublicRead = p.aclGrants() == null ? null : anyGrant(p.aclGrants(), false);
    Boolean aclPublicWrite = p.aclGrants() == null ? null : anyGrant(p.aclGrants(), true);
    Boolean restricted =
        (bkt != null && bkt.restrictPublicBuckets())
                || (acct != null && acct.restrictPublicBuckets())
            ? Boolean.TRUE
            : (bkt == null || acct == null ? null : Boolean.FALSE);
    Boolean policyPublic = p.policyIsPublic();
    if (policyPublic == null && policy != null) {
      policyPublic = policy.publicRead() || policy.publicWrite();
    }
    Boolean policyPublicWrite = policy == null ? null : policy.publicWrite();

    List<String> reasons = new ArrayList<>();
    int exposure = 0;
    String permission;
    boolean viaAcl = Boolean.FALSE.equals(aclsIgnored) && Boolean.TRUE.equals(aclPublicRead);
    boolean viaAclWrite = Boolean.FALSE.equals(aclsIgnored) && Boolean.TRUE.equals(aclPublicWrite);
    boolean viaPolicy = Boolean.FALSE.equals(restricted) && Boolean.TRUE.equals(policyPublic);
    if (viaAcl || viaAclWrite || viaPolicy) {
      permission = "PUBLIC";
      boolean write = viaAclWrite || (viaPolicy && Boolean.TRUE.equals(policyPublicWrite));
      exposure = write ? PUBLIC_WRITE : PUBLIC_READ;
      if (viaPolicy) {
        reasons.add(
            "public "
                + (Boolean.TRUE.equals(policyPublicWrite) ? "write" : "read")
                + " through the bucket policy");
      }
      if (viaAcl || viaAclWrite) {
        reasons.add("public " + (viaAclWrite ? "write" : "read") + " through the bucket ACL");
      }
    } else {
      boolean aclSafe =
          Boolean.TRUE.equals(aclsIgnored)
              || (Boolean.FALSE.equals(aclPublicRead) && Boolean.FALSE.equals(aclPublicWrite));
      boolean policySafe = Boolean.TRUE.equals(restricted) || Boolean.FALSE.equals(policyPublic);
      permission = aclSafe && policySafe ? "NOT_PUBLIC" : "UNKNOWN";
      if (permission.equals("UNKNOWN")) {
        exposure = UNKNOWN;
        reasons.add("public access could not be determined (settings unreadable)");
      }
    }

    // Sharing: accounts named in the policy, CloudFront.
    Set<String> external = new TreeSet<>();
    Set<String> otherInternal = new TreeSet<>();
    String shared;
    Boolean cloudFront = policy == null ? null : policy.sharedWithCloudFront();
    if (policy == null) {
      shared = "UNKNOWN";
    } else {
      for (String a : policy.principalAccounts()) {
        if (!internal.contains(a)) {
          external.add(a);
        } else if (!a.equals(p.accountId())) {
          otherInternal.add(a);
        }
      }
      if (!external.isEmpty() || policy.sharedWithCloudFront()) {
        shared = "EXTERNAL";
      } else if (!otherInternal.isEmpty()) {
        shared = "INTERNAL";
      } else {
        shared = "NOT_SHARED";
      }
    }
    boolean sharedExternally =
        !external.isEmpty() || (policy != null && policy.cloudFrontByCanonicalUser());
    if (!external.isEmpty()) {
      exposure = Math.max(exposure, EXTERNAL);
      reasons.add(
          "shared with external account" + plural(external) + " " + String.join(", ", external));
    }
    if (Boolean.TRUE.equals(cloudFront)) {
      exposure = Math.max(exposure, CLOUDFRONT);
      reasons.add("readable by CloudFront (origin access identity or control)");
    }
    if (!otherInternal.isEmpty()) {
      exposure = Math.max(exposure, INTERNAL);
      reasons.add(
          "shared with organization account"
              + plural(otherInternal)
              + " "
              + String.join(", ", otherInternal));
    }

    // Replication to other accounts.
    Boolean replicatedExternally = null;
    if (p.replicationDestinations() != null) {
      Set<String> to = new TreeSet<>();
      for (BucketPosture.ReplicationDestination d : p.replicationDestinations()) {
        if (d.accountId() != null && !internal.contains(d.accountId())) {
          to.add(d.accountId());
        }
      }
      replicatedExternally = !to.isEmpty();
      if (replicatedExternally) {
        exposure = Math.max(exposure, EXTERNAL);
        reasons.add("replicated to external account" + plural(to) + " " + String.join(", ", to));
      }
    }

    // Hardening that lowers or raises the odds of a future exposure.
    Boolean bpaAll = bkt == null || acct == null ? null : combine(acct, bkt).all();
    if (bkt != null && acct != null && !combine(acct, bkt).all() && !permission.equals("PUBLIC")) {
      exposure += 10;
      reasons.add("Block Public Access is not fully on");
    }
    String encryption = p.defaultEncryption();
    if ("NONE".equals(encryption)) {
      exposure += 10;
      reasons.add("no default encryption");
    }
    String unencryptedUploads =
        policy == null ? "UNKNOWN" : (policy.requiresEncryptedUploads() ? "FALSE" : "TRUE");
    if (Boolean.FALSE.equals(p.loggingEnabled()) && exposure > 0) {
      exposure += 5;
      reasons.add("server access logging is off");
    }
    exposure = Math.min(100, exposure);
    if (reasons.isEmpty()) {
      reasons.add("private: not public, not shared, encrypted by default");
    }

    List<PolicyFindingType> findings = new ArrayList<>();
    if (bkt != null && bkt.none()) {
      findings.add(PolicyFindingType.BLOCK_PUBLIC_ACCESS_DISABLED);
    }
    if ("NONE".equals(encryption)) {
      findings.add(PolicyFindingType.ENCRYPTION_DISABLED);
    }
    if (permission.equals("PUBLIC")) {
      findings.add(PolicyFindingType.PUBLIC);
    }
    if (Boolean.TRUE.equals(replicatedExternally)) {
      findings.add(PolicyFindingType.REPLICATED_EXTERNALLY);
    }
    if (sharedExternally) {
      findings.add(PolicyFindingType.SHARED_EXTERNALLY);
    } else if (Boolean.TRUE.equals(cloudFront)) {
      // Macie reports CloudFront sharing as SharedExternally when the bucket is also shared
      // externally, so the two never appear together.
      findings.add(PolicyFindingType.SHARED_WITH_CLOUDFRONT);
    }
    return new PostureAssessment(
        permission,
        shared,
        unencryptedUploads,
        encryption,
        bpaAll,
        replicatedExternally,
        cloudFront,
        external,
        List.copyOf(findings),
        exposure,
        List.copyOf(reasons));
  }

  /** The most restrictive of the account's and the bucket's flags. */
  static BlockPublicAccess combine(BlockPublicAccess a, BlockPublicAccess b) {
    return new BlockPublicAccess(
        a.blockPublicAcls() || b.blockPublicAcls(),
        a.ignorePublicAcls() || b.ignorePublicAcls(),
        a.blockPublicPolicy() || b.blockPublicPolicy(),
        a.restrictPublicBuckets() || b.restrictPublicBuckets());
  }

  private static boolean anyGrant(List<BucketPosture.Grant> grants, boolean write) {
    for (BucketPosture.Grant g : grants) {
      if (g.isPublic() && (write ? g.allowsWrite() : g.allowsRead())) {
        return true;
      }
    }
    return false;
  }

  private static String plural(Set<String> s) {
    return s.size() == 1 ? "" : "s";
  }
}
