package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link BrazilCpfValidator}; values are public examples or computed in the
 * test.
 */
class BrazilCpfValidatorTest {
  private final BrazilCpfValidator validator = new BrazilCpfValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("BRAZIL_CPF")).isInstanceOf(BrazilCpfValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({"'529.982.247-25', formatted", "'52998224725', digits only"})
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'529.982.247-24', second check digit wrong",
    "'111.111.111-11', repeated digits pass the sums but are never issued",
    "'5299822472', ten digits"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
