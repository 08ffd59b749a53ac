package io.trawl.jobs.access.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses CloudTrail log files ({@code {"Records":[...]}}, already decompressed) into S3 data
 * events, one record at a time so a large file is never held whole. Records of other services are
 * counted as ignored; records that lack what an access event needs (time, event name, bucket) are
 * rejected with a reason. Shapes follow the CloudTrail record reference (aws-integration.md 5.2),
 * including anonymous requests ({@code userIdentity.accountId = ANONYMOUS_PRINCIPAL}).
 */
public final class CloudTrailParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private CloudTrailParser() {}

  /**
   * Parses one CloudTrail file into {@code sink}; a file that is not CloudTrail JSON is one
   * rejection.
   */
  public static void parseFile(String sourceFile, InputStream in, LogSink sink) {
    long index = 0;
    try (JsonParser p = FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        sink.rejected(fileRejected(sourceFile, "is not a JSON object {\"Records\":[...]}"));
        return;
      }
      boolean sawRecords = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!"Records".equals(field)) {
          p.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          sink.rejected(fileRejected(sourceFile, "Records is not an array"));
          return;
        }
        sawRecords = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          JsonNode record = MAPPER.readTree(p);
          parseRecord(sourceFile, index + 1, record, sink);
          index++;
        }
      }
      if (!sawRecords) {
        sink.rejected(fileRejected(sourceFile, "has no Records array"));
      }
    } catch (IOException e) {
      sink.rejected(
          new RejectedRecord(
              AccessEvent.CLOUDTRAIL,
              sourceFile,
              index + 1,
              "is not valid JSON after record " + index + ": " + firstLine(e.getMessage()),
              null));
    }
  }

  /** Parses one element of {@code Records}. */
  public static void parseRecord(String sourceFile, long index, JsonNode r, LogSink sink) {
    if (!r.isObject()) {
      sink.rejected(reject(sourceFile, index, "record is not a JSON object", r));
      return;
    }
    String source = text(r, "eventSource");
    if (source == null) {
      sink.rejected(reject(sourceFile, index, "record has no eventSource", r));
      return;
    }
    if (!source.equals("s3.amazonaws.com")) {
      sink.ignored();
      return;
    }
    String eventName = text(r, "eventName");
    String time = text(r, "eventTime");
    if (eventName == null || time == null) {
      sink.rejected(reject(sourceFile, index, "record lacks eventName or eventTime", r));
      return;
    }
    Instant eventTime;
    try {
      eventTime = Instant.parse(time);
    } catch (DateTimeParseException e) {
      sink.rejected(reject(sourceFile, index, "eventTime is not an ISO-8601 UTC time", r));
      return;
    }
    JsonNode params = r.path("requestParameters");
    String bucket = text(params, "bucketName");
    String key = text(params, "key");
    if (bucket == null) {
      // Some calls only name the object in resources[]: arn:aws:s3:::bucket/key.
      for (JsonNode res : r.path("resources")) {
        String arn = text(res, "ARN");
        if (arn != null && arn.startsWith("arn:aws:s3:::")) {
          String path = arn.substring("arn:aws:s3:::".length());
          int slash = path.indexOf('/');
          bucket = slash < 0 ? path : path.substring(0, slash);
          if (key == null && slash >= 0) {
            key = path.substring(slash + 1);
          }
        }
      }
    }
    if (bucket == null) {
      sink.rejected(reject(sourceFile, index, "S3 record names no bucket", r));
      return;
    }
    JsonNode id = r.path("userIdentity");
    String idType = text(id, "type");
    String accountId = text(id, "accountId");
    String arn = text(id, "arn");
    boolean anonymous = AccessEvent.ANONYMOUS_PRINCIPAL.equals(accountId);
    String principal;
    String principalType;
    String principalAccount;
    String issuer = text(id.path("sessionContext").path("sessionIssuer"), "arn");
    if (anonymous) {
      principal = AccessEvent.ANONYMOUS_PRINCIPAL;
      principalType = "Anonymous";
      principalAccount = null;
    } else if ("AWSService".equals(idType)) {
      principal = firstNonNull(text(id, "invokedBy"), text(r, "sourceIPAddress"), "AWSService");
      principalType = "AWSService";
      principalAccount = accountId;
    } else {
      principal = firstNonNull(arn, text(id, "principalId"), accountId, "unknown");
      principalType = idType == null ? "Unknown" : idType;
      principalAccount = accountId;
      if (issuer == null && arn != null && "AssumedRole".equals(idType)) {
        issuer = Principals.fromRequester(arn).sessionIssuerArn();
      }
    }
    JsonNode extra = r.path("additionalEventData");
    JsonNode tls = r.path("tlsDetails");
    String ip = text(r, "sourceIPAddress");
    String recipient = text(r, "recipientAccountId");
    String aclRequired = text(extra, "aclRequired");
    sink.event(
        new AccessEvent(
            AccessEvent.CLOUDTRAIL,
            sourceFile,
            index,
            eventTime,
            recipient,
            recipient,
            bucket,
            key,
            eventName,
            eventName,
            principal,
            principalType,
            principalAccount,
            issuer,
            anonymous,
            ip,
            Networks.network(ip),
            text(r, "userAgent"),
            text(r, "requestID"),
            null,
            text(r, "errorCode"),
            number(extra, "bytesTransferredOut"),
            number(extra, "bytesTransferredIn"),
            null,
            null,
            null,
            null,
            null,
            text(params, "versionId"),
            text(extra, "x-amz-id-2"),
            text(extra, "SignatureVersion"),
            firstNonNull(text(extra, "CipherSuite"), text(tls, "cipherSuite")),
            text(extra, "AuthenticationMethod"),
            firstNonNull(text(tls, "clientProvidedHostHeader"), text(params, "Host")),
            text(tls, "tlsVersion"),
            null,
            aclRequired == null ? null : "Yes".equalsIgnoreCase(aclRequired),
            text(r, "awsRegion"),
            text(r, "eventID"),
            text(r, "vpcEndpointId")));
  }

  private static RejectedRecord fileRejected(String file, String reason) {
    return new RejectedRecord(AccessEvent.CLOUDTRAIL, file, 0, "file " + reason, null);
  }

  private static RejectedRecord reject(String file, long index, String reason, JsonNode r) {
    return new RejectedRecord(
        AccessEvent.CLOUDTRAIL, file, index, reason, Redaction.excerpt(r.toString()));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  private static Long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asLong();
    }
    try {
      return (long) Double.parseDouble(v.asText());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
