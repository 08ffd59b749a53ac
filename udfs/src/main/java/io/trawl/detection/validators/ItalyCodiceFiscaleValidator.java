package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Italian codice fiscale: 16 characters whose last is a check letter from the odd/even position
 * tables of Decreto Ministeriale 23 dicembre 1976 (omocodia letters LMNPQRSTUV allowed in digit
 * positions).
 */
public final class ItalyCodiceFiscaleValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "ITALY_CODICE_FISCALE";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() != 16) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = s.charAt(i);
      int idx = c <= '9' ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? ODD[idx] : idx;
    }
    int month = "ABCDEHLMPRST".indexOf(s.charAt(8));
    return month >= 0 && s.charAt(15) == (char) ('A' + sum % 26);
  }

  /** Values of characters in odd (1st, 3rd, ...) positions; digits share the values of A-J. */
  private static final int[] ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };
}
