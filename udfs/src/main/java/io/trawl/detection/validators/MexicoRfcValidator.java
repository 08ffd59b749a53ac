package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Mexican RFC: three (organisation) or four (person) letters, a valid YYMMDD date and a
 * three-character homoclave (SAT, Registro Federal de Contribuyentes structure).
 */
public final class MexicoRfcValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "MEXICO_RFC";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = match.toString().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
    int letters = s.length() == 13 ? 4 : s.length() == 12 ? 3 : -1;
    if (letters < 0 || !Chars.allDigits(s.substring(letters, letters + 6))) {
      return false;
    }
    int month = Integer.parseInt(s.substring(letters + 2, letters + 4));
    int day = Integer.parseInt(s.substring(letters + 4, letters + 6));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
}
