package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link CanadaSinValidator}; values are public examples or computed in the
 * test.
 */
class CanadaSinValidatorTest {
  private final CanadaSinValidator validator = new CanadaSinValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("CANADA_SIN")).isInstanceOf(CanadaSinValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'272934464', Luhn valid", "'130 692 544', Luhn valid"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'046 454 286', first digit 0 is never assigned (textbook example)",
    "'130 692 545', Luhn fails",
    "'800000002', 8 is for business numbers",
    "'000000000', all zeros"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
