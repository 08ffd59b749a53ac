package io.trawl.detection.internal;

/** A window of a String without copying it, for RE2J. */
final class TextView implements CharSequence {
  private final String text;
  private final int offset;
  private final int length;

  TextView(String text, int start, int end) {
    this.text = text;
    this.offset = start;
    this.length = end - start;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return text.charAt(offset + index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new TextView(text, offset + start, offset + end);
  }

  @Override
  public String toString() {
    return text.substring(offset, offset + length);
  }
}
