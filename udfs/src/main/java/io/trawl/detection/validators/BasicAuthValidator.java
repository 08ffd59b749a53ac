package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * HTTP Basic credentials (RFC 7617): the token after {@code Basic} must be base64 of {@code
 * user-id:password}, so it decodes to text containing a colon.
 */
public final class BasicAuthValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "BASIC_AUTH";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = match.toString();
    int k = s.toLowerCase(java.util.Locale.ROOT).lastIndexOf("basic");
    if (k < 0) {
      return false;
    }
    String token = s.substring(k + 5).trim();
    try {
      byte[] raw = java.util.Base64.getDecoder().decode(token);
      String decoded = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0 || decoded.length() < 3) {
        return false;
      }
      for (int i = 0; i < decoded.length(); i++) {
        if (Character.isISOControl(decoded.charAt(i))) {
          return false;
        }
      }
      return true;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}
