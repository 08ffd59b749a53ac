package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link GermanyIdCardValidator}; values are public examples or computed in
 * the test.
 */
class GermanyIdCardValidatorTest {
  private final GermanyIdCardValidator validator = new GermanyIdCardValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("GERMANY_ID_CARD")).isInstanceOf(GermanyIdCardValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'T22000129', specimen number",
    "'T220001293', with ICAO check digit",
    "'L01X00T47', letters and digits"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'T220001294', wrong ICAO check digit",
    "'A22000129', A is not in the alphabet",
    "'TTTTTTTTT', letters only"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
