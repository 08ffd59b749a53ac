package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * US National Provider Identifiers: ten digits starting with 1 or 2 whose Luhn check includes the
 * card-issuer prefix 80840 (CMS, "Requirements for NPI Check Digit", ISO/IEC 7812).
 */
public final class UsNpiValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "US_NPI";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    return d.length() == 10
        && (d.charAt(0) == '1' || d.charAt(0) == '2')
        && Chars.luhn("80840" + d);
  }
}
