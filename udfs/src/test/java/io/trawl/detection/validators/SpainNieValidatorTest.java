package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link SpainNieValidator}; values are public examples or computed in the
 * test.
 */
class SpainNieValidatorTest {
  private final SpainNieValidator validator = new SpainNieValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("SPAIN_NIE")).isInstanceOf(SpainNieValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'X1234567L', X form", "'Y7654321G', Y form", "'Z1111112X', Z form"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'X1234567A', wrong letter", "'A1234567L', not X/Y/Z"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
