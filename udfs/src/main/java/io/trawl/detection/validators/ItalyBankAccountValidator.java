package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Italian bank accounts: an IT IBAN (see {@link IbanValidator}) or a BBAN (CIN letter, 5-digit ABI,
 * 5-digit CAB, 12-character account) whose CIN is computed with the odd/even tables also used by
 * the codice fiscale (ABI/CNR specification of the coordinate bancarie).
 */
public final class ItalyBankAccountValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "ITALY_BANK_ACCOUNT";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.startsWith("IT")) {
      return s.length() == 27 && new IbanValidator().isValid(s);
    }
    if (s.length() != 23 || s.charAt(0) < 'A' || !Chars.allDigits(s.substring(1, 11))) {
      return false;
    }
    String body = s.substring(1);
    if (Chars.sameDigit(Chars.digits(body.substring(10)))) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      int idx = c <= '9' ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? ODD[idx] : idx;
    }
    return s.charAt(0) == (char) ('A' + sum % 26);
  }

  private static final int[] ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };
}
