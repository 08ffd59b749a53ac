package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link ItalyCodiceFiscaleValidator}; values are public examples or
 * computed in the test.
 */
class ItalyCodiceFiscaleValidatorTest {
  private final ItalyCodiceFiscaleValidator validator = new ItalyCodiceFiscaleValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("ITALY_CODICE_FISCALE"))
        .isInstanceOf(ItalyCodiceFiscaleValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'RSSMRA85T10A562S', textbook example",
    "'rssmra85t10a562s', lower case",
    "'RSSMRA85T10A56NH', omocodia letter in a digit position"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'RSSMRA85T10A562T', wrong check letter",
    "'RSSMRA85Z10A562S', Z is not a month letter",
    "'RSSMRA85T10A562', 15 characters"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
