package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link FranceBankAccountValidator}; values are public examples or computed
 * in the test.
 */
class FranceBankAccountValidatorTest {
  private final FranceBankAccountValidator validator = new FranceBankAccountValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("FRANCE_BANK_ACCOUNT"))
        .isInstanceOf(FranceBankAccountValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'29141777631706690743906', RIB with valid key",
    "'FR7690736625851781286570788', FR IBAN",
    "'FR14 2004 1010 0505 0001 3M02 606', spaced IBAN with letter in account"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'29141777631706690743907', RIB key wrong", "'DE89370400440532013000', German IBAN"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
