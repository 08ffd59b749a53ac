package io.trawl.extraction;

/** Macie's classification status code ({@code ClassificationResultStatus.code}). */
public enum StatusCode {
  /** The whole object was analysed. */
  COMPLETE,
  /** Only part of the object was analysed; the reason says why. */
  PARTIAL,
  /** The object was not analysed; the reason says why. */
  SKIPPED
}
