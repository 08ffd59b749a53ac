package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link UsSsnValidator}; values are public examples or computed in the
 * test.
 */
class UsSsnValidatorTest {
  private final UsSsnValidator validator = new UsSsnValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("US_SSN")).isInstanceOf(UsSsnValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'123-45-6789', valid ranges", "'899 99 9999', highest area"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'000-12-3456', area 000",
    "'666-12-3456', area 666",
    "'900-12-3456', area 9xx",
    "'123-00-4567', group 00",
    "'123-45-0000', serial 0000"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
