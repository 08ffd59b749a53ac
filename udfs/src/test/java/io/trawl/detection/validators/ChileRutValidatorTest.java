package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link ChileRutValidator}; values are public examples or computed in the
 * test.
 */
class ChileRutValidatorTest {
  private final ChileRutValidator validator = new ChileRutValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("CHILE_RUT")).isInstanceOf(ChileRutValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'12.345.678-5', dotted",
    "'12345678-5', plain",
    "'7654321-6', seven digit body",
    "'10000013-K', verifier K"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'12.345.678-4', wrong verifier", "'00000000-0', all zeros", "'1234-5', too short"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
