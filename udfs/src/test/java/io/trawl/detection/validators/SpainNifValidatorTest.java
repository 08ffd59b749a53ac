package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link SpainNifValidator}; values are public examples or computed in the
 * test.
 */
class SpainNifValidatorTest {
  private final SpainNifValidator validator = new SpainNifValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("SPAIN_NIF")).isInstanceOf(SpainNifValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'12345678Z', DNI form", "'X1234567L', NIE form", "'K1234567L', K form"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'12345678A', wrong letter",
    "'B12345678', organisation code is a CIF, not a personal NIF"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
