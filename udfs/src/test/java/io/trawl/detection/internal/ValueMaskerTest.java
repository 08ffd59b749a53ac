package io.trawl.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueMaskerTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "123-45-6789 | ***-**-6789",
        "4111 1111 1111 1111 | **** **** **** 1111",
        "123 | ***",
        "02/26 | **/**",
        "1234567 | *******",
        "12345678 | ****5678",
        "AKIAIOSFODNN7EXAMPLE | ****************MPLE",
      })
  void keepsSeparatorsAndOnlyTheLastFourOfLongerValues(String value, String masked) {
    assertThat(ValueMasker.mask(value)).isEqualTo(masked);
  }

  @Test
  void longValuesAreShortened() {
    String masked = ValueMasker.mask("A".repeat(300) + "WXYZ");
    assertThat(masked).hasSize(ValueMasker.MAX_SAMPLE_LENGTH).endsWith("WXYZ").contains("...");
    assertThat(masked.replace("*", "").replace("...", "")).isEqualTo("WXYZ");
  }

  @Test
  void hashesAreKeyedAndIgnoreSeparators() {
    ValueMasker a = new ValueMasker("k1");
    assertThat(a.hash("123-45-6789")).isEqualTo(a.hash("123 45 6789")).hasSize(32);
    assertThat(a.hash("123-45-6789")).isNotEqualTo(new ValueMasker("k2").hash("123-45-6789"));
    assertThat(new ValueMasker(null).hash("x")).isEqualTo(new ValueMasker("").hash("x"));
  }
}
