package io.trawl.jobs.score;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

/**
 * Reads bucket posture with the AWS SDK v2: account Block Public Access through S3 Control, and per
 * bucket GetBucketLocation, GetPublicAccessBlock, GetBucketPolicyStatus, GetBucketPolicy,
 * GetBucketAcl, GetBucketEncryption, GetBucketVersioning, GetBucketLogging,
 * GetBucketOwnershipControls, GetBucketReplication and GetBucketTagging (aws-integration.md 6).
 * "Not configured" errors become the unconfigured value (no policy, no Block Public Access, no
 * default encryption...); any other failure, access denied first of all, leaves the setting null
 * (UNKNOWN) and is logged without values.
 */
public final class SdkPostureReader implements PostureReader, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SdkPostureReader.class);

  private final S3Client s3;
  private final S3ControlClient control;
  private final Set<String> organizationAccounts;

  /** The last error code per bucket and API, to tell "not configured" from denied. */
  private final Map<String, String> lastErrors = new HashMap<>();

  /** Reads with the given clients (the caller keeps ownership only if it closes them itself). */
  public SdkPostureReader(S3Client s3, S3ControlClient control, Set<String> organizationAccounts) {
    this.s3 = s3;
    this.control = control;
    this.organizationAccounts = Set.copyOf(organizationAccounts);
  }

  /**
   * Clients for a Region, with an optional endpoint override (path-style, for stand-ins) and
   * optional static credentials; otherwise the default credentials chain.
   */
  public static SdkPostureReader create(
      String region,
      URI endpoint,
      String accessKey,
      String secretKey,
      Set<String> organizationAccounts) {
    Region r = Region.of(region == null ? "us-east-1" : region);
    AwsCredentialsProvider creds =
        accessKey == null
            ? DefaultCredentialsProvider.create()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    var s3 = S3Client.builder().region(r).credentialsProvider(creds);
    var control = S3ControlClient.builder().region(r).credentialsProvider(creds);
    if (endpoint != null) {
      s3.endpointOverride(endpoint).forcePathStyle(true);
      // S3 Control's endpoint rules prefix the host with the account ID, which a stand-in on
      // loopback cannot answer to: resolve every request to the override as given.
      control
          .endpointOverride(endpoint)
          .endpointProvider(
              params ->
                  java.util.concurrent.CompletableFuture.completedFuture(
                      software.amazon.awssdk.endpoints.Endpoint.builder().url(endpoint).build()));
    } else {
      // Buckets live in many Regions; let the client follow S3's redirects.
      s3.crossRegionAccessEnabled(true);
    }
    return new SdkPostureReader(s3.build(), control.build(), organizationAccounts);
  }

  @Override
  public Snapshot read(List<BucketRef> buckets) {
    Map<String, BlockPublicAccess> accountBpa = new HashMap<>();
    Map<String, BucketPosture> out = new LinkedHashMap<>();
    for (BucketRef ref : buckets) {
      String account = ref.accountId();
      BlockPublicAccess acct =
          account == null
              ? null
              : accountBpa.computeIfAbsent(account, this::accountBlockPublicAccess);
      out.put(ref.bucket(), bucket(ref.bucket(), account, acct));
    }
    return new Snapshot(out, organizationAccounts);
  }

  private BlockPublicAccess accountBlockPublicAccess(String accountId) {
    try {
      var c =
          control
              .getPublicAccessBlock(r -> r.accountId(accountId))
              .publicAccessBlockConfiguration();
      return new BlockPublicAccess(
          isTrue(c.blockPublicAcls()),
          isTrue(c.ignorePublicAcls()),
          isTrue(c.blockPublicPolicy()),
          isTrue(c.restrictPublicBuckets()));
    } catch (S3ControlException e) {
      if ("NoSuchPublicAccessBlockConfiguration".equals(code(e))) {
        return BlockPublicAccess.NONE;
      }
      LOG.warn("account {}: cannot read Block Public Access: {}", accountId, code(e));
      return null;
    } catch (RuntimeException e) { // SdkException, or a malformed answer
      LOG.warn(
          "account {}: cannot read Block Public Access: {}",
          accountId,
          e.getClass().getSimpleName());
      return null;
    }
  }

  private BucketPosture bucket(String bucket, String accountId, BlockPublicAccess accountBpa) {
    BucketPosture.Builder p =
        new BucketPosture.Builder(bucket, accountId).source("api").accountBpa(accountBpa);
    p.region(
        call(
            bucket,
            "GetBucketLocation",
            () -> {
              String c = s3.getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString();
              return c == null || c.isEmpty() ? "us-east-1" : c;
            },
            Map.of()));
    p.bucketBpa(
        call(
            bucket,
            "GetPublicAccessBlock",
            () ->
                bpa(
                    s3.getPublicAccessBlock(r -> r.bucket(bucket))
                        .publicAccessBlockConfiguration()),
            Map.of("NoSuchPublicAccessBlockConfiguration", BlockPublicAccess.NONE)));
    p.policyStatus(
        call(
            bucket,
            "GetBucketPolicyStatus",
            () -> isTrue(s3.getBucketPolicyStatus(r -> r.bucket(bucket)).policyStatus().isPublic()),
            Map.of("NoSuchBucketPolicy", Boolean.FALSE)));
    p.policy(
        call(
            bucket,
            "GetBucketPolicy",
            () -> BucketPolicy.parse(s3.getBucketPolicy(r -> r.bucket(bucket)).policy()),
            Map.of("NoSuchBucketPolicy", BucketPolicy.NONE)));
    p.grants(
        call(
            bucket,
            "GetBucketAcl",
            () -> grants(s3.getBucketAcl(r -> r.bucket(bucket)).grants()),
            Map.of()));
    p.ownership(
        call(
            bucket,
            "GetBucketOwnershipControls",
            () ->
                s3.getBucketOwnershipControls(r -> r.bucket(bucket))
                    .ownershipControls()
                    .rules()
                    .get(0)
                    .objectOwnershipAsString(),
            Map.of("OwnershipControlsNotFoundError", "ObjectWriter")));
    var encryption =
        call(
            bucket,
            "GetBucketEncryption",
            () ->
                s3.getBucketEncryption(r -> r.bucket(bucket))
                    .serverSideEncryptionConfiguration()
                    .rules()
                    .get(0)
                    .applyServerSideEncryptionByDefault(),
            Map.of());
    if (encryption != null) {
      p.encryption(encryption.sseAlgorithmAsString()).kmsKeyId(encryption.kmsMasterKeyID());
    } else if (notConfigured(
        bucket, "GetBucketEncryption", "ServerSideEncryptionConfigurationNotFoundError")) {
      p.encryption("NONE");
    }
    p.versioning(
        call(
            bucket,
            "GetBucketVersioning",
            () -> {
              String s = s3.getBucketVersioning(r -> r.bucket(bucket)).statusAsString();
              return s == null || s.isEmpty() ? "Disabled" : s;
            },
            Map.of()));
    p.logging(
        call(
            bucket,
            "GetBucketLogging",
            () -> s3.getBucketLogging(r -> r.bucket(bucket)).loggingEnabled() != null,
            Map.of()));
    p.replication(
        call(
            bucket,
            "GetBucketReplication",
            () ->
                s3
                    .getBucketReplication(r -> r.bucket(bucket))
                    .replicationConfiguration()
                    .rules()
                    .stream()
                    .filter(rule -> rule.destination() != null)
                    .map(
                        rule ->
                            new BucketPosture.ReplicationDestination(
                                rule.destination().bucket(), rule.destination().account()))
                    .toList(),
            Map.of("ReplicationConfigurationNotFoundError", List.of())));
    p.tags(
        call(
            bucket,
            "GetBucketTagging",
            () -> {
              Map<String, String> tags = new LinkedHashMap<>();
              s3.getBucketTagging(r -> r.bucket(bucket))
                  .tagSet()
                  .forEach(t -> tags.put(t.key(), t.value()));
              return tags;
            },
            Map.of("NoSuchTagSet", Map.of())));
    return p.build();
  }

  private boolean notConfigured(String bucket, String api, String code) {
    return code.equals(lastErrors.get(bucket + " " + api));
  }

  private <T> T call(String bucket, String api, Supplier<T> request, Map<String, T> notConfigured) {
    try {
      return request.get();
    } catch (S3Exception e) {
      String code = code(e);
      lastErrors.put(bucket + " " + api, code);
      if (code != null && notConfigured.containsKey(code)) {
        return notConfigured.get(code);
      }
      if (!"ServerSideEncryptionConfigurationNotFoundError".equals(code)) {
        LOG.warn("bucket {}: {} failed ({}); the setting is UNKNOWN", bucket, api, code);
      }
      return null;
    } catch (RuntimeException e) { // SdkException, or a malformed or partial answer
      LOG.warn(
          "bucket {}: {} failed ({}); the setting is UNKNOWN",
          bucket,
          api,
          e.getClass().getSimpleName());
      return null;
    }
  }

  private static String code(software.amazon.awssdk.awscore.exception.AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private static BlockPublicAccess bpa(PublicAccessBlockConfiguration c) {
    return new BlockPublicAccess(
        isTrue(c.blockPublicAcls()),
        isTrue(c.ignorePublicAcls()),
        isTrue(c.blockPublicPolicy()),
        isTrue(c.restrictPublicBuckets()));
  }

  private static List<BucketPosture.Grant> grants(List<Grant> grants) {
    List<BucketPosture.Grant> out = new ArrayList<>();
    for (Grant g : grants) {
      var grantee = g.grantee();
      out.add(
          new BucketPosture.Grant(
              grantee == null ? null : grantee.typeAsString(),
              grantee == null ? null : grantee.id(),
              grantee == null ? null : grantee.uri(),
              g.permissionAsString()));
    }
    return out;
  }

  private static boolean isTrue(Boolean b) {
    return Boolean.TRUE.equals(b);
  }

  @Override
  public void close() {
    s3.close();
    control.close();
  }
}
