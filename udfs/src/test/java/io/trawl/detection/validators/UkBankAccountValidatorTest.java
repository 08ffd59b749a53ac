package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link UkBankAccountValidator}; values are public examples or computed in
 * the test.
 */
class UkBankAccountValidatorTest {
  private final UkBankAccountValidator validator = new UkBankAccountValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("UK_BANK_ACCOUNT")).isInstanceOf(UkBankAccountValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'60-16-13 31926819', sort code and account", "'GB29NWBK60161331926819', GB IBAN"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'00-00-00 31926819', zero sort code",
    "'60-16-13 00000000', all-zero account",
    "'GB28NWBK60161331926819', IBAN mod-97 fails"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
