package io.trawl.extraction;

import io.trawl.detection.ContentSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads an object once, detects its type from content and extension, and streams its content with
 * structure into a {@link ContentSink}. Never throws for bad input: every failure becomes an
 * outcome with Macie's status and reason. One instance per task; not thread-safe.
 *
 * <p>Outcomes: COMPLETE when everything was analysed; SKIPPED with the reason when nothing was
 * (sizeClassified 0); PARTIAL with the reason when a budget or a failure stopped the analysis after
 * some content was delivered, or when an archive holds files that were not analysed
 * (ARCHIVE_CONTAINS_UNPROCESSED_FILES, listed in {@code unprocessedFiles}). The mapping of each
 * case to Macie's reasons is in {@code docs/extraction.md}.
 */
public final class ContentExtractor implements AutoCloseable {
  private final ExtractionLimits limits;
  private final ExtractionTools tools = new ExtractionTools();

  public ContentExtractor(ExtractionLimits limits) {
    if (limits == null) {
      throw new IllegalArgumentException("limits must not be null");
    }
    this.limits = limits;
  }

  public ExtractionLimits limits() {
    return limits;
  }

  /**
   * True if {@link #extract} would read the bytes of an object named {@code key} of {@code size}
   * bytes, false if it skips it by extension or size without reading (so callers that fetch ahead
   * never spend a GET on it).
   */
  public boolean reads(String key, long size) {
    FileKind byExtension =
        TypeDetection.kindFromExtension(new ObjectSource(key, size, () -> null).extension());
    if (byExtension == FileKind.UNSUPPORTED) {
      return false;
    }
    return byExtension == null || size <= byExtension.sizeLimit(limits);
  }

  /** Extracts {@code source} into {@code sink}; see the class comment for the outcomes. */
  public ExtractionOutcome extract(ObjectSource source, ContentSink sink) {
    String ext = source.extension();
    FileKind byExtension = TypeDetection.kindFromExtension(ext);
    if (byExtension == FileKind.UNSUPPORTED) {
      // Images, audio and video: Macie skips them by extension, without reading.
      return ExtractionOutcome.skipped(
          StatusReason.UNSUPPORTED_FILE_TYPE_EXCEPTION,
          tools.detection().mimeTypeOfName(source.key()));
    }
    if (byExtension != null && source.size() > byExtension.sizeLimit(limits)) {
      return ExtractionOutcome.skipped(
          byExtension.oversizeReason(), tools.detection().mimeTypeOfName(source.key()));
    }
    Deadline deadline = new Deadline(limits.timeBudget());
    GuardedSink guarded = new GuardedSink(sink, deadline);
    Extraction extraction = new Extraction(tools, limits, deadline, guarded);
    InputStream raw;
    try {
      raw = source.opener().open();
    } catch (IOException | RuntimeException e) {
      StatusReason reason = StorageFailures.reasonFor(e);
      return ExtractionOutcome.skipped(
          reason == null ? StatusReason.UNABLE_TO_PARSE_FILE : reason,
          tools.detection().mimeTypeOfName(source.key()));
    }
    try (BudgetedStream in = new BudgetedStream(raw, deadline, true)) {
      extraction.extractFile(in, source.key(), null, source.size(), 0);
      return finished(extraction);
    } catch (ExtractionStop stop) {
      return stopped(extraction, stop.reason());
    } catch (IOException | RuntimeException e) {
      return stopped(extraction, Extraction.toStop(e, null).reason());
    } finally {
      guarded.close();
    }
  }

  private ExtractionOutcome finished(Extraction x) {
    if (x.unprocessedCount > 0) {
      return new ExtractionOutcome(
          ClassificationStatus.partial(StatusReason.ARCHIVE_CONTAINS_UNPROCESSED_FILES),
          x.topMimeType,
          x.classifiedBytes,
          x.unprocessed);
    }
    return new ExtractionOutcome(
        ClassificationStatus.COMPLETE, x.topMimeType, x.classifiedBytes, List.of());
  }

  private ExtractionOutcome stopped(Extraction x, StatusReason reason) {
    String mime = x.topMimeType == null ? "application/octet-stream" : x.topMimeType;
    if (x.analysedAnything()) {
      return new ExtractionOutcome(
          ClassificationStatus.partial(reason), mime, x.classifiedBytes, x.unprocessed);
    }
    return new ExtractionOutcome(ClassificationStatus.skipped(reason), mime, 0, x.unprocessed);
  }

  /** Stops the parse worker thread, if one was started. */
  @Override
  public void close() {
    tools.close();
  }
}
