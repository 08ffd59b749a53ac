package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link FranceTaxIdValidator}; values are public examples or computed in
 * the test.
 */
class FranceTaxIdValidatorTest {
  private final FranceTaxIdValidator validator = new FranceTaxIdValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("FRANCE_TAX_ID")).isInstanceOf(FranceTaxIdValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'3023217600053', DGFiP style example", "'30 23 217 600 053', spaced"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'3023217600054', wrong key", "'4023217600053', first digit above 3"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
