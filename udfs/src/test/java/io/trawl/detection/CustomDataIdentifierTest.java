package io.trawl.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.TrawlException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomDataIdentifierTest {

  private static CustomDataIdentifier parse(String json) {
    List<CustomDataIdentifier> all = CustomDataIdentifier.fromJson("cdi.json", json);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private static CustomDataIdentifier withRegex(String regex) {
    return parse("{\"name\":\"emp\",\"regex\":\"" + regex.replace("\\", "\\\\") + "\"}");
  }

  private static DetectionEngine engineWith(CustomDataIdentifier c) {
    return DetectionEngine.create(
        new EngineConfig(Set.of(), List.of(c), List.of(), TestCatalog.HASH_KEY));
  }

  @Test
  void parsesACreateRequestWithDefaults() {
    CustomDataIdentifier c =
        parse(
            "{\"name\":\"Employee ID\",\"regex\":\"EMP-\\\\d{6}\",\"clientToken\":\"t\","
                + "\"tags\":{\"team\":\"hr\"}}");
    assertThat(c.id()).isEqualTo("Employee ID");
    assertThat(c.maximumMatchDistance()).isEqualTo(50);
    assertThat(c.keywords()).isEmpty();
    assertThat(c.severityLevels()).isEmpty();
  }

  @Test
  void parsesAGetResponseAndArrays() {
    List<CustomDataIdentifier> all =
        CustomDataIdentifier.fromJson(
            "cdi.json",
            "[{\"id\":\"7f1e\",\"arn\":\"arn:aws:macie2:us-east-1:1:custom-data-identifier/7f1e\","
                + "\"name\":\"emp\",\"regex\":\"EMP-\\\\d{6}\",\"keywords\":[\"employee\"],"
                + "\"ignoreWords\":[\"EMP-000000\"],\"maximumMatchDistance\":20,"
                + "\"severityLevels\":[{\"occurrencesThreshold\":1,\"severity\":\"LOW\"},"
                + "{\"occurrencesThreshold\":10,\"severity\":\"HIGH\"}],"
                + "\"createdAt\":\"2024-01-01T00:00:00Z\",\"deleted\":false},"
                + "{\"name\":\"b\",\"regex\":\"x[0-9]+\"}]");
    assertThat(all).extracting(CustomDataIdentifier::id).containsExactly("7f1e", "b");
    CustomDataIdentifier c = all.get(0);
    assertThat(c.maximumMatchDistance()).isEqualTo(20);
    assertThat(c.severityLevels())
        .containsExactly(new SeverityLevel(1, Severity.LOW), new SeverityLevel(10, Severity.HIGH));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a(b)c | capturing groups (...) are not supported; use a non-capturing group (?:...)",
        "(?P<x>b) | named capturing groups are not supported",
        "(a)\\1 | capturing groups",
        "(?:a)\\1 | backreferences such as \\1 are not supported; repeat the subpattern instead",
        "a(?=b) | look-ahead (?=...) is not supported",
        "a(?!b) | look-ahead (?!...) is not supported",
        "(?<=a)b | look-behind (?<=...) is not supported; use keywords with maximumMatchDistance",
        "(?<!a)b | look-behind (?<!...) is not supported",
        "/emp-\\d+/i | global flags such as /i are not supported; remove the slashes and use an"
            + " inline flag such as (?i)",
        "\\d{100,1000} | the bounded repeat {100,1000} is too large (upper bound over 100); use an"
            + " open repeat such as {100,}",
        "[a-z | regex does not compile",
      })
  void rejectsWhatMacieRejectsWithAFix(String regex, String message) {
    assertThatThrownBy(() -> withRegex(regex))
        .isInstanceOf(TrawlException.class)
        .hasMessageStartingWith("custom data identifier 'emp': ")
        .hasMessageContaining(message)
        .extracting(e -> ((TrawlException) e).code())
        .isEqualTo(TrawlException.Code.INVALID_DATA_IDENTIFIER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"(?i)emp-\\d+", "(?:ab|cd)+\\d{2,}", "[(]\\d{3}[)]", "\\(\\d+\\)", "\\d{100,}"})
  void acceptsNonCapturingGroupsInlineFlagsAndEscapedParentheses(String regex) {
    assertThat(withRegex(regex).regex()).isEqualTo(regex);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"keywords\":[\"ab\"] | keyword 'ab' must be 3-90 characters but has 2",
        "\"ignoreWords\":[\"abc\"] | ignore word 'abc' must be 4-90 characters but has 3",
        "\"maximumMatchDistance\":301 | maximumMatchDistance must be 1-300 but is 301",
        "\"maximumMatchDistance\":0 | maximumMatchDistance must be 1-300 but is 0",
        "\"severityLevels\":[{\"occurrencesThreshold\":5,\"severity\":\"LOW\"},"
            + "{\"occurrencesThreshold\":5,\"severity\":\"HIGH\"}] | occurrence thresholds must"
            + " ascend LOW < MEDIUM < HIGH, but LOW is 5 and HIGH is 5",
        "\"severityLevels\":[{\"occurrencesThreshold\":1,\"severity\":\"LOW\"},"
            + "{\"occurrencesThreshold\":9,\"severity\":\"LOW\"}] | severity LOW appears in more"
            + " than one severity level",
        "\"severityLevels\":[{\"occurrencesThreshold\":1,\"severity\":\"URGENT\"}] | unknown"
            + " severity 'URGENT'",
        "\"keyword\":[\"abc\"] | unknown field 'keyword'",
      })
  void enforcesMaciesLimits(String field, String message) {
    assertThatThrownBy(() -> parse("{\"name\":\"emp\",\"regex\":\"EMP-[0-9]+\"," + field + "}"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining(message);
  }

  @Test
  void enforcesLengthAndCountLimits() {
    String longName = "n".repeat(129);
    assertThatThrownBy(() -> parse("{\"name\":\"" + longName + "\",\"regex\":\"a\"}"))
        .hasMessageContaining("name must be 1-128 characters");
    assertThatThrownBy(() -> withRegex("a".repeat(513)))
        .hasMessageContaining("regex is 513 characters, more than Macie's 512");
    StringBuilder kws = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      kws.append(i == 0 ? "" : ",").append("\"kw").append(i).append('"');
    }
    assertThatThrownBy(() -> parse("{\"name\":\"emp\",\"regex\":\"a\",\"keywords\":[" + kws + "]}"))
        .hasMessageContaining("51 keywords, more than Macie's 50");
    assertThatThrownBy(() -> CustomDataIdentifier.fromJson("cdi.json", "{nope"))
        .isInstanceOf(TrawlException.class)
        .hasMessageStartingWith("cdi.json: not valid JSON");
    assertThatThrownBy(() -> CustomDataIdentifier.fromJson("cdi.json", "{\"regex\":\"a\"}"))
        .hasMessageContaining("has no 'name'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the keyword must precede; distance = end of keyword to end of match (10 here)
        "employee EMP-123456 | 1",
        "EMP-123456 employee | 0",
        "employee:EMP-12 | 1",
        "employee  EMP-12 | 0",
        "EMPLOYEE EMP-12 | 1",
        "no keyword EMP-12 | 0",
      })
  void customKeywordsMustPrecedeWithinTheDistance(String text, long expected) {
    CustomDataIdentifier c =
        parse(
            "{\"name\":\"emp\",\"regex\":\"EMP-[0-9]+\",\"keywords\":[\"employee\"],"
                + "\"maximumMatchDistance\":"
                + (text.contains("123456") ? 50 : 7)
                + "}");
    assertThat(c.test(text)).isEqualTo(expected);
  }

  @Test
  void withoutKeywordsTheRegexRunsOverTheWholeText() {
    CustomDataIdentifier c = withRegex("EMP-[0-9]{6}");
    assertThat(c.test("a EMP-123456 b\n" + "x".repeat(5000) + " EMP-654321")).isEqualTo(2);
  }

  @Test
  void ignoreWordsDropMatchesContainingThemCaseSensitively() {
    CustomDataIdentifier c =
        parse("{\"name\":\"emp\",\"regex\":\"EMP-[0-9A-Za-z]+\",\"ignoreWords\":[\"TEST\"]}");
    assertThat(c.test("EMP-123 EMP-TEST9 EMP-9TEST EMP-test")).isEqualTo(2);
  }

  @Test
  void severityLevelsApplyFromTheirThresholdAndBelowTheLowestThereIsNoDetection() {
    CustomDataIdentifier c =
        parse(
            "{\"name\":\"emp\",\"regex\":\"EMP-[0-9]+\",\"severityLevels\":["
                + "{\"occurrencesThreshold\":2,\"severity\":\"LOW\"},"
                + "{\"occurrencesThreshold\":3,\"severity\":\"MEDIUM\"},"
                + "{\"occurrencesThreshold\":5,\"severity\":\"HIGH\"}]}");
    DetectionEngine engine = engineWith(c);
    assertThat(engine.detect("EMP-1")).isEmpty();
    assertThat(engine.detect("EMP-1 EMP-2").get(0).severity()).isEqualTo(Severity.LOW);
    assertThat(engine.detect("EMP-1 EMP-2 EMP-3 EMP-4").get(0).severity())
        .isEqualTo(Severity.MEDIUM);
    assertThat(engine.detect("EMP-1 EMP-2 EMP-3 EMP-4 EMP-5").get(0).severity())
        .isEqualTo(Severity.HIGH);
    assertThat(c.test("EMP-1")).isEqualTo(1);
  }

  @Test
  void detectionsOfCustomIdentifiersUseTheirNameAndCategory() {
    CustomDataIdentifier c = withRegex("EMP-[0-9]{6}");
    Detection d = engineWith(c).detect("EMP-123456").get(0);
    assertThat(d.type()).isEqualTo("emp");
    assertThat(d.identifierType()).isEqualTo(IdentifierType.CUSTOM);
    assertThat(d.category()).isEqualTo(Category.CUSTOM_IDENTIFIER);
    assertThat(d.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(d.occurrences().get(0).maskedSample()).isEqualTo("***-**3456");
    assertThat(FindingRules.findingType(List.of(d)))
        .isEqualTo("SensitiveData:S3Object/CustomIdentifier");
  }

  @Test
  void aKeywordInTheColumnNameCountsForCustomIdentifiers() {
    CustomDataIdentifier c =
        parse("{\"name\":\"emp\",\"regex\":\"EMP-[0-9]+\",\"keywords\":[\"employee\"]}");
    ObjectScan scan = engineWith(c).newScan();
    scan.cell("EMP-42", 2, 1, "Employee", null);
    scan.cell("EMP-43", 3, 2, "other", null);
    assertThat(scan.detections().get(0).count()).isEqualTo(1);
  }

  @Test
  void textAnchorsMeanTheWholeFile() {
    CustomDataIdentifier c =
        parse("{\"name\":\"emp\",\"regex\":\"^EMP-[0-9]+\",\"keywords\":[\"employee\"]}");
    assertThat(c.test("EMP-1 employee EMP-2")).isZero();
  }
}
