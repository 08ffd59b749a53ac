package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link UsItinValidator}; values are public examples or computed in the
 * test.
 */
class UsItinValidatorTest {
  private final UsItinValidator validator = new UsItinValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("US_ITIN")).isInstanceOf(UsItinValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'912-70-1234', group 70", "'900 50 1234', group 50", "'999-94-0001', group 94"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'912-66-1234', group 66 not in ranges",
    "'912-93-1234', group 93 not in ranges",
    "'812-70-1234', must start with 9"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
