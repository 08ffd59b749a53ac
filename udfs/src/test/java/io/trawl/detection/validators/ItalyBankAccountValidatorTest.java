package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link ItalyBankAccountValidator}; values are public examples or computed
 * in the test.
 */
class ItalyBankAccountValidatorTest {
  private final ItalyBankAccountValidator validator = new ItalyBankAccountValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("ITALY_BANK_ACCOUNT"))
        .isInstanceOf(ItalyBankAccountValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'W1500080636083778353374', BBAN with valid CIN",
    "'IT60X0542811101000000123456', IT IBAN"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'A1500080636083778353374', CIN wrong",
    "'IT60X0542811101000000123457', IBAN mod-97 fails"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
