package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link SpainCifValidator}; values are public examples or computed in the
 * test.
 */
class SpainCifValidatorTest {
  private final SpainCifValidator validator = new SpainCifValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("SPAIN_CIF")).isInstanceOf(SpainCifValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'A58818501', type A digit control",
    "'P1234567D', type P letter control",
    "'B76543214', type B"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'A58818502', wrong control",
    "'P12345674', type P needs a letter control",
    "'I1234567D', I is not an entity type"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
