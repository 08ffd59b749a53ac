package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Australian tax file numbers: 8 or 9 digits whose weighted sum (weights 1,4,3,7,5,8,6,9,10 for
 * nine digits; 10,7,8,4,6,3,5,1 for eight) is divisible by 11 (Australian Taxation Office TFN
 * algorithm).
 */
public final class AustraliaTfnValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "AUSTRALIA_TFN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    int[] w = d.length() == 9 ? W9 : d.length() == 8 ? W8 : null;
    if (w == null || Chars.sameDigit(d)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < d.length(); i++) {
      sum += Chars.digit(d, i) * w[i];
    }
    return sum % 11 == 0;
  }

  private static final int[] W9 = {1, 4, 3, 7, 5, 8, 6, 9, 10};
  private static final int[] W8 = {10, 7, 8, 4, 6, 3, 5, 1};
}
