package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link ColombiaNitValidator}; values are public examples or computed in
 * the test.
 */
class ColombiaNitValidatorTest {
  private final ColombiaNitValidator validator = new ColombiaNitValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("COLOMBIA_NIT")).isInstanceOf(ColombiaNitValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'800.197.268-4', DIAN", "'8001972684', digits only", "'10324567897', individual"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'800.197.268-5', wrong verification digit", "'12345', too short"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
