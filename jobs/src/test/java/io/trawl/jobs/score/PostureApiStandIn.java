package io.trawl.jobs.score;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A stand-in for the S3 and S3 Control posture APIs: S3-compatible servers (S3Proxy, MinIO) do not
 * implement them, so a {@code com.sun.net.httpserver} on loopback answers their REST XML for three
 * buckets of account {@link #OWNER}: {@code web} (public policy, ACLs on, replicated to another
 * account, tagged team=web), {@code plain} (nothing configured) and {@code locked} (every call
 * denied).
 */
final class PostureApiStandIn implements AutoCloseable {
  static final String OWNER = "111122223333";
  static final String XMLNS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

  private HttpServer server;
  private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();

  private PostureApiStandIn() {}

  /** A stand-in listening on a free loopback port. */
  static PostureApiStandIn start() throws IOException {
    PostureApiStandIn s = new PostureApiStandIn();
    s.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.server.createContext("/", s::handle);
    s.server.start();
    return s;
  }

  /** Path-style S3 and S3 Control endpoint for the SDK clients. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request so far, as path?query. */
  ConcurrentLinkedQueue<String> requests() {
    return requests;
  }

  @Override
  public void close() {
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
}
