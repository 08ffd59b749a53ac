package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link MagneticStripeValidator}; values are public examples or computed in
 * the test.
 */
class MagneticStripeValidatorTest {
  private final MagneticStripeValidator validator = new MagneticStripeValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("MAGNETIC_STRIPE")).isInstanceOf(MagneticStripeValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'%B4556945807302159^DOE/JOHN^27121010000000000000?', track 1",
    "';5425736819303640=27121010000012300000?', track 2"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "';5425736819303641=27121010000012300000?', PAN fails Luhn",
    "';5425736819303640=27131010000012300000?', month 13",
    "'%B4111^X^2712', PAN too short"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
