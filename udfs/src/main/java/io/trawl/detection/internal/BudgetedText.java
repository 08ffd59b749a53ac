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

  private final String text;
  private final int offset;
  private final int length;
  private long budget;

  BudgetedText(String text, int start, int end, long budget) {
    this.text = text;
    this.offset = start;
    this.length = end - start;
    this.budget = budget;
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
