package io.trawl.extraction;

import io.trawl.detection.ContentSink;
import java.util.List;

/**
 * Wraps the caller's sink for one object: checks the deadline on every call, remembers whether any
 * content was delivered (PARTIAL vs SKIPPED), and can be closed so that a parse abandoned by the
 * watchdog, still running on its own thread, can never write into the next object's results.
 */
final class GuardedSink implements ContentSink {
  private final ContentSink delegate;
  private final Deadline deadline;
  private boolean delivered;
  private boolean closed;

  GuardedSink(ContentSink delegate, Deadline deadline) {
    this.delegate = delegate;
    this.deadline = deadline;
  }

  synchronized boolean delivered() {
    return delivered;
  }

  /** After this, every call throws; called when the object's extraction returns. */
  synchronized void close() {
    closed = true;
  }

  private void enter() {
    if (closed) {
      throw ExtractionStop.object(StatusReason.TIME_CUT_OFF_REACHED, "abandoned parse");
    }
    deadline.check();
  }

  @Override
  public synchronized void text(CharSequence block, long firstLine) {
    enter();
    delivered = true;
    delegate.text(block, firstLine);
  }

  @Override
  public synchronized void cell(
      CharSequence value, long row, long column, String columnName, String cellReference) {
    enter();
    delivered = true;
    delegate.cell(value, row, column, columnName, cellReference);
  }

  @Override
  public synchronized void record(
      CharSequence value, long recordIndex, String jsonPath, List<String> pathElementNames) {
    enter();
    delivered = true;
    delegate.record(value, recordIndex, jsonPath, pathElementNames);
  }

  @Override
  public synchronized void page(CharSequence text, long pageNumber) {
    enter();
    delivered = true;
    delegate.page(text, pageNumber);
  }

  @Override
  public synchronized void beginEmbedded(String path) {
    enter();
    delegate.beginEmbedded(path);
  }

  @Override
  public synchronized void endEmbedded() {
    // No deadline check: begin/end must stay balanced even when time ran out inside the file.
    if (!closed) {
      delegate.endEmbedded();
    }
  }
}
