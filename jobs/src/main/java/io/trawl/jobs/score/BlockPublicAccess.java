package io.trawl.jobs.score;

/**
 * The four S3 Block Public Access flags of an account or a bucket. A missing configuration ({@code
 * NoSuchPublicAccessBlockConfiguration}) is {@link #NONE}: all four off.
 *
 * @param blockPublicAcls reject new public ACLs
 * @param ignorePublicAcls ignore existing public ACLs
 * @param blockPublicPolicy reject new public bucket policies
 * @param restrictPublicBuckets restrict access through a public policy to the owner and AWS
 *     services
 */
public record BlockPublicAccess(
    boolean blockPublicAcls,
    boolean ignorePublicAcls,
    boolean blockPublicPolicy,
    boolean restrictPublicBuckets) {
  /** No configuration: nothing blocked. */
  public static final BlockPublicAccess NONE = new BlockPublicAccess(false, false, false, false);

  /** All four flags on, the default of new buckets since April 2023. */
  public static final BlockPublicAccess ALL = new BlockPublicAccess(true, true, true, true);

  /** True if all four flags are on. */
  public boolean all() {
    return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
  }

  /** True if all four flags are off. */
  public boolean none() {
    return !blockPublicAcls && !ignorePublicAcls && !blockPublicPolicy && !restrictPublicBuckets;
  }
}
