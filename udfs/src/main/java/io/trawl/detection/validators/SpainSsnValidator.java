package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Spanish social security numbers (número de afiliación): 12 digits, province code 01-53 or 66,
 * then the last two digits equal the first ten taken as a number mod 97 (Tesorería General de la
 * Seguridad Social).
 */
public final class SpainSsnValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "SPAIN_SSN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() != 12 || Chars.sameDigit(d.substring(2, 10))) {
      return false;
    }
    int province = Integer.parseInt(d.substring(0, 2));
    if (province < 1 || province > 53 && province != 66) {
      return false;
    }
    return Long.parseLong(d.substring(0, 10)) % 97 == Integer.parseInt(d.substring(10));
  }
}
