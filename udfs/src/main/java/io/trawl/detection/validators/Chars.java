package io.trawl.detection.validators;

/** Normalisation shared by validators: matches arrive with their separators. */
final class Chars {
  private Chars() {}

  /** The ASCII letters and digits of {@code s}, upper-cased; separators and spaces dropped. */
  static String alnum(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
        b.append(c);
      } else if (c >= 'a' && c <= 'z') {
        b.append((char) (c - 'a' + 'A'));
      }
    }
    return b.toString();
  }

  /** The ASCII digits of {@code s}, everything else dropped. */
  static String digits(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** True if every digit is the same (000000000, 111111111): never issued, common as filler. */
  static boolean sameDigit(String digits) {
    for (int i = 1; i < digits.length(); i++) {
      if (digits.charAt(i) != digits.charAt(0)) {
        return false;
      }
    }
    return true;
  }

  static int digit(String s, int i) {
    return s.charAt(i) - '0';
  }

  /** Luhn (ISO/IEC 7812-1 annex B) over a string of digits. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /** ISO 7064 MOD 97-10 over an alphanumeric string (letters A=10 .. Z=35). */
  static int mod97(String alnum) {
    int r = 0;
    for (int i = 0; i < alnum.length(); i++) {
      char c = alnum.charAt(i);
      int v = c <= '9' ? c - '0' : c - 'A' + 10;
      r = v > 9 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
    }
    return r;
  }
}
