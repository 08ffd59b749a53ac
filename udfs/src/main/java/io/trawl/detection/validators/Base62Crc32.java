package io.trawl.detection.validators;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum GitHub and npm put in the last six characters of their tokens: CRC32 of the random
 * part, base62-encoded (0-9, A-Z, a-z) and left-padded with zeros ("Behind GitHub's new
 * authentication token formats", GitHub blog, 2021-04-05; npm's 2021-09-23 token format post).
 */
final class Base62Crc32 {
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Base62Crc32() {}

  /** True if the last six characters of {@code body} are the base62 CRC32 of the rest. */
  static boolean valid(String body) {
    if (body.length() <= 6) {
      return false;
    }
    String random = body.substring(0, body.length() - 6);
    String sum = body.substring(body.length() - 6);
    long decoded = 0;
    for (int i = 0; i < sum.length(); i++) {
      int v = ALPHABET.indexOf(sum.charAt(i));
      if (v < 0) {
        return false;
      }
      decoded = decoded * 62 + v;
    }
    CRC32 crc = new CRC32();
    crc.update(random.getBytes(StandardCharsets.US_ASCII));
    return crc.getValue() == decoded;
  }

  /** The six-character checksum of {@code random} (used by tests to build valid tokens). */
  static String checksum(String random) {
    CRC32 crc = new CRC32();
    crc.update(random.getBytes(StandardCharsets.US_ASCII));
    long v = crc.getValue();
    char[] out = new char[6];
    for (int i = 5; i >= 0; i--) {
      out[i] = ALPHABET.charAt((int) (v % 62));
      v /= 62;
    }
    return new String(out);
  }
}
