package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * GitHub tokens. Classic tokens ({@code ghp_ gho_ ghu_ ghs_ ghr_} + 36 base62 characters) end in a
 * CRC32 checksum of their 30 random characters, which is verified; fine-grained tokens ({@code
 * github_pat_} + 22 + {@code _} + 59) publish no checksum and are accepted on structure.
 */
public final class GithubTokenValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "GITHUB_TOKEN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = match.toString();
    if (s.startsWith("github_pat_")) {
      return s.length() == 93 && s.charAt(33) == '_';
    }
    if (s.length() != 40 || !s.startsWith("gh") || s.charAt(3) != '_') {
      return false;
    }
    return "pousr".indexOf(s.charAt(2)) >= 0 && Base62Crc32.valid(s.substring(4));
  }
}
