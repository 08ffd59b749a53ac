package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * UK Unique Taxpayer References: ten digits whose first is a check digit over the other nine
 * (weights 6,7,8,9,10,5,4,3,2; mapped through 2,1,9,8,7,6,5,4,3,2,1 by the mod-11 remainder), as
 * implemented by HMRC-compatible validators such as python-stdnum's {@code gb.utr}. An optional
 * trailing K (Self Assessment online form) is allowed.
 */
public final class UkUtrValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "UK_UTR";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.endsWith("K")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() == 13) {
      s = s.substring(3); // Corporation Tax references may carry a 3-digit office prefix.
    }
    if (s.length() != 10 || !Chars.allDigits(s) || Chars.sameDigit(s)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += Chars.digit(s, i + 1) * W[i];
    }
    return "21987654321".charAt(sum % 11) == s.charAt(0);
  }

  private static final int[] W = {6, 7, 8, 9, 10, 5, 4, 3, 2};
}
