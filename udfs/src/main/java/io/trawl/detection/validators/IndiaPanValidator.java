package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Indian Permanent Account Numbers: five letters, four digits, a letter; the fourth letter is the
 * holder type (P person, C company, H HUF, F firm, A AOP, T trust, B BOI, L local authority, J
 * artificial juridical person, G government), per Income Tax Department PAN structure.
 */
public final class IndiaPanValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "INDIA_PAN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() != 10 || "PCHFATBLJG".indexOf(s.charAt(3)) < 0) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      boolean digit = s.charAt(i) >= '0' && s.charAt(i) <= '9';
      if (digit != (i >= 5 && i <= 8)) {
        return false;
      }
    }
    return !"0000".equals(s.substring(5, 9));
  }
}
