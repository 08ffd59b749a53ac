package io.trawl.extraction;

/**
 * Ends the analysis of one file ({@link #fileOnly}) or of the whole object with Macie's reason.
 * Thrown inside extraction and always turned into an {@link ExtractionOutcome}; never escapes
 * {@link ContentExtractor#extract}. No stack trace: it is control flow, not a bug.
 */
final class ExtractionStop extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final StatusReason reason;
  private final boolean fileOnly;

  private ExtractionStop(StatusReason reason, boolean fileOnly, String detail) {
    super(reason + (detail == null ? "" : ": " + detail), null, false, false);
    this.reason = reason;
    this.fileOnly = fileOnly;
  }

  /** The current file cannot be analysed; an archive holding it goes on with the next entry. */
  static ExtractionStop file(StatusReason reason, String detail) {
    return new ExtractionStop(reason, true, detail);
  }

  /** A budget of the whole object is spent (time, archive limits): stop everything. */
  static ExtractionStop object(StatusReason reason, String detail) {
    return new ExtractionStop(reason, false, detail);
  }

  StatusReason reason() {
    return reason;
  }

  boolean fileOnly() {
    return fileOnly;
  }
}
