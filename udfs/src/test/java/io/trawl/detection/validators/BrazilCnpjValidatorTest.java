package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link BrazilCnpjValidator}; values are public examples or computed in the
 * test.
 */
class BrazilCnpjValidatorTest {
  private final BrazilCnpjValidator validator = new BrazilCnpjValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("BRAZIL_CNPJ")).isInstanceOf(BrazilCnpjValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'11.222.333/0001-81', formatted", "'11222333000181', digits only"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({"'11.222.333/0001-80', wrong check digit", "'00000000000000', all zeros"})
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
