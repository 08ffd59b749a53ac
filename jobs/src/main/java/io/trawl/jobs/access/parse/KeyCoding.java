package io.trawl.jobs.access.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of object keys in server access logs. The key field is URL-encoded twice for
 * most operations but once for {@code BATCH.DELETE.OBJECT} and {@code S3.EXPIRE.OBJECT} (Yelp's
 * finding, see aws-integration.md section 5.1), so decoding depends on the operation. Only {@code
 * %XX} is decoded ({@code +} stays a plus: S3 keys may contain it); a malformed escape is kept as
 * it is rather than failing the line.
 */
public final class KeyCoding {
  private KeyCoding() {}

  /** How many times the key field of {@code operation} is percent-encoded. */
  public static int encodings(String operation) {
    return "BATCH.DELETE.OBJECT".equals(operation) || "S3.EXPIRE.OBJECT".equals(operation) ? 1 : 2;
  }

  /** Decodes a logged key field of {@code operation}. */
  public static String decodeLogged(String operation, String field) {
    String s = field;
    for (int i = 0; i < encodings(operation); i++) {
      s = percentDecode(s);
    }
    return s;
  }

  /** Encodes a key as {@code operation} logs it (the inverse of {@link #decodeLogged}). */
  public static String encodeLogged(String operation, String key) {
    String s = key;
    for (int i = 0; i < encodings(operation); i++) {
      s = percentEncode(s);
    }
    return s;
  }

  /** Decodes {@code %XX} escapes as UTF-8; leaves malformed escapes and {@code +} as they are. */
  public static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Percent-encodes everything but unreserved characters and {@code /}. */
  public static String percentEncode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~'
          || c == '/') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
