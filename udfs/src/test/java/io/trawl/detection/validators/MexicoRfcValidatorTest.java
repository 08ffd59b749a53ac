package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link MexicoRfcValidator}; values are public examples or computed in the
 * test.
 */
class MexicoRfcValidatorTest {
  private final MexicoRfcValidator validator = new MexicoRfcValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("MEXICO_RFC")).isInstanceOf(MexicoRfcValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'GODE561231GR8', person", "'ABC680524P76', organisation"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'GODE561331GR8', month 13", "'GODE5612GR8', too short"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
