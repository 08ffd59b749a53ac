package io.trawl.jobs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.TrawlException;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed access configuration: documented defaults, overrides by name, unknown fields refused. */
class AccessAnalysisConfigTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    AccessAnalysisConfig c = AccessAnalysisConfig.defaults();
    assertThat(c.windowMinutes()).isEqualTo(60);
    assertThat(c.timeZone()).isEqualTo("UTC");
    assertThat(c.businessHoursStart()).isEqualTo(7);
    assertThat(c.businessHoursEnd()).isEqualTo(20);
    assertThat(c.businessDays()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(c.learningDays()).isEqualTo(7);
    assertThat(c.spikeMadMultiplier()).isEqualTo(6.0);
    assertThat(c.bulkBytes()).isEqualTo(5L << 30);
    assertThat(c.ownerAccountIds()).isEmpty();
  }

  @Test
  void jsonOverridesFieldsByNameAndKeepsTheRest() {
    AccessAnalysisConfig c =
        AccessAnalysisConfig.fromJson(
            "f.json",
            "{\"timeZone\":\"Europe/Berlin\",\"businessDays\":[\"SATURDAY\"],"
                + "\"ownerAccountIds\":[\"111122223333\"],\"bulkObjectReads\":60}");
    assertThat(c.zone().getId()).isEqualTo("Europe/Berlin");
    assertThat(c.businessDays()).containsExactly(DayOfWeek.SATURDAY);
    assertThat(c.ownerAccountIds()).containsExactly("111122223333");
    assertThat(c.bulkObjectReads()).isEqualTo(60);
    assertThat(c.windowMinutes()).isEqualTo(60);
    assertThat(AccessAnalysisConfig.fromJson("again", c.toJson())).isEqualTo(c);
  }

  @Test
  void unknownFieldsAndBadValuesAreRefusedWithTheirName() {
    assertThatThrownBy(() -> AccessAnalysisConfig.fromJson("f.json", "{\"bulkReads\": 5}"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("unknown access config field 'bulkReads'")
        .hasMessageContaining("bulkObjectReads");
    assertThatThrownBy(
            () -> AccessAnalysisConfig.fromJson("f.json", "{\"timeZone\": \"Mars/Base\"}"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("Mars/Base");
    assertThatThrownBy(() -> AccessAnalysisConfig.fromJson("f.json", "{\"windowMinutes\": 7}"))
        .hasMessageContaining("divide a day");
    assertThatThrownBy(() -> AccessAnalysisConfig.fromJson("f.json", "[1]"))
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> AccessAnalysisConfig.fromJson("f.json", "{\"spikeMinReads\": \"x\"}"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("f.json");
    assertThat(
            List.of(
                AccessAnalysisConfig.defaults().businessHoursStart(),
                AccessAnalysisConfig.defaults().businessHoursEnd()))
        .containsExactly(7, 20);
  }
}
