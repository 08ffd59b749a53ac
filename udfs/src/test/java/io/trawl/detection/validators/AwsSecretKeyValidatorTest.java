package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link AwsSecretKeyValidator}; values are public examples or computed in
 * the test.
 */
class AwsSecretKeyValidatorTest {
  private final AwsSecretKeyValidator validator = new AwsSecretKeyValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("AWS_SECRET_KEY")).isInstanceOf(AwsSecretKeyValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'Tq3Zx9Lk2Vb8Nm4Hc7Rw1Ys5Pd0Gf6Ja+Ue/oIXa', mixed classes, 40 chars",
    "'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS doc example has the shape (excluded by the catalog, not here)"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'3f786850e387550fdab836ed7e6dc881de23001b', hex digest",
    "'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN', upper case only",
    "'short', wrong length"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
