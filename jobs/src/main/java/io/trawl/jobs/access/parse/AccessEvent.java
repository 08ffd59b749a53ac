package io.trawl.jobs.access.parse;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One S3 request, from either source, in the common shape of the {@code access_events} table
 * (without the run's columns). Fields a source does not log are null.
 *
 * @param source {@link #SERVER_ACCESS_LOG} or {@link #CLOUDTRAIL}
 * @param sourceFile URI of the file the event was read from
 * @param sourcePosition 1-based line (server access log) or 1-based index in {@code Records}
 * @param eventTime when the request was made
 * @param bucketOwner canonical user ID (server access log) or account ID (CloudTrail)
 * @param bucketAccountId account that owns the bucket, if the log says
 * @param bucket bucket name
 * @param key decoded object key, null for bucket-level requests
 * @param operation S3 API name, e.g. GetObject
 * @param rawOperation operation as logged
 * @param principal who made the request (ARN, canonical ID, service or ANONYMOUS_PRINCIPAL)
 * @param principalType IAMUser, AssumedRole, Root, ..., Anonymous or Unknown
 * @param principalAccountId the principal's account, if known
 * @param sessionIssuerArn the role behind an assumed-role session
 * @param anonymous true for unauthenticated requests
 * @param sourceIp source IP address (or service name)
 * @param sourceNetwork IPv4 /24 or IPv6 /64 of the source IP
 * @param userAgent the client's user agent
 * @param requestId S3 request ID
 * @param httpStatus HTTP status (server access log only)
 * @param errorCode S3 error code, null on success
 * @param bytesSent bytes sent to the client
 * @param bytesReceived bytes received from the client
 * @param objectSize object size
 * @param totalTimeMs total request time
 * @param turnAroundTimeMs S3 processing time
 * @param requestUri request line with signatures redacted
 * @param referer HTTP referer
 * @param versionId object version ID
 * @param hostId x-amz-id-2
 * @param signatureVersion SigV2 or SigV4
 * @param cipherSuite TLS cipher suite
 * @param authenticationType AuthHeader or QueryString
 * @param hostHeader endpoint the client used
 * @param tlsVersion TLS version
 * @param accessPointArn access point ARN
 * @param aclRequired whether an ACL was needed to authorize the request
 * @param awsRegion region of the request
 * @param eventId CloudTrail event ID
 * @param vpcEndpointId VPC endpoint ID
 */
public record AccessEvent(
    String source,
    String sourceFile,
    long sourcePosition,
    Instant eventTime,
    String bucketOwner,
    String bucketAccountId,
    String bucket,
    String key,
    String operation,
    String rawOperation,
    String principal,
    String principalType,
    String principalAccountId,
    String sessionIssuerArn,
    boolean anonymous,
    String sourceIp,
    String sourceNetwork,
    String userAgent,
    String requestId,
    Integer httpStatus,
    String errorCode,
    Long bytesSent,
    Long bytesReceived,
    Long objectSize,
    Long totalTimeMs,
    Long turnAroundTimeMs,
    String requestUri,
    String referer,
    String versionId,
    String hostId,
    String signatureVersion,
    String cipherSuite,
    String authenticationType,
    String hostHeader,
    String tlsVersion,
    String accessPointArn,
    Boolean aclRequired,
    String awsRegion,
    String eventId,
    String vpcEndpointId)
    implements Serializable {
  /** {@link #source()} of events parsed from S3 server access logs. */
  public static final String SERVER_ACCESS_LOG = "server_access_log";

  /** {@link #source()} of events parsed from CloudTrail data events. */
  public static final String CLOUDTRAIL = "cloudtrail";

  /** Principal of unauthenticated requests, as CloudTrail and Macie name it. */
  public static final String ANONYMOUS_PRINCIPAL = "ANONYMOUS_PRINCIPAL";

  /**
   * The values in the order of the {@code access_events} columns between {@code run_id} and {@code
   * event_date}; times as {@link Instant}.
   */
  public List<Object> values() {
    return Arrays.asList(
        source,
        sourceFile,
        sourcePosition,
        eventTime,
        bucketOwner,
        bucketAccountId,
        bucket,
        key,
        operation,
        rawOperation,
        principal,
        principalType,
        principalAccountId,
        sessionIssuerArn,
        anonymous,
        sourceIp,
        sourceNetwork,
        userAgent,
        requestId,
        httpStatus,
        errorCode,
        bytesSent,
        bytesReceived,
        objectSize,
        totalTimeMs,
        turnAroundTimeMs,
        requestUri,
        referer,
        versionId,
        hostId,
        signatureVersion,
        cipherSuite,
        authenticationType,
        hostHeader,
        tlsVersion,
        accessPointArn,
        aclRequired,
        awsRegion,
        eventId,
        vpcEndpointId);
  }
}
