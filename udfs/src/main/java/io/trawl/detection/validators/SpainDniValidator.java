package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Spanish DNI: eight digits and the control letter {@code TRWAGMYFPDXBNJZSQVHLCKE[n mod 23]} (Real
 * Decreto 1553/2005, Ministerio del Interior).
 */
public final class SpainDniValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "SPAIN_DNI";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    return s.length() == 9
        && Chars.allDigits(s.substring(0, 8))
        && !Chars.sameDigit(s.substring(0, 8))
        && SpainDniValidator.letterOk(s.substring(0, 8), s.charAt(8));
  }

  static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  static boolean letterOk(String digits, char letter) {
    return LETTERS.charAt(Integer.parseInt(digits) % 23) == letter;
  }
}
