package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Indian Aadhaar numbers: 12 digits, first digit 2-9, Verhoeff check digit (J. Verhoeff, "Error
 * Detecting Decimal Codes", 1969; UIDAI Aadhaar specification).
 */
public final class VerhoeffValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "VERHOEFF";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() != 12 || d.charAt(0) < '2' || Chars.sameDigit(d)) {
      return false;
    }
    int c = 0;
    for (int i = 0; i < d.length(); i++) {
      int digit = d.charAt(d.length() - 1 - i) - '0';
      c = D[c][P[i % 8][digit]];
    }
    return c == 0;
  }

  private static final int[][] D = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
    {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
    {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
  };
  private static final int[][] P = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
    {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
    {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
    {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
    {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
  };
}
