package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Brazil CPF: 11 digits, two mod-11 check digits with weights 10..2 and 11..2 (Receita Federal,
 * Instrução Normativa RFB 1548/2015).
 */
public final class BrazilCpfValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "BRAZIL_CPF";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() != 11 || Chars.sameDigit(d)) {
      return false;
    }
    return Chars.digit(d, 9) == check(d, 9) && Chars.digit(d, 10) == check(d, 10);
  }

  private static int check(String d, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Chars.digit(d, i) * (n + 1 - i);
    }
    int r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  }
}
