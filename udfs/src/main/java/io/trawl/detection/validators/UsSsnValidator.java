package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * US Social Security numbers: the Social Security Administration never issues area 000, 666 or
 * 900-999, group 00 or serial 0000 (SSA, "Social Security Number Randomization", 2011).
 */
public final class UsSsnValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "US_SSN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() != 9) {
      return false;
    }
    int area = Integer.parseInt(d.substring(0, 3));
    int group = Integer.parseInt(d.substring(3, 5));
    int serial = Integer.parseInt(d.substring(5));
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }
}
