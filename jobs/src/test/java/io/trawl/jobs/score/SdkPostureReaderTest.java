package io.trawl.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK posture reader against a stand-in: S3-compatible servers (S3Proxy, MinIO) do not
 * implement the bucket posture APIs, so a {@code com.sun.net.httpserver} on loopback answers the S3
 * and S3 Control REST XML for three buckets: {@code web} (public policy, ACLs on, replicated to
 * another account), {@code plain} (nothing configured) and {@code locked} (every call denied).
 */
class SdkPostureReaderTest {
  static final String OWNER = "111122223333";
  static final String XMLNS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

  private HttpServer server;
  private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
    requests.add(path + "?" + query);
    if (path.startsWith("/v20180820/configuration/publicAccessBlock")) {
      reply(ex, 200, bpaXml("PublicAccessBlockConfiguration", true, true, false, false));
      return;
    }
    String bucket = path.substring(1);
    String api = query.split("[=&]")[0];
    if (bucket.equals("locked")) {
      reply(ex, 403, error("AccessDenied"));
      return;
    }
    boolean web = bucket.equals("web");
    switch (api) {
      case "location" ->
          reply(
              ex,
              200,
              "<LocationConstraint"
                  + XMLNS
                  + ">"
                  + (web ? "eu-west-1" : "")
                  + "</LocationConstraint>");
      case "publicAccessBlock" ->
          reply(
              ex,
              web ? 200 : 404,
              web
                  ? bpaXml("PublicAccessBlockConfiguration", false, false, false, false)
                  : error("NoSuchPublicAccessBlockConfiguration"));
      case "policyStatus" ->
          reply(
              ex,
              web ? 200 : 404,
              web
                  ? "<PolicyStatus" + XMLNS + "><IsPublic>true</IsPublic></PolicyStatus>"
                  : error("NoSuchBucketPolicy"));
      case "policy" ->
          reply(
              ex,
              web ? 200 : 404,
              web
                  ? "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                      + "\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::web/*\"}]}"
                  : error("NoSuchBucketPolicy"));
      case "acl" ->
          reply(
              ex,
              200,
              "<AccessControlPolicy"
                  + XMLNS
                  + "><Owner><ID>owner-canonical-id</ID></Owner><AccessControlList>"
                  + (web
                      ? "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                          + " xsi:type=\"Group\"><URI>"
                          + BucketPosture.ALL_USERS
                          + "</URI></Grantee><Permission>READ</Permission></Grant>"
                      : "")
                  + "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                  + " xsi:type=\"CanonicalUser\"><ID>owner-canonical-id</ID></Grantee>"
                  + "<Permission>FULL_CONTROL</Permission></Grant>"
                  + "</AccessControlList></AccessControlPolicy>");
      case "encryption" ->
          reply(
              ex,
              web ? 200 : 404,
              web
                  ? "<ServerSideEncryptionConfiguration"
                      + XMLNS
                      + "><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms"
                      + "</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:eu-west-1:"
                      + OWNER
                      + ":key/k1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></Rule>"
                      + "</ServerSideEncryptionConfiguration>"
                  : error("ServerSideEncryptionConfigurationNotFoundError"));
      case "versioning" ->
          reply(
              ex,
              200,
              "<VersioningConfiguration"
                  + XMLNS
                  + ">"
                  + (web ? "<Status>Enabled</Status>" : "")
                  + "</VersioningConfiguration>");
      case "logging" ->
          reply(
              ex,
              200,
              "<BucketLoggingStatus"
                  + XMLNS
                  + ">"
                  + (web
                      ? "<LoggingEnabled><TargetBucket>logs</TargetBucket><TargetPrefix>web/"
                          + "</TargetPrefix></LoggingEnabled>"
                      : "")
                  + "</BucketLoggingStatus>");
      case "ownershipControls" ->
          reply(
              ex,
              web ? 200 : 404,
              web
                  ? "<OwnershipControls"
                      + XMLNS
                      + "><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule>"
                      + "</OwnershipControls>"
                  : error("OwnershipControlsNotFoundError"));
      case "replication" ->
          reply(
              ex,
              web ? 200 : 404,
              web
                  ? "<ReplicationConfiguration"
                      + XMLNS
                      + "><Role>arn:aws:iam::"
                      + OWNER
                      + ":role/r</Role><Rule><ID>dr</ID><Status>Enabled</Status><Destination>"
                      + "<Bucket>arn:aws:s3:::partner-copy</Bucket><Account>999988887777</Account>"
                      + "</Destination></Rule></ReplicationConfiguration>"
                  : error("ReplicationConfigurationNotFoundError"));
      case "tagging" ->
          reply(
              ex,
              web ? 200 : 404,
              web
                  ? "<Tagging"
                      + XMLNS
                      + "><TagSet><Tag><Key>team</Key><Value>web</Value></Tag></TagSet></Tagging>"
                  : error("NoSuchTagSet"));
      default -> reply(ex, 400, error("NotImplemented"));
    }
  }

  private static String bpaXml(String root, boolean a, boolean b, boolean c, boolean d) {
    return "<"
        + root
        + XMLNS
        + "><BlockPublicAcls>"
        + a
        + "</BlockPublicAcls><IgnorePublicAcls>"
        + b
        + "</IgnorePublicAcls><BlockPublicPolicy>"
        + c
        + "</BlockPublicPolicy><RestrictPublicBuckets>"
        + d
        + "</RestrictPublicBuckets></"
        + root
        + ">";
  }

  private static String error(String code) {
    return "<Error><Code>"
        + code
        + "</Code><Message>stand-in</Message><RequestId>1</RequestId></Error>";
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders()
        .add("Content-Type", body.startsWith("{") ? "application/json" : "application/xml");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private SdkPostureReader reader() {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    return SdkPostureReader.create("us-east-1", endpoint, "test-key", "test-secret", Set.of());
  }

  @Test
  void readsEverySettingOfAConfiguredBucket() {
    try (SdkPostureReader reader = reader()) {
      BucketPosture web =
          reader.read(List.of(new PostureReader.BucketRef("web", OWNER))).postures().get("web");
      assertThat(web.source()).isEqualTo("api");
      assertThat(web.region()).isEqualTo("eu-west-1");
      assertThat(web.accountBlockPublicAccess())
          .isEqualTo(new BlockPublicAccess(true, true, false, false));
      assertThat(web.bucketBlockPublicAccess()).isEqualTo(BlockPublicAccess.NONE);
      assertThat(web.policyIsPublic()).isTrue();
      assertThat(web.policy().publicRead()).isTrue();
      assertThat(web.aclGrants()).anyMatch(BucketPosture.Grant::isPublic);
      assertThat(web.objectOwnership()).isEqualTo("ObjectWriter");
      assertThat(web.defaultEncryption()).isEqualTo("aws:kms");
      assertThat(web.kmsMasterKeyId()).endsWith(":key/k1");
      assertThat(web.versioning()).isEqualTo("Enabled");
      assertThat(web.loggingEnabled()).isTrue();
      assertThat(web.replicationDestinations())
          .containsExactly(
              new BucketPosture.ReplicationDestination(
                  "arn:aws:s3:::partner-copy", "999988887777"));
      assertThat(web.tags()).containsEntry("team", "web");

      PostureAssessment a = PostureAssessment.of(web, Set.of());
      // The account ignores public ACLs, but the public policy is not restricted.
      assertThat(a.effectivePermission()).isEqualTo("PUBLIC");
      assertThat(a.exposureReasons()).contains("public read through the bucket policy");
      assertThat(a.policyFindings())
          .contains(
              PolicyFindingType.PUBLIC,
              PolicyFindingType.BLOCK_PUBLIC_ACCESS_DISABLED,
              PolicyFindingType.REPLICATED_EXTERNALLY);
    }
    assertThat(requests).anyMatch(r -> r.startsWith("/v20180820/configuration/publicAccessBlock"));
  }

  @Test
  void notConfiguredSettingsTakeTheirUnconfiguredValues() {
    try (SdkPostureReader reader = reader()) {
      BucketPosture plain =
          reader.read(List.of(new PostureReader.BucketRef("plain", OWNER))).postures().get("plain");
      assertThat(plain.region()).isEqualTo("us-east-1");
      assertThat(plain.bucketBlockPublicAccess()).isEqualTo(BlockPublicAccess.NONE);
      assertThat(plain.policyIsPublic()).isFalse();
      assertThat(plain.policy()).isEqualTo(BucketPolicy.NONE);
      assertThat(plain.defaultEncryption()).isEqualTo("NONE");
      assertThat(plain.versioning()).isEqualTo("Disabled");
      assertThat(plain.loggingEnabled()).isFalse();
      assertThat(plain.objectOwnership()).isEqualTo("ObjectWriter");
      assertThat(plain.replicationDestinations()).isEmpty();
      assertThat(plain.tags()).isEmpty();
      PostureAssessment a = PostureAssessment.of(plain, Set.of());
      assertThat(a.effectivePermission()).isEqualTo("NOT_PUBLIC");
      assertThat(a.sharedAccess()).isEqualTo("NOT_SHARED");
      assertThat(a.policyFindings())
          .containsExactlyInAnyOrder(
              PolicyFindingType.BLOCK_PUBLIC_ACCESS_DISABLED,
              PolicyFindingType.ENCRYPTION_DISABLED);
    }
  }

  @Test
  void deniedCallsMakeSettingsUnknownNotErrors() {
    try (SdkPostureReader reader = reader()) {
      BucketPosture locked =
          reader
              .read(List.of(new PostureReader.BucketRef("locked", OWNER)))
              .postures()
              .get("locked");
      assertThat(locked.bucketBlockPublicAccess()).isNull();
      assertThat(locked.policy()).isNull();
      assertThat(locked.aclGrants()).isNull();
      assertThat(locked.defaultEncryption()).isNull();
      PostureAssessment a = PostureAssessment.of(locked, Set.of());
      assertThat(a.effectivePermission()).isEqualTo("UNKNOWN");
      assertThat(a.sharedAccess()).isEqualTo("UNKNOWN");
      assertThat(a.allowsUnencryptedObjectUploads()).isEqualTo("UNKNOWN");
      assertThat(a.policyFindings()).isEmpty();
      assertThat(Map.of("exposure", a.exposureScore())).containsEntry("exposure", 35);
    }
  }
}
