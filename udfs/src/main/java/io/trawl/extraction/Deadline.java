package io.trawl.extraction;

import java.time.Duration;

/** The time budget of one object, checked cooperatively by every stream read and sink call. */
final class Deadline {
  private final long endNanos;

  Deadline(Duration budget) {
    long now = System.nanoTime();
    long nanos = budget.toNanos();
    this.endNanos = now + Math.min(nanos, Long.MAX_VALUE / 4);
  }

  long remainingNanos() {
    return endNanos - System.nanoTime();
  }

  void check() {
    if (System.nanoTime() - endNanos > 0) {
      throw ExtractionStop.object(StatusReason.TIME_CUT_OFF_REACHED, null);
    }
  }
}
