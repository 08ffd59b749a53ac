package io.trawl.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped identifier's own samples, run through the real engine with only that identifier
 * selected: each positive must be found (with its count), each negative must not. A failure names
 * the identifier and the sample (gitleaks' tps/fps; style-anchors section 9 item 9).
 */
class ManagedIdentifierSamplesTest {
  private static final ManagedDataIdentifiers CATALOG = ManagedDataIdentifiers.load();
  private static final Map<String, DetectionEngine> ENGINES = new ConcurrentHashMap<>();

  static Stream<Arguments> positives() {
    return CATALOG.definitions().stream()
        .flatMap(
            d ->
                d.samples().positive().stream()
                    .map(p -> Arguments.of(d.id(), p.text(), p.count())));
  }

  static Stream<Arguments> negatives() {
    return CATALOG.definitions().stream()
        .flatMap(
            d ->
                d.samples().negative().stream()
                    .map(n -> Arguments.of(d.id(), n.text(), n.reason())));
  }

  static long count(String id, String text) {
    DetectionEngine engine =
        ENGINES.computeIfAbsent(
            id,
            k -> DetectionEngine.create(new EngineConfig(Set.of(k), List.of(), List.of(), "k")));
    return engine.detect(text).stream()
        .filter(d -> d.type().equals(id))
        .mapToLong(Detection::count)
        .sum();
  }

  @ParameterizedTest(name = "{0} finds {2} in: {1}")
  @MethodSource("positives")
  void positiveSampleIsDetected(String id, String text, int expected) {
    assertThat(count(id, text)).as("%s positive sample: %s", id, text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ignores ({2}): {1}")
  @MethodSource("negatives")
  void negativeSampleIsNotDetected(String id, String text, String reason) {
    assertThat(count(id, text)).as("%s negative sample (%s): %s", id, reason, text).isZero();
  }

  @Test
  void everyIdentifierHasEnoughSamples() {
    for (ManagedDataIdentifier d : CATALOG.definitions()) {
      assertThat(d.samples().positive()).as(d.id() + " positives").hasSizeGreaterThanOrEqualTo(2);
      assertThat(d.samples().negative()).as(d.id() + " negatives").hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void catalogCoversMacieRecommendedSetExactly() {
    assertThat(CATALOG.recommendedIds())
        .containsExactlyInAnyOrder(
            "AWS_CREDENTIALS",
            "HTTP_BASIC_AUTH_HEADER",
            "OPENSSH_PRIVATE_KEY",
            "PGP_PRIVATE_KEY",
            "PKCS",
            "PUTTY_PRIVATE_KEY",
            "CREDIT_CARD_MAGNETIC_STRIPE",
            "CREDIT_CARD_NUMBER",
            "CANADA_DRIVERS_LICENSE",
            "DRIVERS_LICENSE",
            "UK_DRIVERS_LICENSE",
            "UK_ELECTORAL_ROLL_NUMBER",
            "FRANCE_NATIONAL_IDENTIFICATION_NUMBER",
            "GERMANY_NATIONAL_IDENTIFICATION_NUMBER",
            "ITALY_NATIONAL_IDENTIFICATION_NUMBER",
            "SPAIN_DNI_NUMBER",
            "UK_NATIONAL_INSURANCE_NUMBER",
            "CANADA_PASSPORT_NUMBER",
            "FRANCE_PASSPORT_NUMBER",
            "GERMANY_PASSPORT_NUMBER",
            "ITALY_PASSPORT_NUMBER",
            "SPAIN_PASSPORT_NUMBER",
            "UK_PASSPORT_NUMBER",
            "USA_PASSPORT_NUMBER",
            "CANADA_SOCIAL_INSURANCE_NUMBER",
            "SPAIN_SOCIAL_SECURITY_NUMBER",
            "USA_SOCIAL_SECURITY_NUMBER",
            "AUSTRALIA_TAX_FILE_NUMBER",
            "BRAZIL_CPF_NUMBER",
            "FRANCE_TAX_IDENTIFICATION_NUMBER",
            "GERMANY_TAX_IDENTIFICATION_NUMBER",
            "SPAIN_NIE_NUMBER",
            "SPAIN_NIF_NUMBER",
            "SPAIN_TAX_IDENTIFICATION_NUMBER",
            "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER");
  }

  @Test
  void catalogHasAllMacieIdsAndMarksExtensions() {
    List<ManagedIdentifierSummary> all = CATALOG.list();
    long macie = all.stream().filter(s -> !s.trawlExtension()).count();
    assertThat(macie).isEqualTo(166);
    assertThat(all.stream().filter(ManagedIdentifierSummary::trawlExtension).map(s -> s.id()))
        .contains("EMAIL_ADDRESS", "IP_ADDRESS", "GITHUB_TOKEN", "PASSWORD_IN_CONFIGURATION");
  }
}
