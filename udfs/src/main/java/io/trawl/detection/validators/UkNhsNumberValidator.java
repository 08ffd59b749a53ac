package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * UK NHS numbers: 10 digits, mod-11 check digit with weights 10..2 (NHS Data Dictionary, "NHS
 * Number"); a remainder giving 10 means the number is never issued.
 */
public final class UkNhsNumberValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "UK_NHS";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() != 10 || Chars.sameDigit(d)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += Chars.digit(d, i) * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == Chars.digit(d, 9);
  }
}
