package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * AWS secret access keys: 40 characters of base64 alphabet. Real keys are random, so they mix upper
 * case, lower case and digits; this rejects hex digests (git SHA-1s), words and padding that the
 * shape alone would accept.
 */
public final class AwsSecretKeyValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "AWS_SECRET_KEY";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = match.toString();
    if (s.length() != 40) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    return upper && lower && digit;
  }
}
