package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link IndiaPanValidator}; values are public examples or computed in the
 * test.
 */
class IndiaPanValidatorTest {
  private final IndiaPanValidator validator = new IndiaPanValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("INDIA_PAN")).isInstanceOf(IndiaPanValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'ABCPE1234F', person", "'AAACB1234C', company"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'ABCXE1234F', X is not a holder type",
    "'ABCPE12345', ends in a digit",
    "'ABCPE0000F', serial 0000"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
