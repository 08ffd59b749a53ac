package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link UsNpiValidator}; values are public examples or computed in the
 * test.
 */
class UsNpiValidatorTest {
  private final UsNpiValidator validator = new UsNpiValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("US_NPI")).isInstanceOf(UsNpiValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'1234567893', CMS example", "'2453195994', generated"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'1234567890', Luhn with 80840 fails", "'3234567893', must start with 1 or 2"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
