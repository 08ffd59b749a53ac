package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Mexican CURP: 18 characters (name letters, birth date, sex H/M/X, state, consonants, homoclave,
 * check digit); the check digit is (10 - sum(value * (18 - i)) mod 10) mod 10 over the alphabet 0-9
 * A-N Ñ O-Z (RENAPO, Instructivo normativo para la asignación de la CURP).
 */
public final class MexicoCurpValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "MEXICO_CURP";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = match.toString().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
    if (s.length() != 18 || !Chars.allDigits(s.substring(4, 10))) {
      return false;
    }
    int month = Integer.parseInt(s.substring(6, 8));
    int day = Integer.parseInt(s.substring(8, 10));
    if (month < 1 || month > 12 || day < 1 || day > 31 || "HMX".indexOf(s.charAt(10)) < 0) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = ALPHABET.indexOf(s.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * (18 - i);
    }
    return (10 - sum % 10) % 10 == s.charAt(17) - '0';
  }

  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMN\u00d1OPQRSTUVWXYZ";
}
