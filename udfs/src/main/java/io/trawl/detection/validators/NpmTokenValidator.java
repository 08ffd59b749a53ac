package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * npm access tokens: {@code npm_} + 36 base62 characters whose last six are the CRC32 checksum of
 * the first 30 (npm blog, "Announcing npm's new access token format", 2021).
 */
public final class NpmTokenValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "NPM_TOKEN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = match.toString();
    return s.length() == 40 && s.startsWith("npm_") && Base62Crc32.valid(s.substring(4));
  }
}
