package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Vehicle identification numbers (ISO 3779): 17 characters without I, O or Q. The position-9 check
 * digit (49 CFR 565.15, mandatory in North America) is verified when the VIN carries one: a VIN
 * whose ninth character is a digit or X must match it; European VINs often put other letters there
 * and are accepted on structure alone.
 */
public final class VinValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "VIN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() != 17 || s.indexOf('I') >= 0 || s.indexOf('O') >= 0 || s.indexOf('Q') >= 0) {
      return false;
    }
    // Real VINs always have letters (the manufacturer code) and digits (the serial).
    if (Chars.allDigits(s) || Chars.digits(s).length() < 3) {
      return false;
    }
    char c9 = s.charAt(8);
    if (!(c9 >= '0' && c9 <= '9' || c9 == 'X')) {
      return true;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += value(s.charAt(i)) * WEIGHTS[i];
    }
    int r = sum % 11;
    return c9 == (r == 10 ? 'X' : (char) ('0' + r));
  }

  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  /** ISO 3779 transliteration: A-H 1-8, J-N 1-5, P 7, R 9, S-Z 2-9. */
  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return "0123456780123450709234567890".charAt(c - 'A' + 1) - '0';
  }
}
