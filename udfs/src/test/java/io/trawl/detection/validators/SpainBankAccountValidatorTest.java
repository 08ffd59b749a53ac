package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link SpainBankAccountValidator}; values are public examples or computed
 * in the test.
 */
class SpainBankAccountValidatorTest {
  private final SpainBankAccountValidator validator = new SpainBankAccountValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("SPAIN_BANK_ACCOUNT"))
        .isInstanceOf(SpainBankAccountValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'06812415148683449786', CCC",
    "'ES9121000418450200051332', ES IBAN",
    "'2100 0418 45 0200051332', spaced CCC"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'06812415248683449786', first control digit wrong",
    "'ES9121000418450200051333', IBAN mod-97 fails"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
