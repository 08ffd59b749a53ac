package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link UkNhsNumberValidator}; values are public examples or computed in
 * the test.
 */
class UkNhsNumberValidatorTest {
  private final UkNhsNumberValidator validator = new UkNhsNumberValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("UK_NHS")).isInstanceOf(UkNhsNumberValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'943 476 5919', NHS Digital example", "'4010232137', generated"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'9434765918', wrong check digit",
    "'0000000000', all zeros",
    "'943476591', nine digits"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
