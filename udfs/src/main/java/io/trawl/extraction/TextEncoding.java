package io.trawl.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a non-binary text file, sniffed from its first bytes: a BOM (UTF-8, UTF-16 LE/BE)
 * wins; UTF-16 without BOM is recognised by its zero bytes; otherwise valid UTF-8 is UTF-8 and
 * anything else is Latin-1. A file sniffed as UTF-8 that later holds invalid sequences keeps going:
 * each invalid byte is read as its Latin-1 character instead of a replacement character, so nothing
 * is silently lost. Content with zero bytes or many control characters is binary (null).
 */
record TextEncoding(Charset charset, int bomLength) {

  static final TextEncoding UTF8 = new TextEncoding(StandardCharsets.UTF_8, 0);

  /** The encoding of {@code sample[0..len)}, or null if the bytes look binary. */
  static TextEncoding sniff(byte[] sample, int len, boolean truncated) {
    if (len >= 3
        && (sample[0] & 0xFF) == 0xEF
        && (sample[1] & 0xFF) == 0xBB
        && (sample[2] & 0xFF) == 0xBF) {
      return new TextEncoding(StandardCharsets.UTF_8, 3);
    }
    if (len >= 2 && (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF) {
      return new TextEncoding(StandardCharsets.UTF_16BE, 2);
    }
    if (len >= 2 && (sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE) {
      return new TextEncoding(StandardCharsets.UTF_16LE, 2);
    }
    int zerosEven = 0;
    int zerosOdd = 0;
    int controls = 0;
    for (int i = 0; i < len; i++) {
      int b = sample[i] & 0xFF;
      if (b == 0) {
        if ((i & 1) == 0) {
          zerosEven++;
        } else {
          zerosOdd++;
        }
      } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B
          || b == 0x7F) {
        controls++;
      }
    }
    int half = len / 2;
    if (half >= 2 && zerosOdd > half * 0.4 && zerosEven < half * 0.05) {
      return new TextEncoding(StandardCharsets.UTF_16LE, 0);
    }
    if (half >= 2 && zerosEven > half * 0.4 && zerosOdd < half * 0.05) {
      return new TextEncoding(StandardCharsets.UTF_16BE, 0);
    }
    if (zerosEven + zerosOdd > 0 || controls > len / 50 + 1) {
      return null;
    }
    return validUtf8(sample, len, truncated)
        ? UTF8
        : new TextEncoding(StandardCharsets.ISO_8859_1, 0);
  }

  /** A reader over {@code in} positioned after the BOM. */
  Reader reader(InputStream in) throws IOException {
    if (bomLength > 0) {
      in.readNBytes(bomLength);
    }
    if (charset.equals(StandardCharsets.UTF_8)) {
      return new Utf8FallbackReader(in);
    }
    return new InputStreamReader(in, charset);
  }

  static boolean validUtf8(byte[] b, int len, boolean truncated) {
    int i = 0;
    while (i < len) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
      } else {
        return false;
      }
      for (int k = 1; k <= n; k++) {
        if (i + k >= len) {
          return truncated; // the sample may have cut the last character in two
        }
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += n + 1;
    }
    return true;
  }
}
