package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * US DEA registration numbers: two letters (registrant type, then surname initial or 9) and seven
 * digits whose last is (d1 + d3 + d5 + 2 * (d2 + d4 + d6)) mod 10 (DEA Diversion Control Division,
 * registration number format).
 */
public final class UsDeaNumberValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "US_DEA";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() != 9 || "ABCDEFGHJKLMPRSTUX".indexOf(s.charAt(0)) < 0) {
      return false;
    }
    char second = s.charAt(1);
    if (!(second >= 'A' && second <= 'Z' || second == '9')) {
      return false;
    }
    String d = s.substring(2);
    if (!Chars.allDigits(d) || Chars.sameDigit(d)) {
      return false;
    }
    int odd = Chars.digit(d, 0) + Chars.digit(d, 2) + Chars.digit(d, 4);
    int even = Chars.digit(d, 1) + Chars.digit(d, 3) + Chars.digit(d, 5);
    return (odd + 2 * even) % 10 == Chars.digit(d, 6);
  }
}
