package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Chile RUT/RUN: 7-8 digit body and a mod-11 verifier (weights 2..7 cycling from the right; 11 maps
 * to 0 and 10 to K), as published by the Servicio de Impuestos Internos.
 */
public final class ChileRutValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "CHILE_RUT";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() < 8 || s.length() > 9) {
      return false;
    }
    String body = s.substring(0, s.length() - 1);
    char dv = s.charAt(s.length() - 1);
    if (!Chars.allDigits(body) || Chars.sameDigit(body)) {
      return false;
    }
    int sum = 0;
    int w = 2;
    for (int i = body.length() - 1; i >= 0; i--) {
      sum += Chars.digit(body, i) * w;
      w = w == 7 ? 2 : w + 1;
    }
    int r = 11 - sum % 11;
    char expected = r == 11 ? '0' : r == 10 ? 'K' : (char) ('0' + r);
    return dv == expected;
  }
}
