package io.trawl.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.TrawlException;
import io.trawl.detection.ManagedDataIdentifiers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceProfileUpdatesTest {
  static final ManagedDataIdentifiers MANAGED = ManagedDataIdentifiers.load();

  static List<ResourceProfileUpdates.Update> parse(String json) {
    return ResourceProfileUpdates.parse("settings.json", json, MANAGED);
  }

  @Test
  void macieRequestBodiesOneOrManyAndBothKindsInOneEntry() {
    List<ResourceProfileUpdates.Update> one =
        parse("{\"resourceArn\":\"arn:aws:s3:::web\",\"sensitivityScoreOverride\":100}");
    assertThat(one).containsExactly(new ResourceProfileUpdates.Update("web", true, 100, null));
    List<ResourceProfileUpdates.Update> many =
        parse(
            "[{\"resourceArn\":\"arn:aws:s3:::hr\",\"suppressDataIdentifiers\":["
                + "{\"id\":\"USA_SOCIAL_SECURITY_NUMBER\",\"type\":\"MANAGED\"},"
                + "{\"id\":\"3f4a-custom\",\"type\":\"CUSTOM\"}]},"
                + "{\"resourceArn\":\"arn:aws:s3:::logs\",\"sensitivityScoreOverride\":null,"
                + "\"suppressDataIdentifiers\":[]}]");
    assertThat(many)
        .containsExactly(
            new ResourceProfileUpdates.Update(
                "hr", false, null, List.of("USA_SOCIAL_SECURITY_NUMBER", "3f4a-custom")),
            new ResourceProfileUpdates.Update("logs", true, null, List.of()));
  }

  @Test
  void fieldsLeftOutKeepTheBucketsSetting() {
    Instant at = Instant.parse("2026-11-26T10:00:00Z");
    BucketSettings.Setting before =
        new BucketSettings.Setting(
            "111122223333", "hr", List.of("EMAIL_ADDRESS"), 100, "old", "ana", at);
    BucketSettings.Setting onlySuppress =
        new ResourceProfileUpdates.Update("hr", false, null, List.of("NAME"))
            .applyTo(before, "import", "bo", at);
    assertThat(onlySuppress.override()).isEqualTo(100);
    assertThat(onlySuppress.suppressedTypes()).containsExactly("NAME");
    assertThat(onlySuppress.accountId()).isEqualTo("111122223333");
    BucketSettings.Setting clearOverride =
        new ResourceProfileUpdates.Update("hr", true, null, null).applyTo(before, "x", "bo", at);
    assertThat(clearOverride.override()).isNull();
    assertThat(clearOverride.suppressedTypes()).containsExactly("EMAIL_ADDRESS");
  }

  @Test
  void badEntriesAreClearErrorsNamingTheEntry() {
    assertThatThrownBy(() -> parse("[{\"resourceArn\":\"arn:aws:s3:::a-b\",\"score\":100}]"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("entry 1")
        .hasMessageContaining("unknown field \"score\"");
    assertThatThrownBy(
            () ->
                parse(
                    "[{\"resourceArn\":\"arn:aws:s3:::web\",\"sensitivityScoreOverride\":100},"
                        + "{\"resourceArn\":\"arn:aws:macie2:us-east-1:1:x\","
                        + "\"sensitivityScoreOverride\":100}]"))
        .hasMessageContaining("entry 2")
        .hasMessageContaining("S3 bucket ARN");
    assertThatThrownBy(
            () -> parse("{\"resourceArn\":\"arn:aws:s3:::web\",\"sensitivityScoreOverride\":80}"))
        .hasMessageContaining("must be 100 or null");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"resourceArn\":\"arn:aws:s3:::web\",\"suppressDataIdentifiers\":"
                        + "[{\"id\":\"USA_SOCIAL_SECURTY_NUMBER\",\"type\":\"MANAGED\"}]}"))
        .hasMessageContaining("USA_SOCIAL_SECURTY_NUMBER")
        .hasMessageContaining("not a managed data identifier");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"resourceArn\":\"arn:aws:s3:::web\",\"suppressDataIdentifiers\":"
                        + "[{\"id\":\"X\",\"type\":\"OTHER\"}]}"))
        .hasMessageContaining("MANAGED\"|\"CUSTOM");
    assertThatThrownBy(() -> parse("{\"resourceArn\":\"arn:aws:s3:::web\"}"))
        .hasMessageContaining("nothing to change");
    assertThatThrownBy(
            () ->
                parse(
                    "[{\"resourceArn\":\"arn:aws:s3:::web\",\"sensitivityScoreOverride\":100},"
                        + "{\"resourceArn\":\"arn:aws:s3:::web\",\"suppressDataIdentifiers\":[]}]"))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"resourceArn\":\"arn:aws:s3:::web/reports\","
                        + "\"sensitivityScoreOverride\":100}"))
        .hasMessageContaining("not an S3 bucket name");
    assertThatThrownBy(() -> parse("[1,"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> parse("\"web\"")).hasMessageContaining("expected an");
  }
}
