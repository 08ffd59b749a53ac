package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * German identity card (Personalausweis) document numbers since 2010: nine characters from C F G H
 * J K L M N P R T V W X Y Z and digits, starting with a letter, optionally followed by the ICAO
 * 9303 check digit (weights 7, 3, 1; letters A=10 .. Z=35), which is verified when present.
 */
public final class GermanyIdCardValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "GERMANY_ID_CARD";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() != 9 && s.length() != 10) {
      return false;
    }
    if (ALPHABET.indexOf(s.charAt(0)) < 0 || s.charAt(0) <= '9') {
      return false;
    }
    int letters = 0;
    for (int i = 0; i < 9; i++) {
      char c = s.charAt(i);
      if (ALPHABET.indexOf(c) < 0) {
        return false;
      }
      if (c > '9') {
        letters++;
      }
    }
    if (letters == 9) {
      return false; // real numbers always carry digits
    }
    return s.length() == 9 || icao(s.substring(0, 9)) == s.charAt(9) - '0';
  }

  private static final String ALPHABET = "0123456789CFGHJKLMNPRTVWXYZ";

  static int icao(String s) {
    int[] w = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v = c <= '9' ? c - '0' : c - 'A' + 10;
      sum += v * w[i % 3];
    }
    return sum % 10;
  }
}
