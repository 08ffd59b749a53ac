package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * UK bank accounts: a GB IBAN (see {@link IbanValidator}) or the domestic sort code and account
 * number ({@code 60-16-13 31926819}). Sort-code modulus checking needs Vocalink's per-bank tables,
 * which are not redistributable, so the domestic form is checked for shape only (six and eight
 * digits, not all the same).
 */
public final class UkBankAccountValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "UK_BANK_ACCOUNT";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = Chars.alnum(match);
    if (s.startsWith("GB")) {
      return s.length() == 22 && new IbanValidator().isValid(s);
    }
    return s.length() == 14
        && Chars.allDigits(s)
        && !Chars.sameDigit(s.substring(6))
        && !"000000".equals(s.substring(0, 6));
  }
}
