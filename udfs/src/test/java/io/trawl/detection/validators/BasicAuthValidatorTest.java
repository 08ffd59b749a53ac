package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link BasicAuthValidator}; values are public examples or computed in the
 * test.
 */
class BasicAuthValidatorTest {
  private final BasicAuthValidator validator = new BasicAuthValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("BASIC_AUTH")).isInstanceOf(BasicAuthValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l', aladdin:opensesame",
    "'proxy-authorization: basic dXNlcjpwYXNzd29yZDEyMw==', lower case header"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'Authorization: Basic bm9jb2xvbmhlcmU=', no colon after decoding",
    "'Authorization: Basic !!!notbase64', not base64",
    "'Authorization: Bearer abc', not Basic"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
