package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Numbers that are plausibly issued: rejects all-same digits (000000000, 99999999, used as
 * placeholders and named as exclusions by Macie) and straight ascending or descending runs
 * (123456789, 987654321).
 */
public final class NonTrivialDigitsValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "NOT_TRIVIAL";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() < 2 || Chars.sameDigit(d)) {
      return false;
    }
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < d.length(); i++) {
      int diff = d.charAt(i) - d.charAt(i - 1);
      up &= diff == 1 || diff == -9;
      down &= diff == -1 || diff == 9;
    }
    return !up && !down;
  }
}
