package io.trawl.jobs.score;

/** Macie's policy finding types (category POLICY) and their fixed severities (macie.md 2.2). */
public enum PolicyFindingType {
  /** All bucket-level Block Public Access settings are off. */
  BLOCK_PUBLIC_ACCESS_DISABLED(
      "Policy:IAMUser/S3BlockPublicAccessDisabled",
      "High",
      "Block public access settings are disabled for the S3 bucket.",
      "All bucket-level block public access settings are disabled for the S3 bucket. Access to"
          + " the bucket is controlled only by account-level block public access settings, access"
          + " control lists (ACLs), and the bucket's bucket policy."),
  /** Default encryption is off. */
  ENCRYPTION_DISABLED(
      "Policy:IAMUser/S3BucketEncryptionDisabled",
      "Low",
      "Default encryption is disabled for the S3 bucket.",
      "Default encryption settings are disabled for the S3 bucket. New objects are not"
          + " automatically encrypted when they are added to the bucket."),
  /** Anonymous users or all authenticated AWS identities can access the bucket. */
  PUBLIC(
      "Policy:IAMUser/S3BucketPublic",
      "High",
      "The S3 bucket is publicly accessible.",
      "An ACL or bucket policy for the S3 bucket grants permissions to anonymous users or all"
          + " authenticated AWS Identity and Access Management (IAM) identities."),
  /** Replication to a bucket of an account outside the organization. */
  REPLICATED_EXTERNALLY(
      "Policy:IAMUser/S3BucketReplicatedExternally",
      "High",
      "The S3 bucket is replicated to an external AWS account.",
      "Replication is enabled for the S3 bucket and configured to replicate objects to a bucket"
          + " for an AWS account that isn't part of your organization."),
  /** Shared with an account outside the organization. */
  SHARED_EXTERNALLY(
      "Policy:IAMUser/S3BucketSharedExternally",
      "High",
      "The S3 bucket is shared with an external AWS account.",
      "An ACL or bucket policy for the S3 bucket allows access by an AWS account that isn't part"
          + " of your organization."),
  /** Shared with a CloudFront origin access identity or origin access control. */
  SHARED_WITH_CLOUDFRONT(
      "Policy:IAMUser/S3BucketSharedWithCloudFront",
      "Medium",
      "The S3 bucket is shared with a CloudFront distribution.",
      "The bucket policy for the S3 bucket allows access by a CloudFront origin access identity"
          + " (OAI), a CloudFront origin access control (OAC), or both.");

  private final String type;
  private final String severity;
  private final String title;
  private final String description;

  PolicyFindingType(String type, String severity, String title, String description) {
    this.type = type;
    this.severity = severity;
    this.title = title;
    this.description = description;
  }

  /** The finding type, e.g. {@code Policy:IAMUser/S3BucketPublic}. */
  public String type() {
    return type;
  }

  /** Low, Medium or High; never depends on counts. */
  public String severity() {
    return severity;
  }

  /** Macie's numeric severity: 1 Low, 2 Medium, 3 High. */
  public int severityScore() {
    return switch (severity) {
      case "High" -> 3;
      case "Medium" -> 2;
      default -> 1;
    };
  }

  /** The finding's title. */
  public String title() {
    return title;
  }

  /** The finding's description. */
  public String description() {
    return description;
  }
}
