package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * Payment card numbers as Macie describes them: 13-19 digits, the Luhn check and a standard issuer
 * prefix for American Express, Dankort, Diners Club, Discover, Visa Electron, JCB, Mastercard,
 * UnionPay or Visa. Prefix ranges and lengths: ISO/IEC 7812 issuer identification numbers as
 * published by the card networks (Visa, Mastercard 2-series since 2017, Discover IIN table, JCB
 * 3528-3589, UnionPay 62).
 */
public final class CreditCardValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "CREDIT_CARD";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String d = Chars.digits(match);
    int n = d.length();
    if (n < 13 || n > 19 || Chars.sameDigit(d) || !issuerLength(d, n)) {
      return false;
    }
    return Chars.luhn(d);
  }

  static boolean issuerLength(String d, int n) {
    int p2 = Integer.parseInt(d.substring(0, 2));
    int p3 = Integer.parseInt(d.substring(0, 3));
    int p4 = Integer.parseInt(d.substring(0, 4));
    int p6 = Integer.parseInt(d.substring(0, 6));
    if (d.charAt(0) == '4') {
      // Visa (incl. Electron and Visa/Dankort co-brands).
      return n == 13 || n == 16 || n == 19;
    }
    if (p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) {
      return n == 16; // Mastercard
    }
    if (p4 == 5019) {
      return n == 16; // Dankort
    }
    if (p2 == 34 || p2 == 37) {
      return n == 15; // American Express
    }
    if (p3 >= 300 && p3 <= 305 || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
      return n >= 14 && n <= 19; // Diners Club International
    }
    if (p4 >= 3528 && p4 <= 3589) {
      return n >= 16 && n <= 19; // JCB
    }
    if (p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65 || p6 >= 622126 && p6 <= 622925) {
      return n >= 16 && n <= 19; // Discover
    }
    if (p2 == 62 || p2 == 81) {
      return n >= 16 && n <= 19; // UnionPay
    }
    return false;
  }
}
