package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * French bank accounts: an FR IBAN (see {@link IbanValidator}) or a RIB (5-digit bank code, 5-digit
 * branch, 11-character account, 2-digit key) whose key is 97 - ((89 bank + 15 branch + 3 account)
 * mod 97), account letters read as digits per the Banque de France table (A,J=1; B,K,S=2; ...
 * I,R,Z=9).
 */
public final class FranceBankAccountValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "FRANCE_BANK_ACCOUNT";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.startsWith("FR")) {
      return s.length() == 27 && new IbanValidator().isValid(s);
    }
    if (s.length() != 23
        || !Chars.allDigits(s.substring(0, 10))
        || !Chars.allDigits(s.substring(21))) {
      return false;
    }
    StringBuilder account = new StringBuilder();
    for (int i = 10; i < 21; i++) {
      char c = s.charAt(i);
      account.append(c <= '9' ? c : (char) ('0' + LETTERS[c - 'A']));
    }
    if (Chars.sameDigit(account.toString())) {
      return false;
    }
    long bank = Long.parseLong(s.substring(0, 5));
    long branch = Long.parseLong(s.substring(5, 10));
    long acc = Long.parseLong(account.toString());
    long key = 97 - (89 * bank + 15 * branch + 3 * acc) % 97;
    return key == Integer.parseInt(s.substring(21));
  }

  private static final int[] LETTERS = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9
  };
}
