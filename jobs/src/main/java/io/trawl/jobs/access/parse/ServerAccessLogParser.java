package io.trawl.jobs.access.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses S3 server access log lines (the text format delivered to a target bucket): space separated
 * fields by position, {@code "quoted"} fields that may hold spaces, the bracketed time, {@code -}
 * for "not applicable", URL-encoded keys. Lines of older logs that stop after the User-Agent (17
 * fields) or any later field are accepted, missing fields are null; extra trailing fields (the
 * format is documented as extensible) are ignored.
 */
public final class ServerAccessLogParser {
  /** Fewest fields a line must have: through User-Agent, as in the oldest documented format. */
  public static final int MIN_FIELDS = 17;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  /** Logged operations and the S3 API names CloudTrail uses for them. */
  private static final Map<String, String> OPERATIONS =
      Map.ofEntries(
          Map.entry("REST.GET.OBJECT", "GetObject"),
          Map.entry("REST.HEAD.OBJECT", "HeadObject"),
          Map.entry("REST.PUT.OBJECT", "PutObject"),
          Map.entry("REST.POST.OBJECT", "PostObject"),
          Map.entry("REST.DELETE.OBJECT", "DeleteObject"),
          Map.entry("REST.COPY.OBJECT", "CopyObject"),
          Map.entry("REST.COPY.OBJECT_GET", "CopyObjectSource"),
          Map.entry("REST.COPY.PART", "UploadPartCopy"),
          Map.entry("REST.COPY.PART_GET", "UploadPartCopySource"),
          Map.entry("REST.POST.UPLOADS", "CreateMultipartUpload"),
          Map.entry("REST.PUT.PART", "UploadPart"),
          Map.entry("REST.POST.UPLOAD", "CompleteMultipartUpload"),
          Map.entry("REST.DELETE.UPLOAD", "AbortMultipartUpload"),
          Map.entry("REST.GET.BUCKET", "ListObjects"),
          Map.entry("REST.GET.ACL", "GetObjectAcl"),
          Map.entry("REST.PUT.ACL", "PutObjectAcl"),
          Map.entry("REST.GET.OBJECT_TAGGING", "GetObjectTagging"),
          Map.entry("REST.PUT.OBJECT_TAGGING", "PutObjectTagging"),
          Map.entry("REST.POST.RESTORE", "RestoreObject"),
          Map.entry("BATCH.DELETE.OBJECT", "DeleteObjects"),
          Map.entry("S3.EXPIRE.OBJECT", "LifecycleExpiration"),
          Map.entry("S3.TRANSITION.OBJECT", "LifecycleTransition"),
          Map.entry("WEBSITE.GET.OBJECT", "GetObject"),
          Map.entry("WEBSITE.HEAD.OBJECT", "HeadObject"));

  private ServerAccessLogParser() {}

  /** Parses every line of a file (gzip or plain, already decompressed) into {@code sink}. */
  public static void parseFile(String sourceFile, InputStream in, LogSink sink) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    long lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        sink.event(parseLine(sourceFile, lineNumber, line));
      } catch (MalformedLineException e) {
        sink.rejected(
            new RejectedRecord(
                AccessEvent.SERVER_ACCESS_LOG,
                sourceFile,
                lineNumber,
                e.getMessage(),
                Redaction.excerpt(line)));
      }
    }
  }

  /**
   * Parses one line.
   *
   * @throws MalformedLineException with the reason in words if the line is not a log record
   */
  public static AccessEvent parseLine(String sourceFile, long lineNumber, String line) {
    List<String> f = split(line);
    if (f.size() < MIN_FIELDS) {
      throw new MalformedLineException(
          "has " + f.size() + " fields; a server access log line has at least " + MIN_FIELDS);
    }
    String timeField = f.get(2);
    if (!timeField.startsWith("[") || !timeField.endsWith("]")) {
      throw new MalformedLineException("field 3 (Time) is not a bracketed time");
    }
    Instant time;
    try {
      time = ZonedDateTime.parse(timeField.substring(1, timeField.length() - 1), TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedLineException("field 3 (Time) is not dd/MMM/yyyy:HH:mm:ss +zzzz");
    }
    String bucket = value(f, 1);
    if (bucket == null) {
      throw new MalformedLineException("field 2 (Bucket) is empty");
    }
    String rawOperation = value(f, 6);
    if (rawOperation == null || rawOperation.indexOf('.') < 0) {
      throw new MalformedLineException(
          "field 7 (Operation) is not an operation such as REST.GET.OBJECT");
    }
    String keyField = value(f, 7);
    String requester = value(f, 4);
    boolean anonymous = requester == null;
    Principals.Identity who =
        anonymous
            ? new Principals.Identity("Anonymous", null, null)
            : Principals.fromRequester(requester);
    String ip = value(f, 3);
    String aclRequired = value(f, 25);
    return new AccessEvent(
        AccessEvent.SERVER_ACCESS_LOG,
        sourceFile,
        lineNumber,
        time,
        value(f, 0),
        null,
        bucket,
        keyField == null ? null : KeyCoding.decodeLogged(rawOperation, keyField),
        OPERATIONS.getOrDefault(rawOperation, rawOperation),
        rawOperation,
        anonymous ? AccessEvent.ANONYMOUS_PRINCIPAL : requester,
        who.type(),
        who.accountId(),
        who.sessionIssuerArn(),
        anonymous,
        ip,
        Networks.network(ip),
        unquote(value(f, 16)),
        value(f, 5),
        integer(f, 9, "HTTP status"),
        value(f, 10),
        number(f, 11, "Bytes Sent"),
        null,
        number(f, 12, "Object Size"),
        number(f, 13, "Total Time"),
        number(f, 14, "Turn-Around Time"),
        Redaction.requestUri(unquote(value(f, 8))),
        unquote(value(f, 15)),
        value(f, 17),
        value(f, 18),
        value(f, 19),
        value(f, 20),
        value(f, 21),
        value(f, 22),
        value(f, 23),
        value(f, 24),
        aclRequired(aclRequired, f.size()),
        value(f, 26),
        null,
        null);
  }

  /**
   * Splits a line into fields: runs of characters up to a space, {@code "..."} (with {@code \"}
   * escapes) and {@code [...]} kept whole with their delimiters.
   */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>(30);
    int n = line.length();
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      int start = i;
      if (c == '"') {
        i++;
        while (i < n && line.charAt(i) != '"') {
          i += line.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= n) {
          throw new MalformedLineException(
              "field " + (out.size() + 1) + " opens a quote that is never closed");
        }
        i++;
      } else if (c == '[') {
        int close = line.indexOf(']', i);
        if (close < 0) {
          throw new MalformedLineException(
              "field " + (out.size() + 1) + " opens a bracket that is never closed");
        }
        i = close + 1;
      } else {
        while (i < n && line.charAt(i) != ' ') {
          i++;
        }
      }
      out.add(line.substring(start, i));
    }
    return out;
  }

  /** Field {@code i} (0-based), null if absent or {@code -}. */
  private static String value(List<String> f, int i) {
    if (i >= f.size()) {
      return null;
    }
    String v = f.get(i);
    return v.equals("-") || v.isEmpty() || v.equals("\"-\"") ? null : v;
  }

  private static String unquote(String v) {
    if (v == null) {
      return null;
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      String inner = v.substring(1, v.length() - 1).replace("\\\"", "\"");
      return inner.isEmpty() || inner.equals("-") ? null : inner;
    }
    return v;
  }

  private static Long number(List<String> f, int i, String name) {
    String v = value(f, i);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new MalformedLineException("field " + (i + 1) + " (" + name + ") is not a number");
    }
  }

  private static Integer integer(List<String> f, int i, String name) {
    Long v = number(f, i, name);
    return v == null ? null : v.intValue();
  }

  /** {@code Yes} is true; {@code -} is false where the field exists, null in older logs. */
  private static Boolean aclRequired(String value, int fields) {
    if (value == null) {
      return fields > 25 ? Boolean.FALSE : null;
    }
    return Boolean.valueOf("Yes".equalsIgnoreCase(value));
  }

  /** A line that is not a server access log record; the message is the reason. */
  public static final class MalformedLineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedLineException(String reason) {
      super(reason, null, false, false);
    }
  }
}
