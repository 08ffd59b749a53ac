package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * French tax identification number (numéro fiscal / SPI): 13 digits, first 0-3, the last three
 * equal to the first ten mod 511 (DGFiP; algorithm as in python-stdnum {@code fr.nif}).
 */
public final class FranceTaxIdValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "FRANCE_TAX_ID";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() != 13 || d.charAt(0) > '3' || Chars.sameDigit(d)) {
      return false;
    }
    return Long.parseLong(d.substring(0, 10)) % 511 == Integer.parseInt(d.substring(10));
  }
}
