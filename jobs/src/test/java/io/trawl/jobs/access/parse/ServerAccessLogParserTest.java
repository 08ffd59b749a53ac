package io.trawl.jobs.access.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every field of the server access log format, and the lines it must refuse. */
class ServerAccessLogParserTest {
  private static final String OWNER =
      "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

  /** The current format (27 fields), as in the AWS documentation's example. */
  static final String CURRENT =
      OWNER
          + " amzn-s3-demo-bucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3"
          + " arn:aws:sts::123456789012:assumed-role/analyst/alice 3E57427F3EXAMPLE"
          + " REST.GET.OBJECT reports/q3%2520summary%252B%25C3%25A9.csv"
          + " \"GET /amzn-s3-demo-bucket1/reports/q3%20summary%2B%C3%A9.csv?X-Amz-Signature=abcdef0123&x=1"
          + " HTTP/1.1\" 200 - 113 4096 7 6 \"https://example.com/a b\""
          + " \"S3Console/0.4 (Windows NT 10.0; \\\"quoted\\\")\" 3HL4kqtJvjVBH40Nrjfkd"
          + " s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234="
          + " SigV4 ECDHE-RSA-AES128-GCM-SHA256 QueryString amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com"
          + " TLSv1.2 arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP Yes us-east-1";

  @Test
  void parsesEveryFieldOfTheCurrentFormat() {
    AccessEvent e = ServerAccessLogParser.parseLine("s3a://logs/a", 7, CURRENT);
    assertThat(e.source()).isEqualTo(AccessEvent.SERVER_ACCESS_LOG);
    assertThat(e.sourceFile()).isEqualTo("s3a://logs/a");
    assertThat(e.sourcePosition()).isEqualTo(7);
    assertThat(e.bucketOwner()).isEqualTo(OWNER);
    assertThat(e.bucketAccountId()).isNull();
    assertThat(e.bucket()).isEqualTo("amzn-s3-demo-bucket1");
    assertThat(e.eventTime()).isEqualTo(Instant.parse("2019-02-06T00:00:38Z"));
    assertThat(e.sourceIp()).isEqualTo("192.0.2.3");
    assertThat(e.sourceNetwork()).isEqualTo("192.0.2.0/24");
    assertThat(e.principal()).isEqualTo("arn:aws:sts::123456789012:assumed-role/analyst/alice");
    assertThat(e.principalType()).isEqualTo("AssumedRole");
    assertThat(e.principalAccountId()).isEqualTo("123456789012");
    assertThat(e.sessionIssuerArn()).isEqualTo("arn:aws:iam::123456789012:role/analyst");
    assertThat(e.anonymous()).isFalse();
    assertThat(e.requestId()).isEqualTo("3E57427F3EXAMPLE");
    assertThat(e.rawOperation()).isEqualTo("REST.GET.OBJECT");
    assertThat(e.operation()).isEqualTo("GetObject");
    // Double-encoded for REST operations: %2520 -> %20 -> space.
    assertThat(e.key()).isEqualTo("reports/q3 summary+\u00e9.csv");
    assertThat(e.requestUri())
        .startsWith("GET /amzn-s3-demo-bucket1/reports/q3%20summary")
        .contains("X-Amz-Signature=REDACTED&x=1")
        .doesNotContain("abcdef0123");
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.errorCode()).isNull();
    assertThat(e.bytesSent()).isEqualTo(113L);
    assertThat(e.objectSize()).isEqualTo(4096L);
    assertThat(e.totalTimeMs()).isEqualTo(7L);
    assertThat(e.turnAroundTimeMs()).isEqualTo(6L);
    assertThat(e.referer()).isEqualTo("https://example.com/a b");
    assertThat(e.userAgent()).isEqualTo("S3Console/0.4 (Windows NT 10.0; \"quoted\")");
    assertThat(e.versionId()).isEqualTo("3HL4kqtJvjVBH40Nrjfkd");
    assertThat(e.hostId()).startsWith("s9lzHYrFp76ZVxRcpX9+");
    assertThat(e.signatureVersion()).isEqualTo("SigV4");
    assertThat(e.cipherSuite()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
    assertThat(e.authenticationType()).isEqualTo("QueryString");
    assertThat(e.hostHeader()).isEqualTo("amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com");
    assertThat(e.tlsVersion()).isEqualTo("TLSv1.2");
    assertThat(e.accessPointArn())
        .isEqualTo("arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP");
    assertThat(e.aclRequired()).isTrue();
    assertThat(e.awsRegion()).isEqualTo("us-east-1");
    assertThat(e.eventId()).isNull();
    assertThat(e.bytesReceived()).isNull();
    assertThat(e.values()).hasSize(40);
  }

  @Test
  void dashesAreNullAndAnonymousRequestersAreTheAnonymousPrincipal() {
    String line =
        OWNER
            + " site [06/Feb/2019:10:00:00 +0100] 2001:db8:85a3:8d3:1319:8a2e:370:7348 - REQ1"
            + " WEBSITE.GET.OBJECT index.html \"GET /index.html HTTP/1.1\" 304 - - 512 3 -"
            + " \"-\" \"-\" - hostid - - - site.s3-website.amazonaws.com - - - -";
    AccessEvent e = ServerAccessLogParser.parseLine("f", 1, line);
    assertThat(e.anonymous()).isTrue();
    assertThat(e.principal()).isEqualTo(AccessEvent.ANONYMOUS_PRINCIPAL);
    assertThat(e.principalType()).isEqualTo("Anonymous");
    assertThat(e.principalAccountId()).isNull();
    assertThat(e.eventTime()).isEqualTo(Instant.parse("2019-02-06T09:00:00Z"));
    assertThat(e.sourceNetwork()).isEqualTo("2001:db8:85a3:8d3::/64");
    assertThat(e.operation()).isEqualTo("GetObject");
    assertThat(e.bytesSent()).isNull();
    assertThat(e.turnAroundTimeMs()).isNull();
    assertThat(e.referer()).isNull();
    assertThat(e.userAgent()).isNull();
    assertThat(e.versionId()).isNull();
    assertThat(e.signatureVersion()).isNull();
    assertThat(e.authenticationType()).isNull();
    assertThat(e.accessPointArn()).isNull();
    assertThat(e.aclRequired()).isFalse();
    assertThat(e.awsRegion()).isNull();
  }

  @Test
  void olderLogsWithoutTheTrailingFieldsLeaveThemNull() {
    String old =
        OWNER
            + " b [06/Feb/2012:00:00:38 +0000] 10.0.0.1 arn:aws:iam::111122223333:user/bob R2"
            + " REST.PUT.OBJECT a%252Fb.txt \"PUT /b/a%2Fb.txt HTTP/1.1\" 200 - - 10 20 5 \"-\""
            + " \"aws-cli/1.0\" -";
    AccessEvent e = ServerAccessLogParser.parseLine("f", 2, old);
    assertThat(e.operation()).isEqualTo("PutObject");
    assertThat(e.key()).isEqualTo("a/b.txt");
    assertThat(e.principalType()).isEqualTo("IAMUser");
    assertThat(e.principalAccountId()).isEqualTo("111122223333");
    assertThat(e.userAgent()).isEqualTo("aws-cli/1.0");
    assertThat(e.hostId()).isNull();
    assertThat(e.tlsVersion()).isNull();
    assertThat(e.aclRequired()).isNull();
    // Without the version ID field too: 17 fields still parse.
    String oldest = old.substring(0, old.length() - 2);
    assertThat(ServerAccessLogParser.parseLine("f", 3, oldest).versionId()).isNull();
  }

  @Test
  void extraTrailingFieldsAreIgnored() {
    AccessEvent e = ServerAccessLogParser.parseLine("f", 1, CURRENT + " future-field \"x y\"");
    assertThat(e.awsRegion()).isEqualTo("us-east-1");
  }

  @Test
  void batchDeleteAndExpiryKeysAreEncodedOnce() {
    String line =
        OWNER
            + " b [06/Feb/2019:00:00:38 +0000] 10.0.0.1 - R3 BATCH.DELETE.OBJECT"
            + " dir/100%25%20done.txt - 204 - - - - - - - -";
    AccessEvent e = ServerAccessLogParser.parseLine("f", 1, line);
    assertThat(e.key()).isEqualTo("dir/100% done.txt");
    assertThat(e.operation()).isEqualTo("DeleteObjects");
    assertThat(
            KeyCoding.decodeLogged(
                "S3.EXPIRE.OBJECT", KeyCoding.encodeLogged("S3.EXPIRE.OBJECT", "a b%")))
        .isEqualTo("a b%");
    assertThat(
            KeyCoding.decodeLogged(
                "REST.GET.OBJECT", KeyCoding.encodeLogged("REST.GET.OBJECT", "x/\u00fc+1 %.txt")))
        .isEqualTo("x/\u00fc+1 %.txt");
    assertThat(KeyCoding.percentDecode("bad%zzescape%")).isEqualTo("bad%zzescape%");
  }

  @Test
  void errorsKeepTheirCodeAndStatus() {
    String line =
        OWNER
            + " b [06/Feb/2019:00:00:38 +0000] 10.0.0.1 arn:aws:iam::111122223333:user/eve R4"
            + " REST.GET.OBJECT secret.csv \"GET /b/secret.csv HTTP/1.1\" 403 AccessDenied 243 -"
            + " 8 - \"-\" \"curl/8\" - hid SigV4 TLS_AES_128_GCM_SHA256 AuthHeader b.s3.amazonaws.com"
            + " TLSv1.3 - - eu-west-1";
    AccessEvent e = ServerAccessLogParser.parseLine("f", 1, line);
    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.errorCode()).isEqualTo("AccessDenied");
    assertThat(e.objectSize()).isNull();
    assertThat(e.aclRequired()).isFalse();
  }

  @Test
  void malformedLinesAreRejectedWithAReason() {
    assertThatThrownBy(() -> ServerAccessLogParser.parseLine("f", 1, "hello world"))
        .hasMessageContaining("has 2 fields");
    assertThatThrownBy(
            () ->
                ServerAccessLogParser.parseLine(
                    "f", 1, CURRENT.replace("[06/Feb/2019:00:00:38", "[06/Fab/2019:00:00:38")))
        .hasMessageContaining("Time");
    assertThatThrownBy(
            () ->
                ServerAccessLogParser.parseLine(
                    "f", 1, CURRENT.replace(" 200 - 113 ", " OK - 113 ")))
        .hasMessageContaining("HTTP status");
    assertThatThrownBy(
            () ->
                ServerAccessLogParser.parseLine(
                    "f", 1, CURRENT.substring(0, CURRENT.indexOf("HTTP/1.1\""))))
        .hasMessageContaining("quote that is never closed");
    assertThatThrownBy(
            () ->
                ServerAccessLogParser.parseLine(
                    "f", 1, CURRENT.replace(" REST.GET.OBJECT ", " GETOBJECT ")))
        .hasMessageContaining("Operation");
  }

  @Test
  void aFileCountsItsRejectsWithLineNumbersAndRedactedExcerpts() throws IOException {
    String bad = "garbage 4111111111111111 from 203.0.113.77 alice@example.com";
    String text = CURRENT + "\n\n" + bad + "\n" + CURRENT + "\n";
    List<AccessEvent> events = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    ServerAccessLogParser.parseFile(
        "file:/logs/x",
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        new Collect(events, rejected));
    assertThat(events).extracting(AccessEvent::sourcePosition).containsExactly(1L, 4L);
    assertThat(rejected).hasSize(1);
    RejectedRecord r = rejected.get(0);
    assertThat(r.sourcePosition()).isEqualTo(3);
    assertThat(r.sourceFile()).isEqualTo("file:/logs/x");
    assertThat(r.reason()).contains("fields");
    assertThat(r.excerpt())
        .doesNotContain("4111111111111111", "alice@example.com", "113.77")
        .contains("################", "<email>", "203.0.x.x");
  }

  /** Collects what a parser reports. */
  record Collect(List<AccessEvent> events, List<RejectedRecord> rejected, int[] ignoredCount)
      implements LogSink {
    Collect(List<AccessEvent> events, List<RejectedRecord> rejected) {
      this(events, rejected, new int[1]);
    }

    @Override
    public void event(AccessEvent event) {
      events.add(event);
    }

    @Override
    public void rejected(RejectedRecord r) {
      rejected.add(r);
    }

    @Override
    public void ignored() {
      ignoredCount[0]++;
    }
  }
}
