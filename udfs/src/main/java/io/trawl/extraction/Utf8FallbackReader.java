package io.trawl.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8; a byte that is not part of a valid sequence is read as its Latin-1 character. So a
 * mostly-UTF-8 file with a few Latin-1 bytes keeps all its text, and the decoder never replaces
 * data with U+FFFD.
 */
final class Utf8FallbackReader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
  private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
  private boolean eof;

  Utf8FallbackReader(InputStream in) {
    this.in = in;
    bytes.flip();
    chars.flip();
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    return n;
  }

  /** Decodes more characters; false at the end of input. */
  private boolean fill() throws IOException {
    chars.clear();
    try {
      while (chars.position() == 0) {
        if (!bytes.hasRemaining() || bytes.remaining() < 4 && !eof) {
          if (eof && !bytes.hasRemaining()) {
            return false;
          }
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            eof = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
          if (eof && !bytes.hasRemaining()) {
            return false;
          }
        }
        CoderResult result = decoder.decode(bytes, chars, eof);
        if (result.isError()) {
          for (int i = 0; i < result.length() && chars.hasRemaining(); i++) {
            chars.put((char) (bytes.get() & 0xFF));
          }
        } else if (result.isUnderflow() && eof && bytes.hasRemaining()) {
          chars.put((char) (bytes.get() & 0xFF));
        }
      }
      return true;
    } finally {
      chars.flip();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
