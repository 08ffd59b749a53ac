package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * US Individual Taxpayer Identification Numbers: nine digits starting with 9 whose middle (group)
 * digits are 50-65, 70-88, 90-92 or 94-99 (IRS, ITIN range expansion notice, 2011).
 */
public final class UsItinValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "US_ITIN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() != 9 || d.charAt(0) != '9') {
      return false;
    }
    int g = Integer.parseInt(d.substring(3, 5));
    boolean groupOk = g >= 50 && g <= 65 || g >= 70 && g <= 88 || g >= 90 && g <= 92 || g >= 94;
    return groupOk && !"0000".equals(d.substring(5));
  }
}
