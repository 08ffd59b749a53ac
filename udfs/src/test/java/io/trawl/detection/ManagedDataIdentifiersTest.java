package io.trawl.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.TrawlException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManagedDataIdentifiersTest {

  private static final String SSN =
      "  - id: USA_SOCIAL_SECURITY_NUMBER\n"
          + "    category: PERSONAL_INFORMATION\n"
          + "    regex: '\\b\\d{3}-\\d{2}-\\d{4}\\b'\n"
          + "    keywords: [ssn]\n"
          + "    keywordRequired: true\n"
          + "    severity: [HIGH, HIGH, HIGH]\n";

  private static String catalog(String... entries) {
    return "schemaVersion: 1\nidentifiers:\n" + String.join("", entries);
  }

  private static String entry(String id, String... fields) {
    StringBuilder sb = new StringBuilder("  - id: " + id + "\n");
    for (String f : fields) {
      sb.append("    ").append(f).append('\n');
    }
    return sb.toString();
  }

  @Test
  void loadsTheTestCatalogWithSummariesAndSamples() {
    ManagedDataIdentifiers c = TestCatalog.load();

    assertThat(c.allIds())
        .startsWith("USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER")
        .contains("NAME", "GERMANY_BANK_ACCOUNT_NUMBER")
        .hasSize(8);
    assertThat(c.recommendedIds())
        .containsExactly(
            "USA_SOCIAL_SECURITY_NUMBER",
            "CREDIT_CARD_NUMBER",
            "AWS_ACCESS_KEY_ID",
            "HTTP_BASIC_AUTH_HEADER");
    assertThat(c.contains("CREDIT_CARD_NUMBER_(NO_KEYWORD)")).isTrue();
    assertThat(c.contains("NOPE")).isFalse();
    assertThat(c.list().get(0))
        .isEqualTo(
            new ManagedIdentifierSummary(
                "USA_SOCIAL_SECURITY_NUMBER",
                Category.PERSONAL_INFORMATION,
                true,
                false,
                "US Social Security number (SSN)"));

    ManagedDataIdentifier ssn = c.definition("USA_SOCIAL_SECURITY_NUMBER");
    assertThat(ssn.maximumMatchDistance()).isEqualTo(30);
    assertThat(ssn.keywords()).containsExactly("ssn", "social security", "ss#");
    assertThat(ssn.samples().positive())
        .extracting(ManagedDataIdentifier.PositiveSample::count)
        .containsExactly(1, 2);
    assertThat(ssn.samples().negative().get(0).reason()).isEqualTo("no keyword nearby");

    ManagedDataIdentifier aws = c.definition("AWS_ACCESS_KEY_ID");
    assertThat(aws.anchors()).containsExactly("akia", "asia");
    assertThat(aws.trawlExtension()).isTrue();
    assertThat(c.definition("NAME").countLimit()).isEqualTo(3);
    assertThat(c.definition("CREDIT_CARD_NUMBER_(NO_KEYWORD)").trigger()).isEqualTo(Trigger.DIGITS);
    assertThat(c.validatorOf(c.definition("CREDIT_CARD_NUMBER")).name()).isEqualTo("LUHN");
  }

  @Test
  void unknownDefinitionIsAUserError() {
    assertThatThrownBy(() -> TestCatalog.load().definition("NOPE"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("unknown managed data identifier 'NOPE'");
  }

  @Test
  void severityFollowsMaciesCountBands() {
    ManagedDataIdentifier exp = TestCatalog.load().definition("CREDIT_CARD_EXPIRATION");
    assertThat(exp.severityFor(1)).isEqualTo(Severity.LOW);
    assertThat(exp.severityFor(2)).isEqualTo(Severity.MEDIUM);
    assertThat(exp.severityFor(99)).isEqualTo(Severity.MEDIUM);
    assertThat(exp.severityFor(100)).isEqualTo(Severity.HIGH);
  }

  static Stream<Arguments> invalidCatalogs() {
    return Stream.of(
        Arguments.of(catalog(SSN, SSN), "identifier 'USA_SOCIAL_SECURITY_NUMBER': duplicate id"),
        Arguments.of(
            catalog(
                entry(
                    "BAD_REGEX",
                    "category: CREDENTIALS",
                    "regex: '(?<=x)abc'",
                    "anchors: [abc]",
                    "severity: [HIGH, HIGH, HIGH]")),
            "identifier 'BAD_REGEX': regex does not compile in RE2J"),
        Arguments.of(
            catalog(
                entry(
                    "BAD_VALIDATOR",
                    "category: CREDENTIALS",
                    "regex: 'abc'",
                    "anchors: [abc]",
                    "validator: NOPE",
                    "severity: [HIGH, HIGH, HIGH]")),
            "identifier 'BAD_VALIDATOR': unknown validator 'NOPE'"),
        Arguments.of(
            catalog(
                entry(
                    "BAD_FINDER",
                    "category: PERSONAL_INFORMATION",
                    "finder: NOPE",
                    "severity: [LOW, MEDIUM, HIGH]")),
            "identifier 'BAD_FINDER': unknown finder 'NOPE'"),
        Arguments.of(
            catalog(
                entry(
                    "BAD_TRIGGER",
                    "category: CREDENTIALS",
                    "regex: 'abc'",
                    "trigger: LETTERS",
                    "severity: [HIGH, HIGH, HIGH]")),
            "identifier 'BAD_TRIGGER': unknown trigger 'LETTERS'; use NONE, DIGITS, IBAN, IP or FULL"),
        Arguments.of(
            catalog(
                entry(
                    "BAD_GROUP_DIGITS",
                    "category: CREDENTIALS",
                    "regex: '[0-9]{8}'",
                    "trigger: DIGITS",
                    "triggerMinDigits: 8",
                    "triggerMinGroupDigits: 9",
                    "severity: [HIGH, HIGH, HIGH]")),
            "identifier 'BAD_GROUP_DIGITS': triggerMinGroupDigits must be between 1 and"
                + " triggerMinDigits (8) but is 9"),
        Arguments.of(
            catalog(
                entry(
                    "NOWHERE",
                    "category: CREDENTIALS",
                    "regex: 'abc'",
                    "severity: [HIGH, HIGH, HIGH]")),
            "identifier 'NOWHERE': needs no keyword but has no anchors, trigger or finder"),
        Arguments.of(
            catalog(
                entry(
                    "TWO_SEVERITIES",
                    "category: CREDENTIALS",
                    "regex: 'abc'",
                    "anchors: [abc]",
                    "severity: [HIGH, HIGH]")),
            "identifier 'TWO_SEVERITIES': severity must have 3 entries (for 1, 2-99 and 100+"
                + " occurrences) but has 2"),
        Arguments.of(
            catalog(
                entry(
                    "BAD_SEVERITY",
                    "category: CREDENTIALS",
                    "regex: 'abc'",
                    "anchors: [abc]",
                    "severity: [HIGH, HIGH, URGENT]")),
            "identifier 'BAD_SEVERITY': unknown severity 'URGENT'"),
        Arguments.of(
            catalog(
                entry(
                    "NO_KEYWORDS",
                    "category: CREDENTIALS",
                    "regex: 'abc'",
                    "keywordRequired: true",
                    "severity: [HIGH, HIGH, HIGH]")),
            "identifier 'NO_KEYWORDS': keywordRequired is true but there are no keywords"),
        Arguments.of(
            catalog(
                entry(
                    "BOTH",
                    "category: PERSONAL_INFORMATION",
                    "regex: 'abc'",
                    "finder: TEST_NAMES",
                    "severity: [LOW, LOW, LOW]")),
            "identifier 'BOTH': set exactly one of 'regex' or 'finder'"),
        Arguments.of(
            catalog(
                entry(
                    "BAD_CATEGORY",
                    "category: CUSTOM_IDENTIFIER",
                    "regex: 'abc'",
                    "anchors: [abc]",
                    "severity: [LOW, LOW, LOW]")),
            "identifier 'BAD_CATEGORY': category must be CREDENTIALS, FINANCIAL_INFORMATION or"
                + " PERSONAL_INFORMATION but is CUSTOM_IDENTIFIER"),
        Arguments.of(
            catalog(
                entry(
                    "BAD_GROUP",
                    "category: CREDENTIALS",
                    "regex: 'a(b)c'",
                    "valueGroup: 2",
                    "anchors: [abc]",
                    "severity: [LOW, LOW, LOW]")),
            "identifier 'BAD_GROUP': valueGroup 2 is out of range; the regex has 1 groups"),
        Arguments.of(
            catalog(
                entry(
                    "NO_REASON",
                    "category: CREDENTIALS",
                    "regex: 'abc'",
                    "anchors: [abc]",
                    "severity: [LOW, LOW, LOW]",
                    "samples: {negative: [{text: 'abd'}]}")),
            "identifier 'NO_REASON': a negative sample has no reason"),
        Arguments.of(
            catalog(
                entry(
                    "TYPO",
                    "category: CREDENTIALS",
                    "regex: 'abc'",
                    "anchor: [abc]",
                    "severity: [LOW, LOW, LOW]")),
            "not valid catalog YAML: Unrecognized field \"anchor\""),
        Arguments.of("schemaVersion: 2\nidentifiers:\n" + SSN, "schemaVersion must be 1 but is 2"),
        Arguments.of("schemaVersion: 1\nidentifiers: []\n", "'identifiers' is missing or empty"));
  }

  @ParameterizedTest
  @MethodSource("invalidCatalogs")
  void rejectsInvalidCatalogsWithAClearMessage(String yaml, String message) {
    assertThatThrownBy(() -> TestCatalog.load(yaml))
        .isInstanceOf(TrawlException.class)
        .hasMessageStartingWith("managed data identifier catalog test.yaml")
        .hasMessageContaining(message)
        .extracting(e -> ((TrawlException) e).code())
        .isEqualTo(TrawlException.Code.INVALID_DATA_IDENTIFIER);
  }

  @Test
  void keywordOptionalIdentifierWithOnlyKeywordsIsAccepted() {
    ManagedDataIdentifiers c =
        TestCatalog.load(
            catalog(
                entry(
                    "KEYWORDS_ONLY",
                    "category: CREDENTIALS",
                    "regex: 'tok-[0-9]{6}'",
                    "keywords: [token]",
                    "severity: [HIGH, HIGH, HIGH]")));
    assertThat(c.definition("KEYWORDS_ONLY").keywordRequired()).isFalse();
  }
}
