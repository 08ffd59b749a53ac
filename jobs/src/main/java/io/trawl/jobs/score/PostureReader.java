package io.trawl.jobs.score;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the security posture of buckets: from the S3 APIs ({@link SdkPostureReader}) or from a
 * posture file ({@link PostureFile}). A setting that cannot be read is null in the posture, never
 * an exception: it makes what depends on it UNKNOWN.
 */
public interface PostureReader {

  /**
   * A bucket to read.
   *
   * @param bucket bucket name
   * @param accountId owner account, null if unknown
   */
  record BucketRef(String bucket, String accountId) {}

  /**
   * What was read.
   *
   * @param postures by bucket name: every bucket asked for, plus any other the source knows
   * @param organizationAccounts accounts inside the organization (sharing with them is INTERNAL)
   */
  record Snapshot(Map<String, BucketPosture> postures, Set<String> organizationAccounts) {}

  /** Reads the posture of {@code buckets}. */
  Snapshot read(List<BucketRef> buckets);
}
