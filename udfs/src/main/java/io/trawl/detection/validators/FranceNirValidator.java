package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * French social security number (NIR, numéro INSEE): 15 characters, sex digit 1-4 or 7-8, then
 * year, month, department (2A/2B for Corsica), commune, order, and a key equal to 97 - (the first
 * 13 digits mod 97), Corsica read as 19 (2A) and 18 (2B) (INSEE, décret 82-103).
 */
public final class FranceNirValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "FRANCE_NIR";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() != 15 || "123478".indexOf(s.charAt(0)) < 0) {
      return false;
    }
    String dept = s.substring(5, 7);
    String head = s.substring(0, 13);
    if ("2A".equals(dept)) {
      head = head.substring(0, 5) + "19" + head.substring(7);
    } else if ("2B".equals(dept)) {
      head = head.substring(0, 5) + "18" + head.substring(7);
    }
    if (!Chars.allDigits(head) || !Chars.allDigits(s.substring(13))) {
      return false;
    }
    int month = Integer.parseInt(s.substring(3, 5));
    if (month == 0 || month > 12 && month < 20 || month > 42 && month < 50) {
      return false;
    }
    long n = Long.parseLong(head);
    return 97 - n % 97 == Integer.parseInt(s.substring(13));
  }
}
