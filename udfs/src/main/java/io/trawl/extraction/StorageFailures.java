package io.trawl.extraction;

/**
 * Maps a failure to open or read an object from storage to Macie's reason: access denied ->
 * PERMISSION_DENIED, SSE-C or unusable key -> INVALID_ENCRYPTION / INVALID_KMS_KEY, not found ->
 * SOURCE_OBJECT_NO_LONGER_AVAILABLE, changed while reading -> OBJECT_VERSION_MISMATCH. STUB.
 */
public final class StorageFailures {
  private StorageFailures() {}

  /** The reason for {@code failure}, or null if it is not a storage failure Macie names. */
  public static StatusReason reasonFor(Throwable failure) {
    throw new UnsupportedOperationException("issue 4");
  }
}
