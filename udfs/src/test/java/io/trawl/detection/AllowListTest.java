package io.trawl.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.TrawlException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AllowListTest {
  private static final AllowList.WordsReader NO_READER =
      (b, k) -> {
        throw new IOException("no S3 here");
      };

  private static AllowList parse(String json) {
    return AllowList.fromJson("allow.json", json, NO_READER).get(0);
  }

  @Test
  void textEntriesMatchCompletelyAndCaseInsensitively() {
    AllowList l = parse("{\"name\":\"ok\",\"criteria\":{\"words\":[\" Test-Value \",\"\",\"x\"]}}");
    assertThat(l.id()).isEqualTo("ok");
    assertThat(l.words()).containsExactly("Test-Value", "x");
    assertThat(l.allows("test-value")).isTrue();
    assertThat(l.allows("TEST-VALUE")).isTrue();
    assertThat(l.allows("test-value2")).isFalse();
    assertThat(l.allows("a test-value")).isFalse();
  }

  @Test
  void regexMustMatchTheWholeValue() {
    AllowList l = parse("{\"name\":\"r\",\"criteria\":{\"regex\":\"123-45-\\\\d{4}\"}}");
    assertThat(l.allows("123-45-6789")).isTrue();
    assertThat(l.allows("123-45-67890")).isFalse();
    assertThat(l.allows("x123-45-6789")).isFalse();
  }

  @Test
  void s3WordsListsAreReadThroughTheReaderAndGetResponsesKeepTheirId() {
    List<AllowList> lists =
        AllowList.fromJson(
            "allow.json",
            "[{\"id\":\"a1\",\"arn\":\"arn:x\",\"name\":\"words\",\"status\":{\"code\":\"OK\"},"
                + "\"criteria\":{\"s3WordsList\":{\"bucketName\":\"b\",\"objectKey\":\"k.txt\"}}}]",
            (bucket, key) -> List.of(bucket + "/" + key, "  Jane Doe  ", ""));
    assertThat(lists.get(0).id()).isEqualTo("a1");
    assertThat(lists.get(0).words()).containsExactly("b/k.txt", "Jane Doe");
  }

  @Test
  void invalidListsSayWhatToFix() {
    assertThatThrownBy(
            () -> parse("{\"name\":\"two\",\"criteria\":{\"regex\":\"a\",\"words\":[\"b\"]}}"))
        .isInstanceOf(TrawlException.class)
        .hasMessage(
            "allow list 'two': criteria must have exactly one of regex, s3WordsList or words, but has"
                + " 2");
    assertThatThrownBy(() -> parse("{\"name\":\"none\"}"))
        .hasMessageContaining("'criteria' is required");
    assertThatThrownBy(
            () -> parse("{\"name\":\"long\",\"criteria\":{\"regex\":\"" + "a".repeat(513) + "\"}}"))
        .hasMessageContaining("regex must be 1-512 characters but has 513");
    assertThatThrownBy(() -> parse("{\"name\":\"bad\",\"criteria\":{\"regex\":\"(a\"}}"))
        .hasMessageContaining("allow list 'bad': regex:");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"name\":\"s3\",\"criteria\":{\"s3WordsList\":{\"bucketName\":\"b\","
                        + "\"objectKey\":\"k\"}}}"))
        .hasMessage("allow list 's3': cannot read s3WordsList s3://b/k: no S3 here");
    String many =
        IntStream.range(0, 100_001)
            .mapToObj(i -> "\"w" + i + "\"")
            .collect(Collectors.joining(","));
    assertThatThrownBy(() -> parse("{\"name\":\"big\",\"criteria\":{\"words\":[" + many + "]}}"))
        .hasMessageContaining("100001 entries, more than Macie's 100000");
  }

  @Test
  void suppressedValuesAppearNowhere() {
    List<AllowList> lists =
        AllowList.fromJson(
            "allow.json",
            "[{\"name\":\"t\",\"criteria\":{\"words\":[\"123-45-6789\"]}},"
                + "{\"name\":\"r\",\"criteria\":{\"regex\":\"AKIA[A-Z0-9]*EXAMPLE\"}}]",
            NO_READER);
    DetectionEngine engine = TestCatalog.engine(List.of(), lists);
    List<Detection> ds =
        engine.detect("ssn 123-45-6789 ssn 234-56-7890 AKIAIOSFODNN7EXAMPLE AKIAIOSFODNN7EXAMPL2");
    assertThat(ds)
        .extracting(Detection::type, Detection::count)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("AWS_ACCESS_KEY_ID", 1L),
            org.assertj.core.groups.Tuple.tuple("USA_SOCIAL_SECURITY_NUMBER", 1L));
    assertThat(ds.get(1).occurrences().get(0).maskedSample()).isEqualTo("***-**-7890");
    assertThat(engine.detect("ssn 123-45-6789")).isEmpty();
  }
}
