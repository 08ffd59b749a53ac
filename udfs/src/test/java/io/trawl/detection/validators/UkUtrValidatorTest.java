package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link UkUtrValidator}; values are public examples or computed in the
 * test.
 */
class UkUtrValidatorTest {
  private final UkUtrValidator validator = new UkUtrValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("UK_UTR")).isInstanceOf(UkUtrValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'1955839661', python-stdnum example",
    "'19558 39661', spaced",
    "'1955839661K', online K suffix"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'2955839661', wrong check digit", "'195583966', nine digits"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
