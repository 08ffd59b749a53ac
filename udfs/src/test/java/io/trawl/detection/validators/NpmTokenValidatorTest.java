package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;

/** npm tokens built here with the published checksum scheme; none is a real token. */
class NpmTokenValidatorTest {
  private static final String RANDOM = "Zy9XwV8uT7sR6qP5oN4mL3kJ2iH1gF";
  private final NpmTokenValidator validator = new NpmTokenValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("NPM_TOKEN")).isInstanceOf(NpmTokenValidator.class);
  }

  @Test
  void acceptsTokenWithValidChecksum() {
    assertThat(validator.isValid("npm_" + RANDOM + Base62Crc32.checksum(RANDOM))).isTrue();
  }

  @Test
  void rejectsWrongChecksumPrefixOrLength() {
    String sum = Base62Crc32.checksum(RANDOM);
    assertThat(validator.isValid("npm_" + RANDOM + "000000")).isFalse();
    assertThat(validator.isValid("npx_" + RANDOM + sum)).isFalse();
    assertThat(validator.isValid("npm_" + RANDOM.substring(1) + sum)).isFalse();
  }
}
