package io.trawl.jobs.classify;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What every result of one run shares: the job, the run, and where the results are published.
 *
 * @param runDate ISO date (yyyy-MM-dd) of the run, the tables' partition
 * @param detailedResultsLocation the results path of this run, or null when not written
 */
public record RunContext(
    String jobId,
    String jobName,
    String runId,
    String runDate,
    long startedAtMillis,
    String region,
    String defaultAccountId,
    String detailedResultsLocation)
    implements Serializable {

  public String jobArn(String accountId) {
    return String.format("arn:aws:macie2:%s:%s:classification-job/%s", region, accountId, jobId);
  }

  /** A finding ID that is stable for (run, object), so a rerun replaces rather than duplicates. */
  public String findingId(String bucket, String key, String versionId) {
    return hash(runId + "\u0000" + bucket + "\u0000" + key + "\u0000" + versionId);
  }

  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
