package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link UkNinoValidator}; values are public examples or computed in the
 * test.
 */
class UkNinoValidatorTest {
  private final UkNinoValidator validator = new UkNinoValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("UK_NINO")).isInstanceOf(UkNinoValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'AB123456C', full form", "'AB 12 34 56 C', spaced", "'JG103759', suffix omitted"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'BG123456A', BG prefix never allocated",
    "'DA123456A', first letter D not used",
    "'AO123456A', second letter O not used",
    "'AB123456E', suffix E not used"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
