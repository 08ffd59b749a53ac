package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link JwtValidator}; values are public examples or computed in the test.
 */
class JwtValidatorTest {
  private final JwtValidator validator = new JwtValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("JWT")).isInstanceOf(JwtValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', jwt.io example",
    "'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhYmMifQ.', unsigned"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'eyJmb28iOiJiYXIifQ.eyJzdWIiOiJhYmMifQ.abc', header without alg",
    "'abc.def.ghi', not base64 JSON"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
