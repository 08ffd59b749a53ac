package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link CreditCardValidator}; values are public examples or computed in the
 * test.
 */
class CreditCardValidatorTest {
  private final CreditCardValidator validator = new CreditCardValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("CREDIT_CARD")).isInstanceOf(CreditCardValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'4111111111111111', Visa",
    "'5555 5555 5555 4444', Mastercard spaced",
    "'378282246310005', Amex",
    "'6011111111111117', Discover",
    "'3530111333300000', JCB",
    "'30569309025904', Diners Club",
    "'2223003122003222', Mastercard 2-series",
    "'6200000000000005', UnionPay",
    "'5019717010103742', Dankort",
    "'4917300800000000', Visa Electron"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'4111111111111112', Luhn fails",
    "'411111111111111', Visa with 15 digits",
    "'9111111111111110', no issuer starts with 9",
    "'3782822463100', Amex with 13 digits",
    "'1234-5678-9012-3456', no issuer prefix"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
