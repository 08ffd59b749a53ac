package io.trawl.detection.validators;

import io.trawl.detection.Validator;
import java.util.Map;

/**
 * International Bank Account Numbers (ISO 13616): the country's registered length and BBAN
 * structure, then the ISO 7064 MOD 97-10 check (remainder 1). Spaces and hyphens are ignored.
 * Lengths and BBAN structures come from the SWIFT IBAN Registry (release 99) in its own notation:
 * {@code n} digits, {@code a} upper-case letters, {@code c} letters or digits, {@code !} fixed.
 */
public final class IbanValidator implements Validator {
  private static final long serialVersionUID = 1L;

  /** Country code to BBAN structure (the IBAN length is 4 plus the BBAN length). */
  static final Map<String, String> BBAN =
      Map.ofEntries(
          Map.entry("AD", "4!n4!n12!c"),
          Map.entry("AE", "3!n16!n"),
          Map.entry("AL", "8!n16!c"),
          Map.entry("AT", "5!n11!n"),
          Map.entry("AZ", "4!a20!c"),
          Map.entry("BA", "3!n3!n8!n2!n"),
          Map.entry("BE", "3!n7!n2!n"),
          Map.entry("BG", "4!a4!n2!n8!c"),
          Map.entry("BH", "4!a14!c"),
          Map.entry("BR", "8!n5!n10!n1!a1!c"),
          Map.entry("BY", "4!c4!n16!c"),
          Map.entry("CH", "5!n12!c"),
          Map.entry("CR", "4!n14!n"),
          Map.entry("CY", "3!n5!n16!c"),
          Map.entry("CZ", "4!n6!n10!n"),
          Map.entry("DE", "8!n10!n"),
          Map.entry("DK", "4!n9!n1!n"),
          Map.entry("DO", "4!c20!n"),
          Map.entry("EE", "2!n2!n11!n1!n"),
          Map.entry("EG", "4!n4!n17!n"),
          Map.entry("ES", "4!n4!n1!n1!n10!n"),
          Map.entry("FI", "3!n11!n"),
          Map.entry("FO", "4!n9!n1!n"),
          Map.entry("FR", "5!n5!n11!c2!n"),
          Map.entry("GB", "4!a6!n8!n"),
          Map.entry("GE", "2!a16!n"),
          Map.entry("GI", "4!a15!c"),
          Map.entry("GL", "4!n9!n1!n"),
          Map.entry("GR", "3!n4!n16!c"),
          Map.entry("GT", "4!c20!c"),
          Map.entry("HR", "7!n10!n"),
          Map.entry("HU", "3!n4!n1!n15!n1!n"),
          Map.entry("IE", "4!a6!n8!n"),
          Map.entry("IL", "3!n3!n13!n"),
          Map.entry("IQ", "4!a3!n12!n"),
          Map.entry("IS", "4!n2!n6!n10!n"),
          Map.entry("IT", "1!a5!n5!n12!c"),
          Map.entry("JO", "4!a4!n18!c"),
          Map.entry("KW", "4!a22!c"),
          Map.entry("KZ", "3!n13!c"),
          Map.entry("LB", "4!n20!c"),
          Map.entry("LC", "4!a24!c"),
          Map.entry("LI", "5!n12!c"),
          Map.entry("LT", "5!n11!n"),
          Map.entry("LU", "3!n13!c"),
          Map.entry("LV", "4!a13!c"),
          Map.entry("MC", "5!n5!n11!c2!n"),
          Map.entry("MD", "2!c18!c"),
          Map.entry("ME", "3!n13!n2!n"),
          Map.entry("MK", "3!n10!c2!n"),
          Map.entry("MR", "5!n5!n11!n2!n"),
          Map.entry("MT", "4!a5!n18!c"),
          Map.entry("MU", "4!a2!n2!n12!n3!n3!a"),
          Map.entry("NL", "4!a10!n"),
          Map.entry("NO", "4!n6!n1!n"),
          Map.entry("PK", "4!a16!c"),
          Map.entry("PL", "8!n16!n"),
          Map.entry("PS", "4!a21!c"),
          Map.entry("PT", "4!n4!n11!n2!n"),
          Map.entry("QA", "4!a21!c"),
          Map.entry("RO", "4!a16!c"),
          Map.entry("RS", "3!n13!n2!n"),
          Map.entry("SA", "2!n18!c"),
          Map.entry("SC", "4!a2!n2!n16!n3!a"),
          Map.entry("SE", "3!n16!n1!n"),
          Map.entry("SI", "5!n8!n2!n"),
          Map.entry("SK", "4!n6!n10!n"),
          Map.entry("SM", "1!a5!n5!n12!c"),
          // Senegal is in the Banque de France list, not the SWIFT registry: letter-led BBAN.
          Map.entry("SN", "2!c22!n"),
          Map.entry("ST", "4!n4!n11!n2!n"),
          Map.entry("SV", "4!a20!n"),
          Map.entry("TL", "3!n14!n2!n"),
          Map.entry("TN", "2!n3!n13!n2!n"),
          Map.entry("TR", "5!n1!n16!c"),
          Map.entry("UA", "6!n19!c"),
          Map.entry("VA", "3!n15!n"),
          Map.entry("VG", "4!a16!n"),
          Map.entry("XK", "4!n10!n2!n"));

  @Override
  public String name() {
    return "IBAN";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.length() < 5) {
      return false;
    }
    String bban = BBAN.get(s.substring(0, 2));
    if (bban == null || !Chars.allDigits(s.substring(2, 4))) {
      return false;
    }
    if (!matchesStructure(s.substring(4), bban)) {
      return false;
    }
    if (Chars.sameDigit(Chars.digits(s.substring(4)))) {
      return false;
    }
    return Chars.mod97(s.substring(4) + s.substring(0, 4)) == 1;
  }

  /**
   * The BBAN structure registered for a country in SWIFT notation (e.g. {@code 4!a6!n8!n}), or
   * null.
   */
  public static String bbanStructure(String country) {
    return BBAN.get(country);
  }

  /** The IBAN length registered for a country, or -1. */
  public static int length(String country) {
    String bban = BBAN.get(country);
    return bban == null ? -1 : 4 + structureLength(bban);
  }

  static int structureLength(String spec) {
    int total = 0;
    int num = 0;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c >= '0' && c <= '9') {
        num = num * 10 + c - '0';
      } else if (c == 'n' || c == 'a' || c == 'c') {
        total += num;
        num = 0;
      }
    }
    return total;
  }

  static boolean matchesStructure(String bban, String spec) {
    int pos = 0;
    int num = 0;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c >= '0' && c <= '9') {
        num = num * 10 + c - '0';
      } else if (c == 'n' || c == 'a' || c == 'c') {
        for (int k = 0; k < num; k++, pos++) {
          if (pos >= bban.length()) {
            return false;
          }
          char b = bban.charAt(pos);
          boolean digit = b >= '0' && b <= '9';
          if (c == 'n' && !digit || c == 'a' && digit) {
            return false;
          }
        }
        num = 0;
      }
    }
    return pos == bban.length();
  }
}
