package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link VinValidator}; values are public examples or computed in the test.
 */
class VinValidatorTest {
  private final VinValidator validator = new VinValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("VIN")).isInstanceOf(VinValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'1HGCM82633A004352', North American, check digit 3",
    "'1M8GDM9AXKP042788', check digit X",
    "'WVWZZZ1JZXW000001', European, position 9 is a letter (no check digit)"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'1HGCM82643A004352', wrong check digit",
    "'1HGCM82633A00435', 16 characters",
    "'1HGCM82633A0O4352', contains O",
    "'12345678901234567', digits only"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
