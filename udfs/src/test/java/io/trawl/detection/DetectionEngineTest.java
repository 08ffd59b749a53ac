package io.trawl.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.TrawlException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectionEngineTest {
  private static final DetectionEngine ENGINE = TestCatalog.engine();

  private static Map<String, Long> counts(String text) {
    return counts(ENGINE.detect(text));
  }

  private static Map<String, Long> counts(List<Detection> detections) {
    return detections.stream().collect(Collectors.toMap(Detection::type, Detection::count));
  }

  private static Detection only(String type, String text) {
    return ENGINE.detect(text).stream()
        .filter(d -> d.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type + " not detected"));
  }

  private static String spaces(int n) {
    return " ".repeat(n);
  }

  @ParameterizedTest(name = "keyword {0} with gap {1} -> {2}")
  @CsvSource({
    "before, 30, 1",
    "before, 31, 0",
    "after, 30, 1",
    "after, 31, 0",
    "before, 1, 1",
  })
  void managedKeywordMustBeWithin30CharactersBeforeOrAfter(String side, int gap, long expected) {
    String text =
        side.equals("before")
            ? "ssn" + spaces(gap) + "123-45-6789"
            : "123-45-6789" + spaces(gap) + "ssn";
    assertThat(counts(text).getOrDefault("USA_SOCIAL_SECURITY_NUMBER", 0L)).isEqualTo(expected);
  }

  @Test
  void keywordsAreCaseInsensitiveAndMatchTheirSpaceVariants() {
    assertThat(counts("SSN: 123-45-6789")).containsEntry("USA_SOCIAL_SECURITY_NUMBER", 1L);
    for (String kw :
        List.of("Social Security", "SOCIAL_SECURITY", "social-security", "SocialSecurity")) {
      assertThat(counts(kw + " 123-45-6789"))
          .as(kw)
          .containsEntry("USA_SOCIAL_SECURITY_NUMBER", 1L);
    }
    assertThat(counts("ss# 123-45-6789")).containsEntry("USA_SOCIAL_SECURITY_NUMBER", 1L);
  }

  @Test
  void aKeywordInsideALongerWordDoesNotCount() {
    assertThat(counts("classnotes 123-45-6789")).doesNotContainKey("USA_SOCIAL_SECURITY_NUMBER");
    assertThat(counts("(ssn)123-45-6789")).containsEntry("USA_SOCIAL_SECURITY_NUMBER", 1L);
  }

  @Test
  void noKeywordNoDetectionForKeywordRequiredIdentifiers() {
    assertThat(ENGINE.detect("order 123-45-6789 shipped on 01/25")).isEmpty();
  }

  @Test
  void exclusionsAreNeverReported() {
    assertThat(counts("ssn 078-05-1120 and ssn 123-45-6789"))
        .containsEntry("USA_SOCIAL_SECURITY_NUMBER", 1L);
    assertThat(counts("credit card 4111 1111 1111 1111")).doesNotContainKey("CREDIT_CARD_NUMBER");
  }

  @Test
  void validatorsRejectMatchesThatFailTheirCheck() {
    Map<String, Long> c = counts("visa 4012888888881881 and visa 4012888888881882");
    assertThat(c).containsEntry("CREDIT_CARD_NUMBER", 1L);
    assertThat(c).containsEntry("CREDIT_CARD_NUMBER_(NO_KEYWORD)", 1L);
    Occurrence o = only("CREDIT_CARD_NUMBER", "visa 4012888888881881").occurrences().get(0);
    assertThat(o.validator()).isEqualTo("LUHN");
    assertThat(o.keyword()).isEqualTo("visa");
  }

  @Test
  void digitTriggerFindsNumbersWithoutKeywordsWithSeparators() {
    Map<String, Long> c = counts("paid with 5105-1051-0510-5100 yesterday, ref 12345");
    assertThat(c).containsEntry("CREDIT_CARD_NUMBER_(NO_KEYWORD)", 1L);
    assertThat(c).doesNotContainKey("CREDIT_CARD_NUMBER");
  }

  @Test
  void digitStringsLongerThanAnyIdentifierAreNotTriggers() {
    assertThat(ENGINE.detect("4012888888881881" + "0".repeat(60))).isEmpty();
  }

  @Test
  void anchorsFindIdentifiersThatNeedNoKeyword() {
    Detection d =
        only("AWS_ACCESS_KEY_ID", "export KEY=AKIAIOSFODNN7EXAMPLE\nother AKIAIOSFODNN7EXAMPL1");
    assertThat(d.count()).isEqualTo(1);
    assertThat(d.category()).isEqualTo(Category.CREDENTIALS);
    assertThat(d.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void ibanTriggerAndMod97() {
    Map<String, Long> c =
        counts("Bitte auf DE89 3704 0044 0532 0130 00 oder DE89370400440532013001");
    assertThat(c).containsEntry("GERMANY_BANK_ACCOUNT_NUMBER", 1L);
    assertThat(counts("IBAN DE89370400440532013000"))
        .containsEntry("GERMANY_BANK_ACCOUNT_NUMBER", 1L);
  }

  @Test
  void valueGroupIsTheReportedValue() {
    Detection d =
        only("HTTP_BASIC_AUTH_HEADER", "GET /\nAuthorization: Basic dXNlcjpwYXNzd29yZA==\n");
    Occurrence o = d.occurrences().get(0);
    assertThat(o.maskedSample()).isEqualTo("**************9yZA==");
    assertThat(o.location()).isEqualTo(new Location.LineRange(2, 2, 22));
  }

  @Test
  void finderIdentifiersCountUpToTheirLimit() {
    Detection d = only("NAME", "John Smith, Maria Garcia, Akira Sato, John Doe and John Roe");
    assertThat(d.count()).isEqualTo(3);
    assertThat(d.occurrences()).hasSize(3);
    assertThat(d.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void severityFollowsTheCountBands() {
    assertThat(only("CREDIT_CARD_EXPIRATION", "expiry 01/27").severity()).isEqualTo(Severity.LOW);
    assertThat(only("CREDIT_CARD_EXPIRATION", "expiry 01/27 expiry 02/27").severity())
        .isEqualTo(Severity.MEDIUM);
    String hundred = "expiry 03/28\n".repeat(100);
    Detection d = only("CREDIT_CARD_EXPIRATION", hundred);
    assertThat(d.count()).isEqualTo(100);
    assertThat(d.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void everyOccurrenceIsCountedButOnlyAThousandAreRecorded() {
    String text = "ssn 123-45-6789\n".repeat(1200);
    Detection d = only("USA_SOCIAL_SECURITY_NUMBER", text);
    assertThat(d.count()).isEqualTo(1200);
    assertThat(d.occurrences()).hasSize(Detection.MAX_RECORDED_OCCURRENCES);
    assertThat(d.occurrences().get(999).location())
        .isEqualTo(new Location.LineRange(1000, 1000, 5));
  }

  @Test
  void overlappingWindowsCountAMatchOnce() {
    // Three keywords around one value open three overlapping windows.
    assertThat(counts("ssn ssn 123-45-6789 ssn")).containsEntry("USA_SOCIAL_SECURITY_NUMBER", 1L);
  }

  @Test
  void lineRangesAreOneBasedWithCharacterColumns() {
    Detection d = only("USA_SOCIAL_SECURITY_NUMBER", "first line\n\tSSN é 123-45-6789\n");
    assertThat(d.occurrences().get(0).location()).isEqualTo(new Location.LineRange(2, 2, 8));
  }

  @Test
  void occurrencesCarryMaskedSamplesAndKeyedHashesButNeverTheValue() {
    String raw = "123-45-6789";
    List<Detection> ds = ENGINE.detect("SSN " + raw);
    Occurrence o = ds.get(0).occurrences().get(0);
    assertThat(o.maskedSample()).isEqualTo("***-**-6789");
    assertThat(o.valueHash()).hasSize(32).matches("[0-9a-f]+");
    assertThat(o.keyword()).isEqualTo("ssn");
    assertThat(ds.toString()).doesNotContain(raw).doesNotContain("123456789");

    // Same value, same key: same hash (also across separators); another key: another hash.
    String again =
        only("USA_SOCIAL_SECURITY_NUMBER", "ssn: " + raw).occurrences().get(0).valueHash();
    assertThat(again).isEqualTo(o.valueHash());
    DetectionEngine other =
        DetectionEngine.create(
            new EngineConfig(Set.of("USA_SOCIAL_SECURITY_NUMBER"), List.of(), List.of(), "other"),
            TestCatalog.load());
    assertThat(other.detect("SSN " + raw).get(0).occurrences().get(0).valueHash())
        .isNotEqualTo(o.valueHash());
  }

  @Test
  void detectionsAreSortedByTypeAndFindingRulesApply() {
    List<Detection> ds = ENGINE.detect("ssn 123-45-6789 key AKIAIOSFODNN7EXAMPLE expiry 01/27");
    assertThat(ds)
        .extracting(Detection::type)
        .containsExactly(
            "AWS_ACCESS_KEY_ID", "CREDIT_CARD_EXPIRATION", "USA_SOCIAL_SECURITY_NUMBER");
    assertThat(FindingRules.findingType(ds)).isEqualTo(Category.MULTIPLE_FINDING_TYPE);
    assertThat(FindingRules.severity(ds)).isEqualTo(Severity.HIGH);
  }

  @Test
  void onlySelectedIdentifiersRun() {
    DetectionEngine ssnOnly = TestCatalog.engine(Set.of("USA_SOCIAL_SECURITY_NUMBER"));
    assertThat(ssnOnly.identifierCount()).isEqualTo(1);
    assertThat(counts(ssnOnly.detect("ssn 123-45-6789 AKIAIOSFODNN7EXAMPLE")))
        .containsOnlyKeys("USA_SOCIAL_SECURITY_NUMBER");
  }

  @Test
  void unknownSelectedIdIsAUserError() {
    assertThatThrownBy(() -> TestCatalog.engine(Set.of("NOPE")))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("unknown managed data identifier 'NOPE'");
  }

  @Test
  void maskReplacesEveryDetectedValue() {
    String masked = ENGINE.mask("SSN 123-45-6789, key AKIAIOSFODNN7EXAMPLE, ok");
    assertThat(masked).isEqualTo("SSN ***-**-6789, key ****************MPLE, ok");
    assertThat(ENGINE.mask("nothing here")).isEqualTo("nothing here");
  }

  @Test
  void aBacktrackingManagedPatternFallsBackToRe2jAndStaysCorrect() {
    // (?:a+)+b is exponential for a backtracking engine on a run of a's without a b; the JDK fast
    // path gives up after its budget and RE2J answers in linear time.
    ManagedDataIdentifiers catalog =
        TestCatalog.load(
            "schemaVersion: 1\nidentifiers:\n"
                + "  - id: EVIL\n    category: CREDENTIALS\n    regex: '(?:a+)+b'\n"
                + "    maxLength: 200\n    anchors: [aaaa]\n    severity: [HIGH, HIGH, HIGH]\n");
    DetectionEngine engine =
        DetectionEngine.create(
            new EngineConfig(Set.of("EVIL"), List.of(), List.of(), "k"), catalog);
    String run = "a".repeat(60);
    assertThat(engine.detect(run)).isEmpty();
    assertThat(counts(engine.detect(run + "b " + run))).containsEntry("EVIL", 1L);
  }

  @Test
  void ipTriggerFindsDottedQuadsAndIpv6GroupsBetweenLogTimestamps() {
    ManagedDataIdentifiers shipped = ManagedDataIdentifiers.load();
    DetectionEngine engine =
        DetectionEngine.create(
            new EngineConfig(Set.of("IP_ADDRESS"), List.of(), List.of(), "k"), shipped);
    String log =
        "2024-05-03 12:34:56.789 INFO GET /api/v2/orders/123456 client=84.17.42.193 status=200\n"
            + "2024-05-03 12:34:57.001 WARN blocked 2a02:1810:4d02:b300:5d1:9e0f:c0a8:101 ok\n";
    assertThat(counts(engine.detect(log))).containsEntry("IP_ADDRESS", 2L);
    assertThat(engine.detect("2024-05-03 12:34:56.789 INFO done in 1234 ms")).isEmpty();
  }

  @ParameterizedTest(name = "triggerMinGroupDigits {0} -> {1}")
  @CsvSource({"4, 1", "5, 0"})
  void aDigitRunTriggersOnlyWithALongEnoughGroup(int minGroup, long expected) {
    // The trigger says where the regex runs: a run of 4-digit groups does not open a window for
    // an identifier whose values always hold 5 digits in a row.
    ManagedDataIdentifiers catalog =
        TestCatalog.load(
            "schemaVersion: 1\nidentifiers:\n"
                + "  - id: GROUPED\n    category: FINANCIAL_INFORMATION\n"
                + "    regex: '[0-9]{4}-[0-9]{4}-[0-9]{4}'\n    maxLength: 14\n"
                + "    trigger: DIGITS\n    triggerMinDigits: 12\n"
                + "    triggerMinGroupDigits: "
                + minGroup
                + "\n    severity: [HIGH, HIGH, HIGH]\n");
    DetectionEngine engine =
        DetectionEngine.create(
            new EngineConfig(Set.of("GROUPED"), List.of(), List.of(), "k"), catalog);
    assertThat(counts(engine.detect("ref 1234-5678-9012 end")).getOrDefault("GROUPED", 0L))
        .isEqualTo(expected);
  }

  @Test
  void emptyAndNonAsciiTextIsSafe() {
    assertThat(ENGINE.detect("")).isEmpty();
    assertThat(ENGINE.detect("日本語のテキスト ssn ١٢٣")).isEmpty();
  }
}
