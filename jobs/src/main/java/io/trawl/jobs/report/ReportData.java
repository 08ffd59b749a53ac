package io.trawl.jobs.report;

import java.time.Instant;
import java.util.List;

/**
 * Everything the HTML report shows, read from the catalog once so that rendering is plain Java and
 * can be tested without Spark. Lists are ordered as they are drawn.
 *
 * @param database the catalog database the report was read from
 * @param run the classification run the per-run sections describe
 * @param buckets per-bucket statistics of that run (bucket_profiles), most sensitive first
 * @param identifierTypes data identifiers found in that run (detections), most objects first
 * @param severityByRun findings per severity for every run, oldest first
 * @param posture buckets of the latest scoring run (bucket_risk); empty means no posture yet
 * @param compliance compliance status per framework; null when the compliance views do not exist
 * @param remediation top remediation items (compliance_violations); empty when the views do not
 *     exist or report no violation
 * @param topObjects most sensitive objects of the run with masked samples only
 * @param generatedAt when the report was generated (UTC)
 */
public record ReportData(
    String database,
    RunSummary run,
    List<BucketStats> buckets,
    List<IdentifierStats> identifierTypes,
    List<RunSeverity> severityByRun,
    List<PosturePoint> posture,
    List<ComplianceStatus> compliance,
    List<RemediationItem> remediation,
    List<SensitiveObject> topObjects,
    Instant generatedAt) {

  public ReportData {
    buckets = List.copyOf(buckets);
    identifierTypes = List.copyOf(identifierTypes);
    severityByRun = List.copyOf(severityByRun);
    posture = List.copyOf(posture);
    compliance = compliance == null ? null : List.copyOf(compliance);
    remediation = List.copyOf(remediation);
    topObjects = List.copyOf(topObjects);
  }

  /** True when the compliance views exist (even if they report nothing). */
  public boolean complianceAvailable() {
    return compliance != null;
  }

  /**
   * One classification run (job_runs).
   *
   * @param runId the run ID
   * @param jobName the Macie job name
   * @param status RUNNING, COMPLETE, FAILED or CANCELLED
   * @param startedAt when the run started, null if unknown
   * @param objectsClassified objects classified
   * @param objectsSensitive objects with sensitive data
   * @param bytesClassified bytes classified
   * @param findings findings written
   */
  public record RunSummary(
      String runId,
      String jobName,
      String status,
      Instant startedAt,
      long objectsClassified,
      long objectsSensitive,
      long bytesClassified,
      long findings) {}

  /**
   * One bucket of the run (bucket_profiles).
   *
   * @param bucket bucket name (user data: escape it)
   * @param objectsClassified objects classified
   * @param objectsSensitive objects with sensitive data
   * @param bytesTotal bytes in the bucket (latest inventory), or bytes classified if unknown
   * @param bytesSensitive bytes of the sensitive objects
   * @param highestSeverity Low, Medium or High; null if nothing sensitive
   * @param sensitivityScore Macie sensitivity score, null until scored
   */
  public record BucketStats(
      String bucket,
      long objectsClassified,
      long objectsSensitive,
      long bytesTotal,
      long bytesSensitive,
      String highestSeverity,
      Integer sensitivityScore) {}

  /**
   * One data identifier of the run (detections).
   *
   * @param type managed or custom data identifier ID
   * @param category Macie category, e.g. FINANCIAL_INFORMATION
   * @param objects objects it was found in
   * @param occurrences occurrences in all objects
   */
  public record IdentifierStats(String type, String category, long objects, long occurrences) {}

  /**
   * Findings of one run by severity (findings).
   *
   * @param runId run ID
   * @param startedAt when the run started, null if unknown
   * @param high High findings
   * @param medium Medium findings
   * @param low Low findings
   */
  public record RunSeverity(String runId, Instant startedAt, long high, long medium, long low) {
    /** All findings of the run. */
    public long total() {
      return high + medium + low;
    }
  }

  /**
   * One bucket on the sensitivity-versus-exposure matrix (bucket_risk).
   *
   * @param bucket bucket name
   * @param sensitivityScore 1-100 (50 not yet analysed; -1 errors only)
   * @param exposureScore 0-100
   * @param riskScore 0-100, null if not computed
   * @param riskLevel LOW, MEDIUM, HIGH or CRITICAL, null if not computed
   */
  public record PosturePoint(
      String bucket,
      int sensitivityScore,
      int exposureScore,
      Integer riskScore,
      String riskLevel) {}

  /**
   * One framework of the compliance_summary view.
   *
   * @param framework framework name, e.g. PCI-DSS
   * @param bucketsEvaluated buckets evaluated
   * @param bucketsViolating buckets with at least one violation
   * @param violations violations
   * @param highestSeverity highest violation severity, null if none
   * @param status COMPLIANT or NON_COMPLIANT
   */
  public record ComplianceStatus(
      String framework,
      long bucketsEvaluated,
      long bucketsViolating,
      long violations,
      String highestSeverity,
      String status) {}

  /**
   * One row of the compliance_violations view.
   *
   * @param framework framework name
   * @param requirement requirement violated
   * @param severity violation severity
   * @param bucket bucket name
   * @param key object key or null for a bucket-level violation
   * @param objects objects concerned
   * @param remediation what to do
   */
  public record RemediationItem(
      String framework,
      String requirement,
      String severity,
      String bucket,
      String key,
      long objects,
      String remediation) {}

  /**
   * One sensitive object of the run (detections), for the "where to look first" table.
   *
   * @param bucket bucket name
   * @param key object key (user data: escape it)
   * @param severity highest detection severity
   * @param occurrences occurrences of all types
   * @param types data identifier IDs found
   * @param maskedSamples masked samples (never raw values)
   */
  public record SensitiveObject(
      String bucket,
      String key,
      String severity,
      long occurrences,
      List<String> types,
      List<String> maskedSamples) {}
}
