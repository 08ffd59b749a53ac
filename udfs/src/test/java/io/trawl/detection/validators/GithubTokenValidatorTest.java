package io.trawl.detection.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GitHub tokens are built here with the published checksum scheme; none is a real token. */
class GithubTokenValidatorTest {
  private static final String RANDOM = "abcdefghijklmnopqrstuvwxyz0123";
  private final GithubTokenValidator validator = new GithubTokenValidator();

  @Test
  void isRegisteredByName() {
    assertThat(Validators.validator("GITHUB_TOKEN")).isInstanceOf(GithubTokenValidator.class);
  }

  @Test
  void checksumMatchesAnIndependentComputation() {
    // Computed with Python's zlib.crc32 and a base62 encoder while writing this test.
    assertThat(Base62Crc32.checksum(RANDOM)).isEqualTo("2LolCm");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"})
  void acceptsClassicTokensWithValidChecksum(String prefix) {
    assertThat(validator.isValid(prefix + RANDOM + Base62Crc32.checksum(RANDOM))).isTrue();
  }

  @Test
  void rejectsClassicTokenWithWrongChecksum() {
    assertThat(validator.isValid("ghp_" + RANDOM + "2LolCn")).isFalse();
  }

  @Test
  void rejectsUnknownPrefixAndWrongLength() {
    assertThat(validator.isValid("ghx_" + RANDOM + "2LolCm")).isFalse();
    assertThat(validator.isValid("ghp_" + RANDOM + "2LolC")).isFalse();
  }

  @Test
  void acceptsFineGrainedTokensOnStructure() {
    String pat = "github_pat_" + "A".repeat(11) + "b".repeat(11) + "_" + "x1".repeat(29) + "z";
    assertThat(pat).hasSize(93);
    assertThat(validator.isValid(pat)).isTrue();
    assertThat(validator.isValid(pat.replace('_', '-'))).isFalse();
  }
}
