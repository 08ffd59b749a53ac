package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link GermanyTaxIdValidator}; values are public examples or computed in
 * the test.
 */
class GermanyTaxIdValidatorTest {
  private final GermanyTaxIdValidator validator = new GermanyTaxIdValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("GERMANY_TAX_ID")).isInstanceOf(GermanyTaxIdValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'86095742719', BZSt example",
    "'86 095 742 719', spaced",
    "'47036892816', generated"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'86095742718', wrong check digit",
    "'06095742719', leading zero",
    "'12345678903', no repeated digit",
    "'11145678900', digit three times in a row"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
