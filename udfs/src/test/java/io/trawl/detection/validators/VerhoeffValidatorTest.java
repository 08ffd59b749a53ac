package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link VerhoeffValidator}; values are public examples or computed in the
 * test.
 */
class VerhoeffValidatorTest {
  private final VerhoeffValidator validator = new VerhoeffValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("VERHOEFF")).isInstanceOf(VerhoeffValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'2341 2341 2346', Verhoeff-valid Aadhaar", "'498732107453', generated"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'234123412347', wrong check digit",
    "'034123412346', starts with 0",
    "'23412341234', 11 digits"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
