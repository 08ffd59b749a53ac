package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link SpainSsnValidator}; values are public examples or computed in the
 * test.
 */
class SpainSsnValidatorTest {
  private final SpainSsnValidator validator = new SpainSsnValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("SPAIN_SSN")).isInstanceOf(SpainSsnValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'372347882966', digits", "'33/58774146/57', slashes"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'372347882967', control fails", "'990000000000', province 99"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
