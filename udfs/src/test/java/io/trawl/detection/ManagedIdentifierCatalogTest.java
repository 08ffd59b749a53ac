package io.trawl.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.validators.IbanValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Catalog-wide rules from Macie's documentation (macie.md sections 1 and 3.1). */
class ManagedIdentifierCatalogTest {
  private static final ManagedDataIdentifiers CATALOG = ManagedDataIdentifiers.load();
  private static final List<Severity> HHH = List.of(Severity.HIGH, Severity.HIGH, Severity.HIGH);
  private static final List<Severity> LMH = List.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH);

  private static ManagedDataIdentifier d(String id) {
    return CATALOG.definition(id);
  }

  @Test
  void credentialsAreAlwaysHigh() {
    CATALOG.definitions().stream()
        .filter(x -> x.category() == Category.CREDENTIALS)
        .forEach(x -> assertThat(x.severity()).as(x.id()).isEqualTo(HHH));
    assertThat(
            CATALOG.definitions().stream()
                .filter(x -> x.category() == Category.CREDENTIALS && !x.trawlExtension()))
        .hasSize(9);
  }

  @Test
  void financialSeveritiesFollowMacie() {
    CATALOG.definitions().stream()
        .filter(x -> x.id().endsWith("BANK_ACCOUNT_NUMBER"))
        .forEach(x -> assertThat(x.severity()).as(x.id()).isEqualTo(HHH));
    assertThat(d("CREDIT_CARD_NUMBER").severity()).isEqualTo(HHH);
    assertThat(d("CREDIT_CARD_NUMBER_(NO_KEYWORD)").severity()).isEqualTo(HHH);
    assertThat(d("CREDIT_CARD_MAGNETIC_STRIPE").severity()).isEqualTo(HHH);
    assertThat(d("CREDIT_CARD_EXPIRATION").severity()).isEqualTo(LMH);
    assertThat(d("CREDIT_CARD_SECURITY_CODE").severity())
        .containsExactly(Severity.MEDIUM, Severity.HIGH, Severity.HIGH);
  }

  @Test
  void personalSeveritiesFollowMacie() {
    Map<String, List<Severity>> expected =
        Map.ofEntries(
            Map.entry("DATE_OF_BIRTH", LMH),
            Map.entry("NAME", LMH),
            Map.entry("ADDRESS", LMH),
            Map.entry("HTTP_COOKIE", LMH),
            Map.entry("PHONE_NUMBER", LMH),
            Map.entry("DRIVERS_LICENSE", LMH),
            Map.entry("MEDICAL_DEVICE_UDI", LMH),
            Map.entry(
                "LATITUDE_LONGITUDE", List.of(Severity.LOW, Severity.MEDIUM, Severity.MEDIUM)),
            Map.entry(
                "VEHICLE_IDENTIFICATION_NUMBER",
                List.of(Severity.LOW, Severity.LOW, Severity.MEDIUM)),
            Map.entry(
                "USA_PASSPORT_NUMBER", List.of(Severity.MEDIUM, Severity.HIGH, Severity.HIGH)),
            Map.entry(
                "ARGENTINA_TARJETA_SUBE", List.of(Severity.MEDIUM, Severity.MEDIUM, Severity.HIGH)),
            Map.entry(
                "MEXICO_ORGANIZATION_RFC_NUMBER",
                List.of(Severity.MEDIUM, Severity.MEDIUM, Severity.HIGH)),
            Map.entry(
                "COLOMBIA_ORGANIZATION_NIT_NUMBER",
                List.of(Severity.MEDIUM, Severity.MEDIUM, Severity.HIGH)),
            Map.entry(
                "ARGENTINA_ORGANIZATION_TAX_IDENTIFICATION_NUMBER",
                List.of(Severity.MEDIUM, Severity.MEDIUM, Severity.HIGH)),
            Map.entry("USA_SOCIAL_SECURITY_NUMBER", HHH),
            Map.entry("UK_NATIONAL_INSURANCE_NUMBER", HHH),
            Map.entry("UK_ELECTORAL_ROLL_NUMBER", HHH),
            Map.entry("CANADA_NATIONAL_IDENTIFICATION_NUMBER", HHH),
            Map.entry("US_DRUG_ENFORCEMENT_AGENCY_NUMBER", HHH));
    expected.forEach((id, sev) -> assertThat(d(id).severity()).as(id).isEqualTo(sev));
  }

  @Test
  void everyDriversLicenseAndPhoneIdentifierIsPresent() {
    assertThat(CATALOG.allIds().stream().filter(id -> id.endsWith("DRIVERS_LICENSE"))).hasSize(32);
    assertThat(CATALOG.allIds().stream().filter(id -> id.endsWith("PHONE_NUMBER"))).hasSize(7);
    assertThat(CATALOG.allIds().stream().filter(id -> id.endsWith("PASSPORT_NUMBER"))).hasSize(7);
  }

  @Test
  void nameAndAddressUseFindersAndMaciesQuota() {
    assertThat(d("NAME").finder()).isEqualTo("NAME");
    assertThat(d("ADDRESS").finder()).isEqualTo("ADDRESS");
    assertThat(d("NAME").countLimit()).isEqualTo(1000);
    assertThat(d("ADDRESS").countLimit()).isEqualTo(1000);
  }

  @Test
  void ibanIdentifiersAreValidatedAndNeedNoKeyword() {
    List<ManagedDataIdentifier> ibans =
        CATALOG.definitions().stream()
            .filter(
                x ->
                    x.id().endsWith("_BANK_ACCOUNT_NUMBER")
                        && !x.id().equals("BANK_ACCOUNT_NUMBER"))
            .toList();
    assertThat(ibans).hasSize(52);
    for (ManagedDataIdentifier x : ibans) {
      assertThat(x.keywordRequired()).as(x.id()).isFalse();
      assertThat(x.validator()).as(x.id()).isNotNull();
      assertThat(x.maxLength()).as(x.id()).isGreaterThanOrEqualTo(IbanValidator.length("GB") - 2);
    }
  }

  @Test
  void extensionsUseIdsMacieDoesNotHave() {
    assertThat(
            CATALOG.list().stream()
                .filter(ManagedIdentifierSummary::trawlExtension)
                .map(ManagedIdentifierSummary::id))
        .containsExactlyInAnyOrder(
            "EMAIL_ADDRESS",
            "IP_ADDRESS",
            "PASSWORD_IN_CONFIGURATION",
            "DATABASE_CONNECTION_STRING",
            "GITHUB_TOKEN",
            "GITLAB_TOKEN",
            "SLACK_TOKEN",
            "SLACK_WEBHOOK_URL",
            "AZURE_STORAGE_ACCOUNT_KEY",
            "NPM_TOKEN",
            "TWILIO_API_KEY",
            "SENDGRID_API_KEY",
            "AWS_ACCESS_KEY_ID");
  }
}
