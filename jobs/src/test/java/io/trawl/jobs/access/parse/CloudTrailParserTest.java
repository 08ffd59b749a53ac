package io.trawl.jobs.access.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** CloudTrail S3 data events: identities, parameters, extra data, and what is refused. */
class CloudTrailParserTest {
  static final String ASSUMED_ROLE_GET =
      "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"AssumedRole\","
          + "\"principalId\":\"AROAEXAMPLE:alice\","
          + "\"arn\":\"arn:aws:sts::111122223333:assumed-role/analyst/alice\","
          + "\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIAEXAMPLEEXAMPLE\","
          + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLE\","
          + "\"arn\":\"arn:aws:iam::111122223333:role/analyst\",\"accountId\":\"111122223333\","
          + "\"userName\":\"analyst\"},\"attributes\":{\"creationDate\":\"2026-11-02T08:00:00Z\","
          + "\"mfaAuthenticated\":\"false\"}}},"
          + "\"eventTime\":\"2026-11-02T09:15:00Z\",\"eventSource\":\"s3.amazonaws.com\","
          + "\"eventName\":\"GetObject\",\"awsRegion\":\"eu-west-1\","
          + "\"sourceIPAddress\":\"198.51.100.23\",\"userAgent\":\"[aws-cli/2.15 Python/3.11]\","
          + "\"requestParameters\":{\"bucketName\":\"acme-hr\",\"Host\":\"acme-hr.s3.eu-west-1.amazonaws.com\","
          + "\"key\":\"exports/employees 2026.csv\"},\"responseElements\":null,"
          + "\"additionalEventData\":{\"SignatureVersion\":\"SigV4\","
          + "\"CipherSuite\":\"ECDHE-RSA-AES128-GCM-SHA256\",\"bytesTransferredIn\":0,"
          + "\"AuthenticationMethod\":\"AuthHeader\",\"x-amz-id-2\":\"hostid==\","
          + "\"bytesTransferredOut\":4096,\"aclRequired\":\"Yes\"},"
          + "\"requestID\":\"REQ123\",\"eventID\":\"EVT-1\",\"readOnly\":true,"
          + "\"resources\":[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::acme-hr/exports/employees 2026.csv\"}],"
          + "\"eventType\":\"AwsApiCall\",\"managementEvent\":false,"
          + "\"recipientAccountId\":\"111122223333\",\"vpcEndpointId\":\"vpce-1a2b\","
          + "\"eventCategory\":\"Data\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.2\","
          + "\"cipherSuite\":\"ECDHE-RSA-AES128-GCM-SHA256\","
          + "\"clientProvidedHostHeader\":\"acme-hr.s3.eu-west-1.amazonaws.com\"}}";

  static final String ANONYMOUS_GET =
      "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AWSAccount\",\"principalId\":\"\","
          + "\"accountId\":\"ANONYMOUS_PRINCIPAL\"},\"eventTime\":\"2026-11-02T03:00:00Z\","
          + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\","
          + "\"sourceIPAddress\":\"203.0.113.9\",\"userAgent\":\"curl/8\","
          + "\"requestParameters\":{\"bucketName\":\"site\",\"key\":\"leak.csv\"},"
          + "\"additionalEventData\":{\"bytesTransferredOut\":\"120.0\"},"
          + "\"errorCode\":null,\"recipientAccountId\":\"111122223333\"}";

  static final String CROSS_ACCOUNT_DENIED =
      "{\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAX\","
          + "\"arn\":\"arn:aws:iam::444455556666:user/partner\",\"accountId\":\"444455556666\","
          + "\"userName\":\"partner\"},\"eventTime\":\"2026-11-02T10:00:00Z\","
          + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\","
          + "\"sourceIPAddress\":\"2001:db8:1:2:3:4:5:6\",\"errorCode\":\"AccessDenied\","
          + "\"errorMessage\":\"Access Denied\",\"requestParameters\":null,"
          + "\"resources\":[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::acme-pay/cards/a.csv\"}],"
          + "\"recipientAccountId\":\"111122223333\"}";

  static final String KMS_EVENT =
      "{\"eventTime\":\"2026-11-02T10:00:00Z\",\"eventSource\":\"kms.amazonaws.com\","
          + "\"eventName\":\"Decrypt\"}";

  static final String SERVICE_PUT =
      "{\"userIdentity\":{\"type\":\"AWSService\",\"invokedBy\":\"s3.amazonaws.com\"},"
          + "\"eventTime\":\"2026-11-02T11:00:00Z\",\"eventSource\":\"s3.amazonaws.com\","
          + "\"eventName\":\"PutObject\",\"sourceIPAddress\":\"s3.amazonaws.com\","
          + "\"requestParameters\":{\"bucketName\":\"replica\",\"key\":\"a\"},"
          + "\"recipientAccountId\":\"111122223333\"}";

  private static ServerAccessLogParserTest.Collect parse(String json) {
    ServerAccessLogParserTest.Collect c =
        new ServerAccessLogParserTest.Collect(new ArrayList<>(), new ArrayList<>());
    CloudTrailParser.parseFile(
        "s3a://trail/AWSLogs/x.json.gz",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        c);
    return c;
  }

  @Test
  void parsesAnAssumedRoleReadWithEveryField() {
    var c = parse("{\"Records\":[" + ASSUMED_ROLE_GET + "]}");
    assertThat(c.rejected()).isEmpty();
    AccessEvent e = c.events().get(0);
    assertThat(e.source()).isEqualTo(AccessEvent.CLOUDTRAIL);
    assertThat(e.sourcePosition()).isEqualTo(1);
    assertThat(e.eventTime()).isEqualTo(Instant.parse("2026-11-02T09:15:00Z"));
    assertThat(e.bucketOwner()).isEqualTo("111122223333");
    assertThat(e.bucketAccountId()).isEqualTo("111122223333");
    assertThat(e.bucket()).isEqualTo("acme-hr");
    assertThat(e.key()).isEqualTo("exports/employees 2026.csv");
    assertThat(e.operation()).isEqualTo("GetObject");
    assertThat(e.rawOperation()).isEqualTo("GetObject");
    assertThat(e.principal()).isEqualTo("arn:aws:sts::111122223333:assumed-role/analyst/alice");
    assertThat(e.principalType()).isEqualTo("AssumedRole");
    assertThat(e.principalAccountId()).isEqualTo("111122223333");
    assertThat(e.sessionIssuerArn()).isEqualTo("arn:aws:iam::111122223333:role/analyst");
    assertThat(e.anonymous()).isFalse();
    assertThat(e.sourceIp()).isEqualTo("198.51.100.23");
    assertThat(e.sourceNetwork()).isEqualTo("198.51.100.0/24");
    assertThat(e.userAgent()).isEqualTo("[aws-cli/2.15 Python/3.11]");
    assertThat(e.requestId()).isEqualTo("REQ123");
    assertThat(e.httpStatus()).isNull();
    assertThat(e.errorCode()).isNull();
    assertThat(e.bytesSent()).isEqualTo(4096L);
    assertThat(e.bytesReceived()).isEqualTo(0L);
    assertThat(e.hostId()).isEqualTo("hostid==");
    assertThat(e.signatureVersion()).isEqualTo("SigV4");
    assertThat(e.cipherSuite()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
    assertThat(e.authenticationType()).isEqualTo("AuthHeader");
    assertThat(e.hostHeader()).isEqualTo("acme-hr.s3.eu-west-1.amazonaws.com");
    assertThat(e.tlsVersion()).isEqualTo("TLSv1.2");
    assertThat(e.aclRequired()).isTrue();
    assertThat(e.awsRegion()).isEqualTo("eu-west-1");
    assertThat(e.eventId()).isEqualTo("EVT-1");
    assertThat(e.vpcEndpointId()).isEqualTo("vpce-1a2b");
  }

  @Test
  void anonymousCrossAccountAndServicePrincipals() {
    var c =
        parse(
            "{\"Records\":["
                + ANONYMOUS_GET
                + ","
                + CROSS_ACCOUNT_DENIED
                + ","
                + KMS_EVENT
                + ","
                + SERVICE_PUT
                + "]}");
    assertThat(c.rejected()).isEmpty();
    assertThat(c.ignoredCount()[0]).isEqualTo(1);
    assertThat(c.events()).hasSize(3);
    AccessEvent anon = c.events().get(0);
    assertThat(anon.anonymous()).isTrue();
    assertThat(anon.principal()).isEqualTo(AccessEvent.ANONYMOUS_PRINCIPAL);
    assertThat(anon.principalType()).isEqualTo("Anonymous");
    assertThat(anon.principalAccountId()).isNull();
    assertThat(anon.bytesSent()).isEqualTo(120L);
    AccessEvent cross = c.events().get(1);
    assertThat(cross.principalAccountId()).isEqualTo("444455556666");
    assertThat(cross.bucketAccountId()).isEqualTo("111122223333");
    assertThat(cross.errorCode()).isEqualTo("AccessDenied");
    assertThat(cross.bucket()).isEqualTo("acme-pay");
    assertThat(cross.key()).isEqualTo("cards/a.csv");
    assertThat(cross.sourceNetwork()).isEqualTo("2001:db8:1:2::/64");
    assertThat(cross.sourcePosition()).isEqualTo(2);
    AccessEvent service = c.events().get(2);
    assertThat(service.principalType()).isEqualTo("AWSService");
    assertThat(service.principal()).isEqualTo("s3.amazonaws.com");
    assertThat(service.sourceNetwork()).isNull();
    assertThat(service.sourcePosition()).isEqualTo(4);
  }

  @Test
  void recordsThatLackWhatAnEventNeedsAreRejectedOneByOne() {
    var c =
        parse(
            "{\"Records\":[42,{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"},"
                + "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\","
                + "\"eventTime\":\"yesterday\",\"requestParameters\":{\"bucketName\":\"b\"}},"
                + "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\","
                + "\"eventTime\":\"2026-11-02T10:00:00Z\",\"userIdentity\":{\"accountId\":\"123456789012\"}},"
                + ANONYMOUS_GET
                + "]}");
    assertThat(c.events()).hasSize(1);
    assertThat(c.rejected())
        .extracting(RejectedRecord::sourcePosition, RejectedRecord::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "record is not a JSON object"),
            org.assertj.core.groups.Tuple.tuple(2L, "record lacks eventName or eventTime"),
            org.assertj.core.groups.Tuple.tuple(3L, "eventTime is not an ISO-8601 UTC time"),
            org.assertj.core.groups.Tuple.tuple(4L, "S3 record names no bucket"));
    assertThat(c.rejected().get(3).excerpt())
        .contains("############")
        .doesNotContain("123456789012");
  }

  @Test
  void filesThatAreNotCloudTrailAreOneRejection() {
    assertThat(parse("[1,2]").rejected())
        .extracting(RejectedRecord::reason)
        .containsExactly("file is not a JSON object {\"Records\":[...]}");
    assertThat(parse("{\"foo\":1}").rejected())
        .extracting(RejectedRecord::reason)
        .containsExactly("file has no Records array");
    var truncated = parse("{\"Records\":[" + ANONYMOUS_GET + ",{\"eventTime\":");
    assertThat(truncated.events()).hasSize(1);
    assertThat(truncated.rejected()).hasSize(1);
    assertThat(truncated.rejected().get(0).reason()).startsWith("is not valid JSON after record 1");
  }
}
