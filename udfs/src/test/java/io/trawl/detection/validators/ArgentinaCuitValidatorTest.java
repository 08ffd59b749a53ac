package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link ArgentinaCuitValidator}; values are public examples or computed in
 * the test.
 */
class ArgentinaCuitValidatorTest {
  private final ArgentinaCuitValidator validator = new ArgentinaCuitValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("ARGENTINA_CUIT")).isInstanceOf(ArgentinaCuitValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'20-12345678-6', individual", "'30-71234567-1', company"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'20-12345678-7', wrong check digit", "'21-12345678-6', type 21 does not exist"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
