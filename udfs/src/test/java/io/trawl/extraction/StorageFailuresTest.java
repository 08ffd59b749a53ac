package io.trawl.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StorageFailuresTest {

  /** Stand-ins named like S3A's and the SDK's exceptions (udfs depends on neither). */
  static final class RemoteFileChangedException extends IOException {
    RemoteFileChangedException(String message) {
      super(message);
    }
  }

  static final class NoSuchBucketException extends RuntimeException {
    NoSuchBucketException(String message) {
      super(message);
    }
  }

  static final class KmsInvalidStateException extends RuntimeException {
    KmsInvalidStateException(String message) {
      super(message);
    }
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new AccessDeniedException("s3a://b/k"), StatusReason.PERMISSION_DENIED),
        Arguments.of(
            new IOException(
                "getFileStatus on s3a://b/k: software.amazon.awssdk.services.s3.model.S3Exception:"
                    + " Access Denied (Service: S3, Status Code: 403, Request ID: X)"),
            StatusReason.PERMISSION_DENIED),
        Arguments.of(
            new UncheckedIOException(new IOException("wrapped", new AccessDeniedException("k"))),
            StatusReason.PERMISSION_DENIED),
        Arguments.of(
            new FileNotFoundException("No such file: s3a://b/k"),
            StatusReason.SOURCE_OBJECT_NO_LONGER_AVAILABLE),
        Arguments.of(
            new IOException("The specified key does not exist. (Service: S3, Status Code: 404)"),
            StatusReason.SOURCE_OBJECT_NO_LONGER_AVAILABLE),
        Arguments.of(new IOException("NoSuchKey"), StatusReason.SOURCE_OBJECT_NO_LONGER_AVAILABLE),
        Arguments.of(
            new RemoteFileChangedException("open s3a://b/k: Change reported by S3 during open"),
            StatusReason.OBJECT_VERSION_MISMATCH),
        Arguments.of(
            new IOException(
                "At least one of the pre-conditions you specified did not hold"
                    + " (Service: S3, Status Code: 412, Error Code: PreconditionFailed)"),
            StatusReason.OBJECT_VERSION_MISMATCH),
        Arguments.of(
            new IOException(
                "The object was stored using a form of Server Side Encryption. The correct"
                    + " parameters must be provided to retrieve the object. SSE-C (Status Code: 400)"),
            StatusReason.INVALID_ENCRYPTION),
        Arguments.of(
            new IOException(
                "Requests specifying Server Side Encryption with Customer provided keys"),
            StatusReason.INVALID_ENCRYPTION),
        Arguments.of(
            new AccessDeniedException(
                "s3a://b/k",
                null,
                "KMS.DisabledException: arn:aws:kms:us-east-1:1:key/x is disabled"),
            StatusReason.INVALID_KMS_KEY),
        Arguments.of(
            new IOException("read failed", new KmsInvalidStateException("pending deletion")),
            StatusReason.INVALID_KMS_KEY),
        Arguments.of(
            new IOException("KMS.KMSInvalidStateException: key is pending deletion"),
            StatusReason.INVALID_KMS_KEY),
        Arguments.of(
            new NoSuchBucketException("The specified bucket does not exist"),
            StatusReason.NO_SUCH_BUCKET_AVAILABLE),
        Arguments.of(
            new IOException("Bucket b does not exist (NoSuchBucket)"),
            StatusReason.NO_SUCH_BUCKET_AVAILABLE),
        Arguments.of(new IOException("Connection reset"), null),
        Arguments.of(new IllegalStateException("boom"), null));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void mapsFailureToMacieReason(Throwable failure, StatusReason expected) {
    assertThat(StorageFailures.reasonFor(failure)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("failures")
  void findsTheReasonDeepInACauseChain(Throwable failure, StatusReason expected) {
    Throwable wrapped = new RuntimeException("task failed", new IOException("read", failure));
    assertThat(StorageFailures.reasonFor(wrapped)).isEqualTo(expected);
  }
}
