package io.trawl.extraction.samples;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes RFC 5322 messages (eml): headers, a text/plain body and, when attachments are given, a
 * multipart/mixed message with each attachment base64-encoded with its file name.
 */
public final class EmailSamples {
  private static final String BOUNDARY = "----=_trawl_sample_boundary_7f3a";

  private EmailSamples() {}

  /**
   * A message from {@code from} to {@code to} with {@code subject}, the body lines, and the
   * attachments (file name to bytes, in order).
   */
  public static byte[] eml(
      String from,
      String to,
      String subject,
      List<String> bodyLines,
      Map<String, byte[]> attachments) {
    StringBuilder sb = new StringBuilder();
    sb.append("From: ").append(from).append("\r\n");
    sb.append("To: ").append(to).append("\r\n");
    sb.append("Subject: ").append(subject).append("\r\n");
    sb.append("Date: Wed, 01 May 2024 12:00:00 +0000\r\n");
    sb.append("Message-ID: <sample-")
        .append(Math.abs(subject.hashCode()))
        .append("@example.com>\r\n");
    sb.append("MIME-Version: 1.0\r\n");
    String body = String.join("\r\n", bodyLines) + "\r\n";
    if (attachments.isEmpty()) {
      sb.append("Content-Type: text/plain; charset=UTF-8\r\n");
      sb.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
      sb.append(body);
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
    sb.append("Content-Type: multipart/mixed; boundary=\"").append(BOUNDARY).append("\"\r\n\r\n");
    sb.append("This is a multi-part message in MIME format.\r\n");
    sb.append("--").append(BOUNDARY).append("\r\n");
    sb.append("Content-Type: text/plain; charset=UTF-8\r\n");
    sb.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
    sb.append(body);
    for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
      sb.append("--").append(BOUNDARY).append("\r\n");
      sb.append("Content-Type: application/octet-stream; name=\"")
          .append(a.getKey())
          .append("\"\r\n");
      sb.append("Content-Transfer-Encoding: base64\r\n");
      sb.append("Content-Disposition: attachment; filename=\"")
          .append(a.getKey())
          .append("\"\r\n\r\n");
      sb.append(
          Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(a.getValue()));
      sb.append("\r\n");
    }
    sb.append("--").append(BOUNDARY).append("--\r\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
