package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link UsDeaNumberValidator}; values are public examples or computed in
 * the test.
 */
class UsDeaNumberValidatorTest {
  private final UsDeaNumberValidator validator = new UsDeaNumberValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("US_DEA")).isInstanceOf(UsDeaNumberValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'AB1234563', check digit 3",
    "'BJ6125341', registrant B",
    "'F96543210', 9 for business without surname"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'AB1234564', wrong check digit",
    "'ZB1234563', Z is not a registrant type",
    "'AB123456', too short"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
