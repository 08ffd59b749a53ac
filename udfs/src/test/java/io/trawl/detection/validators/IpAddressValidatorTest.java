package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases for {@link IpAddressValidator}; values are public examples or computed in the
 * test.
 */
class IpAddressValidatorTest {
  private final IpAddressValidator validator = new IpAddressValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("IP_ADDRESS")).isInstanceOf(IpAddressValidator.class);
  }

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "'84.17.42.193', public IPv4",
    "'10.0.0.1', private IPv4 still identifies a host",
    "'2a02:1810:4d02:b300:5d1:9e0f:c0a8:101', full IPv6",
    "'fe80::1ff:fe23:4567:890a', compressed IPv6"
  })
  void accepts(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isTrue();
  }

  @ParameterizedTest(name = "{0} is invalid: {1}")
  @CsvSource({
    "'256.1.1.1', octet above 255",
    "'01.2.3.4', leading zero",
    "'127.0.0.1', loopback",
    "'192.0.2.15', RFC 5737 documentation range",
    "'2001:db8::1', RFC 3849 documentation range",
    "'1:2::3::4', two double colons"
  })
  void rejects(String value, String why) {
    assertThat(validator.isValid(value)).as(why).isFalse();
  }
}
