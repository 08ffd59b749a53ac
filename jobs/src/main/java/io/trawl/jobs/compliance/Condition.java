package io.trawl.jobs.compliance;

/**
 * A bucket condition under which sensitive data is a violation, over the latest {@code bucket_risk}
 * row of the bucket (columns prefixed {@code p_} in the view). Each condition says when it holds
 * and when the posture it needs is known; when it is not known the view reports {@code
 * POSTURE_UNKNOWN} rather than guessing either way.
 */
public enum Condition {
  /** Anywhere: the data must not be stored at all (no posture needed). */
  ANYWHERE("TRUE", "TRUE", "it must not be stored at all"),
  /** The bucket is public (Macie effectivePermission PUBLIC). */
  PUBLIC(
      "p_effective_permission = 'PUBLIC'",
      "p_effective_permission IN ('PUBLIC', 'NOT_PUBLIC')",
      "the bucket is public (effectivePermission PUBLIC)"),
  /** The bucket has no default encryption. */
  UNENCRYPTED(
      "p_default_server_side_encryption = 'NONE'",
      "p_default_server_side_encryption IS NOT NULL",
      "the bucket has no default server-side encryption"),
  /** The bucket is shared with, or replicated to, accounts outside the organization. */
  SHARED_EXTERNALLY(
      "(p_shared_access = 'EXTERNAL' OR coalesce(p_replicated_externally, FALSE))",
      "p_shared_access IN ('EXTERNAL', 'INTERNAL', 'NOT_SHARED')",
      "the bucket is shared with or replicated to accounts outside the organization"),
  /** Public, or shared or replicated externally. */
  PUBLIC_OR_SHARED(
      "(p_effective_permission = 'PUBLIC' OR p_shared_access = 'EXTERNAL'"
          + " OR coalesce(p_replicated_externally, FALSE))",
      "(p_effective_permission IN ('PUBLIC', 'NOT_PUBLIC')"
          + " AND p_shared_access IN ('EXTERNAL', 'INTERNAL', 'NOT_SHARED'))",
      "the bucket is public or shared with accounts outside the organization"),
  /** The bucket lacks the cardholder data tag ({@code {TAG_KEY}={TAG_VALUE}}). */
  NOT_TAGGED(
      "coalesce(element_at(p_bucket_tags, '{TAG_KEY}'), '') <> '{TAG_VALUE}'",
      "p_known",
      "the bucket is not tagged {TAG_KEY}={TAG_VALUE} (outside the cardholder data environment)");

  private final String holds;
  private final String known;
  private final String because;

  Condition(String holds, String known, String because) {
    this.holds = holds;
    this.known = known;
    this.because = because;
  }

  /** SQL that is true when the condition holds. */
  String holds(ComplianceFrameworks.Tag tag) {
    return fill(holds, tag);
  }

  /** SQL that is true when the posture the condition needs is known. */
  String known() {
    return known;
  }

  /** Why it is a violation, in words. */
  String because(ComplianceFrameworks.Tag tag) {
    return fill(because, tag);
  }

  private static String fill(String s, ComplianceFrameworks.Tag tag) {
    return s.replace("{TAG_KEY}", tag.key()).replace("{TAG_VALUE}", tag.value());
  }
}
