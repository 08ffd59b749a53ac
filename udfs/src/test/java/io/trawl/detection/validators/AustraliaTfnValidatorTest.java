package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link AustraliaTfnValidator}; values are public examples or computed in
 * the test.
 */
class AustraliaTfnValidatorTest {
  private final AustraliaTfnValidator validator = new AustraliaTfnValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("AUSTRALIA_TFN")).isInstanceOf(AustraliaTfnValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'123 456 782', ATO example", "'12345677', eight digits"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'123456783', weighted sum not divisible by 11", "'1234567', seven digits"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
