package io.trawl.extraction;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a failure to open or read an object from storage to Macie's reason: access denied ->
 * PERMISSION_DENIED, SSE-C or unusable key -> INVALID_ENCRYPTION / INVALID_KMS_KEY, not found ->
 * SOURCE_OBJECT_NO_LONGER_AVAILABLE, changed while reading -> OBJECT_VERSION_MISMATCH, bucket gone
 * -> NO_SUCH_BUCKET_AVAILABLE.
 *
 * <p>Matching is by class simple name and message text so that udfs needs neither hadoop-aws nor
 * the AWS SDK: S3A and EMRFS wrap the SDK's errors in their own exceptions but keep the S3 error
 * code ({@code AccessDenied}, {@code NoSuchKey}, ...) or the HTTP status in the message.
 */
public final class StorageFailures {
  private StorageFailures() {}

  /** The reason for {@code failure}, or null if it is not a storage failure Macie names. */
  public static StatusReason reasonFor(Throwable failure) {
    // Walk the whole chain first for the most specific signals, then for the generic ones: an
    // S3A AccessDeniedException may wrap an SDK error that names the KMS key as the cause.
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    StatusReason generic = null;
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      StatusReason specific = specificReason(t);
      if (specific != null) {
        return specific;
      }
      if (generic == null) {
        generic = genericReason(t);
      }
    }
    return generic;
  }

  private static StatusReason specificReason(Throwable t) {
    String name = t.getClass().getSimpleName();
    String message = String.valueOf(t.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (name.equals("RemoteFileChangedException")
        || message.contains("PreconditionFailed")
        || lower.contains("412 precondition failed")
        || lower.contains("status code: 412")
        || lower.contains("status code 412")) {
      return StatusReason.OBJECT_VERSION_MISMATCH;
    }
    if (message.contains("KMS.DisabledException")
        || message.contains("KMS.KMSInvalidStateException")
        || message.contains("KMS.NotFoundException")
        || name.equals("DisabledException")
        || name.equals("KmsInvalidStateException")) {
      return StatusReason.INVALID_KMS_KEY;
    }
    if (lower.contains("customer-provided")
        || lower.contains("customer provided")
        || lower.contains("sse-c")
        || lower.contains("sse_c")) {
      return StatusReason.INVALID_ENCRYPTION;
    }
    if (name.equals("NoSuchBucketException") || message.contains("NoSuchBucket")) {
      return StatusReason.NO_SUCH_BUCKET_AVAILABLE;
    }
    return null;
  }

  private static StatusReason genericReason(Throwable t) {
    String name = t.getClass().getSimpleName();
    String message = String.valueOf(t.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (t instanceof AccessDeniedException
        || name.equals("AccessDeniedException")
        || message.contains("AccessDenied")
        || lower.contains("access denied")
        || lower.contains("status code: 403")
        || lower.contains("status code 403")
        || lower.contains("403 forbidden")) {
      return StatusReason.PERMISSION_DENIED;
    }
    if (t instanceof FileNotFoundException
        || t instanceof NoSuchFileException
        || name.equals("NoSuchKeyException")
        || message.contains("NoSuchKey")
        || lower.contains("status code: 404")
        || lower.contains("status code 404")
        || lower.contains("404 not found")) {
      return StatusReason.SOURCE_OBJECT_NO_LONGER_AVAILABLE;
    }
    return null;
  }
}
