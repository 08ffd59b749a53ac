package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Canadian Social Insurance Numbers: nine digits passing Luhn; first digit 0 is unassigned and 8 is
 * used for business numbers (Employment and Social Development Canada, SIN Code of Practice).
 */
public final class CanadaSinValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "CANADA_SIN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    return d.length() == 9
        && d.charAt(0) != '0'
        && d.charAt(0) != '8'
        && !Chars.sameDigit(d)
        && Chars.luhn(d);
  }
}
