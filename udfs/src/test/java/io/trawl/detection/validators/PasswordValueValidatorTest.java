package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link PasswordValueValidator}; values are public examples or computed in
 * the test.
 */
class PasswordValueValidatorTest {
  private final PasswordValueValidator validator = new PasswordValueValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("PASSWORD_VALUE")).isInstanceOf(PasswordValueValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'S3cr3t!Winter2024', real-looking password", "'Tr0ub4dor&3', xkcd"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'${DB_PASSWORD}', variable reference",
    "'********', masked",
    "'changeme', template placeholder",
    "'abc', too short",
    "'{{ vault_pw }}', template"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
