package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * The Luhn mod-10 check (ISO/IEC 7812-1 annex B), used by Macie for card numbers and Argentina's
 * SUBE cards, and by Canada for SINs. Separators are ignored; all-same-digit values fail.
 */
public final class LuhnValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "LUHN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    return d.length() >= 2 && !Chars.sameDigit(d) && Chars.luhn(d);
  }
}
