package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * German tax identification number (Steuer-IdNr): 11 digits, no leading zero; in the first ten
 * exactly one digit repeats (twice, or three times but not three in a row); the last digit is the
 * ISO 7064 MOD 11,10 check digit (Bundeszentralamt für Steuern, §139b AO).
 */
public final class GermanyTaxIdValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "GERMANY_TAX_ID";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    if (d.length() != 11 || d.charAt(0) == '0') {
      return false;
    }
    int[] counts = new int[10];
    for (int i = 0; i < 10; i++) {
      counts[Chars.digit(d, i)]++;
    }
    int repeated = 0;
    for (int c : counts) {
      if (c > 3) {
        return false;
      }
      if (c > 1) {
        repeated++;
      }
    }
    if (repeated != 1) {
      return false;
    }
    for (int i = 2; i < 10; i++) {
      if (d.charAt(i) == d.charAt(i - 1) && d.charAt(i) == d.charAt(i - 2)) {
        return false;
      }
    }
    int product = 10;
    for (int i = 0; i < 10; i++) {
      int sum = (Chars.digit(d, i) + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = sum * 2 % 11;
    }
    int check = 11 - product;
    return (check == 10 ? 0 : check) == Chars.digit(d, 10);
  }
}
