package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * German bank accounts: a DE IBAN (see {@link IbanValidator}) or the BBAN (8-digit Bankleitzahl and
 * 10-digit account number). The account check-digit methods are bank-specific (Bundesbank's 150+
 * "Prüfzifferberechnungsmethoden"), so the BBAN is checked for shape: a Bankleitzahl never starts
 * with 0 or 9 and the account is not all one digit. The catalog only accepts the BBAN next to a
 * keyword.
 */
public final class GermanyBankAccountValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "GERMANY_BANK_ACCOUNT";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.startsWith("DE")) {
      return s.length() == 22 && new IbanValidator().isValid(s);
    }
    return s.length() == 18
        && Chars.allDigits(s)
        && s.charAt(0) != '0'
        && s.charAt(0) != '9'
        && !Chars.sameDigit(s.substring(8));
  }
}
