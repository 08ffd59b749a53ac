package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link SpainDniValidator}; values are public examples or computed in the
 * test.
 */
class SpainDniValidatorTest {
  private final SpainDniValidator validator = new SpainDniValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("SPAIN_DNI")).isInstanceOf(SpainDniValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'12345678Z', letter Z", "'12345678-Z', hyphen"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'12345678A', wrong letter",
    "'99999999R', all-same digits (sample DNI)",
    "'1234567Z', seven digits"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
