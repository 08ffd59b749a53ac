package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * UK National Insurance numbers: two prefix letters, six digits, suffix A-D. First letter not D, F,
 * I, Q, U or V; second not D, F, I, O, Q, U or V; prefixes BG, GB, KN, NK, NT, TN and ZZ are never
 * allocated (HMRC National Insurance Manual NIM39110).
 */
public final class UkNinoValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "UK_NINO";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() != 8 && s.length() != 9) {
      return false;
    }
    char a = s.charAt(0);
    char b = s.charAt(1);
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
      return false;
    }
    if ("DFIQUV".indexOf(a) >= 0 || "DFIOQUV".indexOf(b) >= 0) {
      return false;
    }
    String prefix = s.substring(0, 2);
    if (java.util.Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(prefix)) {
      return false;
    }
    String digits = s.substring(2, 8);
    if (!Chars.allDigits(digits) || "000000".equals(digits)) {
      return false;
    }
    return s.length() == 8 || "ABCD".indexOf(s.charAt(8)) >= 0;
  }
}
