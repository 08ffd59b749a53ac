package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link GermanyBankAccountValidator}; values are public examples or
 * computed in the test.
 */
class GermanyBankAccountValidatorTest {
  private final GermanyBankAccountValidator validator = new GermanyBankAccountValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("GERMANY_BANK_ACCOUNT"))
        .isInstanceOf(GermanyBankAccountValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'DE89370400440532013000', DE IBAN",
    "'DE89 3704 0044 0532 0130 00', spaced IBAN",
    "'370400440532013000', BBAN",
    "'37040044 0532013000', BBAN spaced"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'DE89370400440532013001', IBAN mod-97 fails",
    "'070400440532013000', Bankleitzahl cannot start with 0",
    "'370400440000000000', all-zero account"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
