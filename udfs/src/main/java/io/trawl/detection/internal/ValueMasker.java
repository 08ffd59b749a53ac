package io.trawl.detection.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masked samples and keyed hashes, so no raw value ever leaves the engine. A masked sample keeps
 * separators and only the last 4 letters or digits of values with at least {@value
 * #MIN_REVEALING_LENGTH} of them ({@code 123-45-6789} becomes {@code ***-**-6789}); shorter values
 * (CVVs, dates) are masked completely. The hash is HMAC-SHA256 of the normalised value (spaces,
 * {@code - . /} removed) under the engine's key, hex, truncated to 32 characters: equal values get
 * equal hashes within one key, and nothing can be recovered without the key.
 *
 * <p>Not thread-safe (holds a {@link Mac}); one per scan.
 */
public final class ValueMasker {
  static final int MIN_REVEALING_LENGTH = 8;
  static final int REVEALED = 4;
  static final int MAX_SAMPLE_LENGTH = 64;
  static final int HASH_HEX_LENGTH = 32;

  /** Used when no key is configured; hashes then only group values, they are not secret. */
  static final String DEFAULT_KEY = "trawl-default-hash-key";

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Mac mac;

  public ValueMasker(String hashKey) {
    String key = hashKey == null || hashKey.isEmpty() ? DEFAULT_KEY : hashKey;
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** The masked form of {@code value}: separators kept, letters and digits replaced by '*'. */
  public static String mask(CharSequence value) {
    int alnum = 0;
    for (int i = 0; i < value.length(); i++) {
      if (Character.isLetterOrDigit(value.charAt(i))) {
        alnum++;
      }
    }
    int keep = alnum >= MIN_REVEALING_LENGTH ? REVEALED : 0;
    StringBuilder sb = new StringBuilder(value.length());
    int seen = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        seen++;
        sb.append(seen > alnum - keep ? c : '*');
      } else {
        sb.append(Character.isWhitespace(c) ? ' ' : c);
      }
    }
    if (sb.length() > MAX_SAMPLE_LENGTH) {
      // Long values (private keys, tokens): keep the shape of the start and the revealed tail.
      int tail = MAX_SAMPLE_LENGTH / 2;
      return sb.substring(0, MAX_SAMPLE_LENGTH - tail - 3)
          + "..."
          + sb.substring(sb.length() - tail);
    }
    return sb.toString();
  }

  /** The value with spaces and the separators {@code - . /} removed (case kept). */
  public static String normalise(CharSequence value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isWhitespace(c) && c != '-' && c != '.' && c != '/') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Keyed hash of the normalised value, 32 hex characters. */
  public String hash(CharSequence value) {
    byte[] digest = mac.doFinal(normalise(value).getBytes(StandardCharsets.UTF_8));
    char[] out = new char[HASH_HEX_LENGTH];
    for (int i = 0; i < HASH_HEX_LENGTH / 2; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }
}
