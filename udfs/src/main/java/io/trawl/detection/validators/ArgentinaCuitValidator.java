package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Argentine CUIT/CUIL: 11 digits (type prefix 20, 23, 24, 27 for people; 30, 33, 34 for
 * organisations), check digit 11 - (sum of weights 5,4,3,2,7,6,5,4,3,2) mod 11, where 11 reads as 0
 * and 10 is never issued (AFIP, Resolución General 10/97).
 */
public final class ArgentinaCuitValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "ARGENTINA_CUIT";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() != 11) {
      return false;
    }
    String type = d.substring(0, 2);
    if (!java.util.Set.of("20", "23", "24", "27", "30", "33", "34").contains(type)
        || Chars.sameDigit(d.substring(2, 10))) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += Chars.digit(d, i) * W[i];
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == Chars.digit(d, 10);
  }

  private static final int[] W = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
}
