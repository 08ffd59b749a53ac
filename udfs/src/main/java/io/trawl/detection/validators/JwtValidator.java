package io.trawl.detection.validators;

import io.trawl.detection.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * JSON Web Tokens (RFC 7519, JWS compact serialisation RFC 7515): three base64url segments, the
 * first decoding to a JSON object with an {@code alg} member; the signature may be empty (unsigned
 * tokens, {@code alg: none}).
 */
public final class JwtValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "JWT";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = match.toString();
    int dot = s.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    try {
      String header =
          new String(Base64.getUrlDecoder().decode(s.substring(0, dot)), StandardCharsets.UTF_8)
              .trim();
      int second = s.indexOf('.', dot + 1);
      if (second < 0) {
        return false;
      }
      String payload =
          new String(
                  Base64.getUrlDecoder().decode(s.substring(dot + 1, second)),
                  StandardCharsets.UTF_8)
              .trim();
      return header.startsWith("{")
          && header.contains("\"alg\"")
          && payload.startsWith("{")
          && payload.endsWith("}");
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}
