package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Colombian NIT: a body of up to 15 digits and a verification digit from the DIAN prime weights 3,
 * 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71 (right to left); r = sum mod 11, digit = r
 * if r < 2 else 11 - r (DIAN, Orden Administrativa 4 de 1989).
 */
public final class ColombiaNitValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "COLOMBIA_NIT";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() < 7 || d.length() > 16) {
      return false;
    }
    String body = d.substring(0, d.length() - 1);
    if (Chars.sameDigit(body)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += Chars.digit(body, body.length() - 1 - i) * W[i];
    }
    int r = sum % 11;
    return (r < 2 ? r : 11 - r) == Chars.digit(d, d.length() - 1);
  }

  private static final int[] W = {3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71};
}
