package io.trawl.jobs.access.parse;

import java.util.regex.Pattern;

/**
 * Keeps what we store of log text free of secrets and personal data: rejected-line excerpts are
 * truncated and masked, and presigned URL signatures are removed from request URIs.
 */
public final class Redaction {
  /** Longest excerpt kept of a rejected line or record. */
  public static final int EXCERPT_CHARS = 200;

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{12,}\\b");
  private static final Pattern IPV4_HOST =
      Pattern.compile("\\b(\\d{1,3}\\.\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}\\b");
  private static final Pattern LONG_DIGITS = Pattern.compile("\\d{9,}");
  private static final Pattern SIGNED_QUERY =
      Pattern.compile(
          "(?i)((?:X-Amz-Signature|X-Amz-Security-Token|X-Amz-Credential|Signature"
              + "|AWSAccessKeyId)=)[^&\\s\"]*");

  private Redaction() {}

  /**
   * The first {@link #EXCERPT_CHARS} characters of {@code text} with e-mail addresses, access key
   * IDs, runs of nine or more digits (account IDs, card and account numbers) and the host part of
   * IPv4 addresses masked.
   */
  public static String excerpt(String text) {
    if (text == null) {
      return null;
    }
    String s = text.length() > EXCERPT_CHARS * 2 ? text.substring(0, EXCERPT_CHARS * 2) : text;
    s = s.replaceAll("[\\r\\n\\t]+", " ");
    s = EMAIL.matcher(s).replaceAll("<email>");
    s = ACCESS_KEY.matcher(s).replaceAll("<access-key>");
    s = IPV4_HOST.matcher(s).replaceAll("$1.x.x");
    s = LONG_DIGITS.matcher(s).replaceAll(m -> "#".repeat(m.group().length()));
    return s.length() > EXCERPT_CHARS ? s.substring(0, EXCERPT_CHARS) + "..." : s;
  }

  /** The request URI with presigned URL signatures, credentials and session tokens removed. */
  public static String requestUri(String uri) {
    if (uri == null) {
      return null;
    }
    return SIGNED_QUERY.matcher(uri).replaceAll("$1REDACTED");
  }
}
