package io.trawl.extraction;

import io.trawl.detection.ContentSink;

/**
 * Turns a stream of characters into {@link ContentSink#text} blocks of complete lines, numbered
 * from 1 and continuous across blocks. Line breaks are LF, CRLF or a lone CR. A line longer than
 * the block size is cut into pieces that all carry its line number (the only way to stay within
 * bounded memory on a single-line file); a value straddling such a cut can be missed.
 */
final class LineBlocks {
  /** About 512 K characters per block: 0.5-1 MB, within the sink's expected block size. */
  static final int BLOCK_CHARS = 1 << 19;

  private final ContentSink sink;
  private final int blockChars;
  private final StringBuilder block;
  private long nextLine = 1;
  private long blockFirstLine = 1;
  private int lastLineStart;
  private boolean pendingCr;

  LineBlocks(ContentSink sink) {
    this(sink, BLOCK_CHARS);
  }

  LineBlocks(ContentSink sink, int blockChars) {
    this.sink = sink;
    this.blockChars = blockChars;
    this.block = new StringBuilder(Math.min(blockChars, 8192) + 16);
  }

  void append(char[] chars, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end) {
      if (pendingCr) {
        pendingCr = false;
        if (chars[i] == '\n') {
          i++; // CRLF: the CR already ended the line
          continue;
        }
      }
      int j = i;
      while (j < end && chars[j] != '\n' && chars[j] != '\r') {
        j++;
      }
      appendRun(chars, i, j - i);
      if (j == end) {
        return;
      }
      pendingCr = chars[j] == '\r';
      endLine();
      i = j + 1;
    }
  }

  /** Appends characters without line breaks, cutting a line longer than the block size. */
  private void appendRun(char[] chars, int off, int len) {
    while (len > 0) {
      int room = blockChars - (block.length() - lastLineStart);
      int take = Math.min(len, Math.max(room, 0));
      block.append(chars, off, take);
      off += take;
      len -= take;
      if (block.length() - lastLineStart >= blockChars) {
        flushPartialLine();
      }
    }
  }

  void append(CharSequence chars) {
    for (int i = 0; i < chars.length(); i++) {
      append(chars.charAt(i));
    }
  }

  void append(char c) {
    if (pendingCr) {
      pendingCr = false;
      if (c == '\n') {
        return; // CRLF: the CR already ended the line
      }
    }
    if (c == '\r') {
      pendingCr = true;
      endLine();
      return;
    }
    if (c == '\n') {
      endLine();
      return;
    }
    block.append(c);
    if (block.length() - lastLineStart >= blockChars) {
      // One very long line: deliver what we have so far as part of this line.
      flushPartialLine();
    }
  }

  /** Appends a whole line (without its terminator). */
  void line(CharSequence line) {
    append(line);
    endLine();
  }

  private void endLine() {
    block.append('\n');
    nextLine++;
    lastLineStart = block.length();
    if (block.length() >= blockChars) {
      flush();
    }
  }

  private void flushPartialLine() {
    if (lastLineStart > 0) {
      // Complete lines first, then the long line's piece on its own.
      String rest = block.substring(lastLineStart);
      block.setLength(lastLineStart);
      flush();
      block.append(rest);
    }
    sink.text(block, nextLine);
    block.setLength(0);
    lastLineStart = 0;
    blockFirstLine = nextLine;
  }

  /** Delivers the complete lines buffered so far (and an unterminated last line). */
  void flush() {
    if (block.length() > 0) {
      int len = block.length();
      if (block.charAt(len - 1) == '\n') {
        block.setLength(len - 1); // the block's last line needs no terminator
      }
      sink.text(block, blockFirstLine);
      block.setLength(0);
      lastLineStart = 0;
    }
    blockFirstLine = nextLine;
  }

  /** The number of the line being written now (1-based). */
  long currentLine() {
    return nextLine;
  }
}
