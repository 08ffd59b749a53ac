package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Spanish CIF (organisation tax code, now NIF of legal entities): an entity-type letter, seven
 * digits and a control character computed Luhn-style over the digits (Real Decreto 1065/2007 and
 * Orden EHA/451/2008). Types P, Q, R, S, N, W use a letter control; A, B, E, H a digit.
 */
public final class SpainCifValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "SPAIN_CIF";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() != 9 || "ABCDEFGHJNPQRSUVW".indexOf(s.charAt(0)) < 0) {
      return false;
    }
    String body = s.substring(1, 8);
    if (!Chars.allDigits(body) || Chars.sameDigit(body)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      int d = Chars.digit(body, i);
      if (i % 2 == 0) {
        d *= 2;
        sum += d / 10 + d % 10;
      } else {
        sum += d;
      }
    }
    int c = (10 - sum % 10) % 10;
    char control = s.charAt(8);
    char letter = "JABCDEFGHI".charAt(c);
    char digit = (char) ('0' + c);
    char type = s.charAt(0);
    if ("PQRSNW".indexOf(type) >= 0) {
      return control == letter;
    }
    if ("ABEH".indexOf(type) >= 0) {
      return control == digit;
    }
    return control == letter || control == digit;
  }
}
