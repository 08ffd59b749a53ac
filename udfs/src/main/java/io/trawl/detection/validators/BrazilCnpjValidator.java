package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Brazil CNPJ: 14 digits, two mod-11 check digits with weights 5..2,9..2 and 6..2,9..2 (Receita
 * Federal, CNPJ specification).
 */
public final class BrazilCnpjValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "BRAZIL_CNPJ";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() != 14 || Chars.sameDigit(d)) {
      return false;
    }
    return Chars.digit(d, 12) == check(d, 12) && Chars.digit(d, 13) == check(d, 13);
  }

  private static int check(String d, int n) {
    int sum = 0;
    int w = n - 7;
    for (int i = 0; i < n; i++) {
      sum += Chars.digit(d, i) * w;
      w = w == 2 ? 9 : w - 1;
    }
    int r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  }
}
