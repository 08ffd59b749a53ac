package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Spanish NIF of a person: a DNI (eight digits and letter), a NIE (X/Y/Z form) or a K, L or M NIF
 * (seven digits and the DNI letter over them), per Real Decreto 1065/2007.
 */
public final class SpainNifValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "SPAIN_NIF";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() != 9) {
      return false;
    }
    char first = s.charAt(0);
    if (first >= '0' && first <= '9') {
      return new SpainDniValidator().isValid(s);
    }
    if ("XYZ".indexOf(first) >= 0) {
      return new SpainNieValidator().isValid(s);
    }
    String body = s.substring(1, 8);
    return "KLM".indexOf(first) >= 0
        && Chars.allDigits(body)
        && !Chars.sameDigit(body)
        && SpainDniValidator.letterOk(body, s.charAt(8));
  }
}
