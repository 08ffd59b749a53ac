package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Spanish bank accounts: an ES IBAN (see {@link IbanValidator}) or a CCC (4-digit entity, 4-digit
 * office, 2 control digits, 10-digit account); each control digit is 11 - (weighted sum mod 11)
 * with weights 1,2,4,8,5,10,9,7,3,6, 11 read as 0 and 10 as 1 (Consejo Superior Bancario).
 */
public final class SpainBankAccountValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "SPAIN_BANK_ACCOUNT";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.startsWith("ES")) {
      return s.length() == 24 && new IbanValidator().isValid(s);
    }
    if (s.length() != 20 || !Chars.allDigits(s) || Chars.sameDigit(s.substring(10))) {
      return false;
    }
    int c1 = control("00" + s.substring(0, 8));
    int c2 = control(s.substring(10));
    return c1 == Chars.digit(s, 8) && c2 == Chars.digit(s, 9);
  }

  private static final int[] W = {1, 2, 4, 8, 5, 10, 9, 7, 3, 6};

  private static int control(String ten) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += Chars.digit(ten, i) * W[i];
    }
    int d = 11 - sum % 11;
    return d == 11 ? 0 : d == 10 ? 1 : d;
  }
}
