package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link LuhnValidator}; values are public examples or computed in the test.
 */
class LuhnValidatorTest {
  private final LuhnValidator validator = new LuhnValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("LUHN")).isInstanceOf(LuhnValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'79927398713', Luhn textbook example", "'4111 1111 1111 1111', separators ignored"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'79927398710', wrong check digit", "'0000000000', all zeros", "'7', too short"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
