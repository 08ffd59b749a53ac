package io.trawl.extraction;

/** Macie's {@code status {code, reason}}; the reason is null exactly when the code is COMPLETE. */
public record ClassificationStatus(StatusCode code, StatusReason reason) {
  public static final ClassificationStatus COMPLETE =
      new ClassificationStatus(StatusCode.COMPLETE, null);

  public ClassificationStatus {
    if (code == null || (code == StatusCode.COMPLETE) != (reason == null)) {
      throw new IllegalArgumentException("COMPLETE has no reason; PARTIAL and SKIPPED need one");
    }
  }

  public static ClassificationStatus partial(StatusReason reason) {
    return new ClassificationStatus(StatusCode.PARTIAL, reason);
  }

  public static ClassificationStatus skipped(StatusReason reason) {
    return new ClassificationStatus(StatusCode.SKIPPED, reason);
  }
}
