package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link NonTrivialDigitsValidator}; values are public examples or computed
 * in the test.
 */
class NonTrivialDigitsValidatorTest {
  private final NonTrivialDigitsValidator validator = new NonTrivialDigitsValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("NOT_TRIVIAL")).isInstanceOf(NonTrivialDigitsValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'004587219934', ordinary number", "'28.456.789', separators ignored"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'000000000', all zeros",
    "'99.999.999', all nines",
    "'123456789', ascending run",
    "'987654321', descending run"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
