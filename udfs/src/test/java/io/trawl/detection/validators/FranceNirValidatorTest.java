package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link FranceNirValidator}; values are public examples or computed in the
 * test.
 */
class FranceNirValidatorTest {
  private final FranceNirValidator validator = new FranceNirValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("FRANCE_NIR")).isInstanceOf(FranceNirValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'2 55 08 14 168 025 38', INSEE example",
    "'184032A12345650', Corsica 2A",
    "'285012B00112359', Corsica 2B"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'2 55 08 14 168 025 39', wrong key",
    "'5 55 08 14 168 025 38', sex digit 5",
    "'255131416802538', month 13"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
