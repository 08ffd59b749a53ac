package io.trawl.detection;

import java.io.Serializable;

/**
 * A finder for identifiers that a regex alone cannot express (full names from dictionaries, postal
 * addresses with matching postal codes). It scans a text in linear time and reports spans.
 * Registered by name in {@link Validators#finder}.
 */
public interface MatchFinder extends Serializable {

  /** Reports each match in {@code text} as [start, end) character offsets. */
  void find(CharSequence text, SpanConsumer out);

  /** Receives spans. */
  @FunctionalInterface
  interface SpanConsumer {
    void accept(int start, int end);
  }
}
