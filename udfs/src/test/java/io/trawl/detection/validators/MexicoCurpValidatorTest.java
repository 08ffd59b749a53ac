package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link MexicoCurpValidator}; values are public examples or computed in the
 * test.
 */
class MexicoCurpValidatorTest {
  private final MexicoCurpValidator validator = new MexicoCurpValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("MEXICO_CURP")).isInstanceOf(MexicoCurpValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'GODE561231HDFRRN00', computed check digit", "'BADD110313HCMLNS06', second person"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'GODE561231HDFRRN01', wrong check digit",
    "'GODE561331HDFRRN04', month 13",
    "'GODE561231ZDFRRN04', sex must be H, M or X"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
