package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Magnetic stripe track data (ISO/IEC 7813): track 1 ({@code %B} PAN {@code ^} name {@code ^} YYMM
 * service code) or track 2 ({@code ;} PAN {@code =} YYMM service code). The primary account number
 * must pass Luhn and the expiry month must be 01-12.
 */
public final class MagneticStripeValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "MAGNETIC_STRIPE";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = match.toString();
    int start = s.startsWith("%B") || s.startsWith("%b") ? 2 : s.startsWith(";") ? 1 : -1;
    if (start < 0) {
      return false;
    }
    int sep = start;
    while (sep < s.length() && Character.isDigit(s.charAt(sep))) {
      sep++;
    }
    String pan = s.substring(start, sep);
    if (pan.length() < 13 || pan.length() > 19 || Chars.sameDigit(pan) || !Chars.luhn(pan)) {
      return false;
    }
    int exp = start == 2 ? s.indexOf('^', sep + 1) + 1 : sep + 1;
    if (exp <= 0 || exp + 4 > s.length() || !Chars.allDigits(s.substring(exp, exp + 4))) {
      return false;
    }
    int month = Integer.parseInt(s.substring(exp + 2, exp + 4));
    return month >= 1 && month <= 12;
  }
}
