package io.trawl.detection.internal;

/**
 * A window of a String for {@link java.util.regex}, which backtracks: every character read is
 * counted, and past the budget {@link #charAt} throws {@link #EXHAUSTED}, so the caller can fall
 * back to RE2J. This keeps the fast engine's worst case linear in the window length.
 */
final class BudgetedText implements CharSequence {
  /** Thrown (preallocated, no stack trace) when a window used up its budget. */
  static final RuntimeException EXHAUSTED =
      new RuntimeException("regex budget exhausted", null, false, false) {
        private static final long serialVersionUID = 1L;
      };

  private String text;
  private int offset;
  private int length;
  private long budget;

  /** An empty text, for a scan that reuses one instance (and its matchers) for every piece. */
  BudgetedText() {
    this("", 0, 0, 0);
  }

  BudgetedText(String text, int start, int end, long budget) {
    this.text = text;
    this.offset = start;
    this.length = end - start;
    this.budget = budget;
  }

  /** Makes this the whole of {@code piece}; matchers over it must be reset or given a region. */
  void reset(String piece) {
    this.text = piece;
    this.offset = 0;
    this.length = piece.length();
  }

  /** Sets the number of characters that may still be read. */
  void budget(long characters) {
    this.budget = characters;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (--budget < 0) {
      throw EXHAUSTED;
    }
    return text.charAt(offset + index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(offset + start, offset + end);
  }

  @Override
  public String toString() {
    return text.substring(offset, offset + length);
  }
}
