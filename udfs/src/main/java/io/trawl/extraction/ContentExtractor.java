package io.trawl.extraction;

import io.trawl.detection.ContentSink;

/**
 * Reads an object once, detects its type from content and extension, and streams its content with
 * structure into a {@link ContentSink}. Never throws for bad input: every failure becomes an
 * outcome with Macie's status and reason. One instance per task; not thread-safe. STUB: issue 4.
 */
public final class ContentExtractor {
  private final ExtractionLimits limits;

  public ContentExtractor(ExtractionLimits limits) {
    this.limits = limits;
  }

  public ExtractionLimits limits() {
    return limits;
  }

  public ExtractionOutcome extract(ObjectSource source, ContentSink sink) {
    throw new UnsupportedOperationException("issue 4");
  }
}
