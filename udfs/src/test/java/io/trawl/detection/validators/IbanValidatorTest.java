package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link IbanValidator}; values are public examples or computed in the test.
 */
class IbanValidatorTest {
  private final IbanValidator validator = new IbanValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("IBAN")).isInstanceOf(IbanValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'GB29NWBK60161331926819', UK registry example",
    "'GB29 NWBK 6016 1331 9268 19', spaced",
    "'GB29-NWBK-6016-1331-9268-19', hyphenated",
    "'DE89370400440532013000', Germany",
    "'FR1420041010050500013M02606', France",
    "'ES9121000418450200051332', Spain",
    "'IT60X0542811101000000123456', Italy",
    "'NL91ABNA0417164300', Netherlands",
    "'CH9300762011623852957', Switzerland",
    "'BR1800360305000010009795493C1', Brazil",
    "'MU17BOMM0101101030300200000MUR', Mauritius"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'GB28NWBK60161331926819', mod-97 fails",
    "'DE8937040044053201300', Germany one digit short",
    "'NL91ABNA041716430A', Netherlands BBAN must be digits after the bank code",
    "'XX89370400440532013000', unknown country",
    "'GB29NWBK6016133192681', too short"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
