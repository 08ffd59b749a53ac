package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Spanish NIE (foreigner identity number): X, Y or Z (read as 0, 1, 2), seven digits and the DNI
 * control letter over the resulting eight digits (Orden INT/2058/2008).
 */
public final class SpainNieValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "SPAIN_NIE";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() != 9 || "XYZ".indexOf(s.charAt(0)) < 0) {
      return false;
    }
    String body = s.substring(1, 8);
    return Chars.allDigits(body)
        && !Chars.sameDigit(body)
        && SpainDniValidator.letterOk("XYZ".indexOf(s.charAt(0)) + body, s.charAt(8));
  }
}
