package io.trawl.jmh;

import io.trawl.detection.ManagedDataIdentifiers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The catalog benchmarks run with: the shipped catalog when the jar has one, otherwise a stand-in
 * generated here with the shape of Macie's (about 110 identifiers: 52 IBAN-triggered, keyword-
 * required national IDs, anchored credentials, digit-triggered card numbers, the NAME and ADDRESS
 * finders) and the real validators and finders.
 */
final class BenchmarkCatalog {
  private BenchmarkCatalog() {}

  static ManagedDataIdentifiers load() {
    if (ManagedDataIdentifiers.class.getResource(ManagedDataIdentifiers.RESOURCE) != null) {
      return ManagedDataIdentifiers.load();
    }
    InputStream in = new ByteArrayInputStream(yaml().getBytes(StandardCharsets.UTF_8));
    return ManagedDataIdentifiers.load(in);
  }

  static String describe() {
    return ManagedDataIdentifiers.class.getResource(ManagedDataIdentifiers.RESOURCE) != null
        ? "shipped catalog"
        : "generated stand-in catalog";
  }

  private static final List<String> IBAN_COUNTRIES =
      List.of(
          "AL", "AD", "BA", "BR", "BG", "CR", "HR", "CY", "CZ", "DK", "DO", "EG", "EE", "FO", "FI",
          "FR", "GE", "DE", "GR", "GL", "HU", "IS", "IE", "IT", "JO", "XK", "LI", "LT", "MT", "MR",
          "MU", "MC", "ME", "NL", "MK", "PL", "PT", "SM", "SN", "RS", "SK", "SI", "ES", "SE", "CH",
          "TL", "TN", "TR", "GB", "UA", "AE", "VG");

  /** id | category | keywords (comma separated) | regex | validator | maxLength. */
  private static final String[] KEYWORD_REQUIRED = {
    "USA_SOCIAL_SECURITY_NUMBER|P|ssn,social security,ss#,ssa number|\\b\\d{3}-?\\d{2}-?\\d{4}\\b|US_SSN|11",
    "USA_PASSPORT_NUMBER|P|passport,passport number,passport no|\\b[A-Z0-9]{9}\\b||9",
    "USA_DRIVERS_LICENSE|P|driver license,drivers license,dl#,dl number|\\b[A-Z]?\\d{5,13}\\b||14",
    "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER|P|itin,taxpayer identification|\\b9\\d{2}-?\\d{2}-?\\d{4}\\b|US_ITIN|11",
    "UK_NATIONAL_INSURANCE_NUMBER|P|national insurance,nino,insurance number|\\b[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b|UK_NINO|13",
    "UK_NHS_NUMBER|P|nhs,national health service|\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b|UK_NHS|12",
    "UK_PASSPORT_NUMBER|P|uk passport,passport number|\\b\\d{9}\\b||9",
    "UK_DRIVING_LICENCE|P|driving licence,dvla|\\b[A-Z9]{5}\\d{6}[A-Z9]{2}\\d[A-Z]{2}\\b||16",
    "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER|P|utr,unique taxpayer reference|\\b\\d{10}\\b|UK_UTR|10",
    "CANADA_SOCIAL_INSURANCE_NUMBER|P|sin,social insurance number|\\b\\d{3}[ -]?\\d{3}[ -]?\\d{3}\\b|CANADA_SIN|11",
    "CANADA_PASSPORT_NUMBER|P|canadian passport,passeport|\\b[A-Z]{2}\\d{6}\\b||8",
    "CANADA_HEALTH_NUMBER|P|phn,msp number,personal healthcare number|\\b\\d{10}\\b||10",
    "FRANCE_NATIONAL_IDENTIFICATION_NUMBER|P|numéro de sécurité sociale,nir,insee|\\b[12]\\d{12}(?: ?\\d{2})?\\b|FRANCE_NIR|16",
    "FRANCE_PASSPORT_NUMBER|P|passeport français,numéro de passeport|\\b\\d{2}[A-Z]{2}\\d{5}\\b||9",
    "FRANCE_TAX_IDENTIFICATION_NUMBER|P|numéro fiscal,spi|\\b[0-3]\\d{12}\\b|FRANCE_TAX_ID|13",
    "GERMANY_NATIONAL_IDENTIFICATION_NUMBER|P|personalausweis,ausweisnummer|\\b[CFGHJKLMNPRTVWXYZ0-9]{9}\\d?\\b|GERMANY_ID_CARD|10",
    "GERMANY_TAX_IDENTIFICATION_NUMBER|P|steuer-id,steueridentifikationsnummer|\\b\\d{11}\\b|GERMANY_TAX_ID|11",
    "GERMANY_PASSPORT_NUMBER|P|reisepass,passnummer|\\b[CFGHJK][0-9CFGHJKLMNPRTVWXYZ]{8}\\b||9",
    "ITALY_NATIONAL_IDENTIFICATION_NUMBER|P|codice fiscale,cod fisc|\\b[A-Z]{6}\\d{2}[A-Z]\\d{2}[A-Z]\\d{3}[A-Z]\\b|ITALY_CODICE_FISCALE|16",
    "SPAIN_DNI_NUMBER|P|dni,documento nacional|\\b\\d{8}-?[A-Z]\\b|SPAIN_DNI|10",
    "SPAIN_NIE_NUMBER|P|nie,número de identidad de extranjero|\\b[XYZ]-?\\d{7}-?[A-Z]\\b|SPAIN_NIE|11",
    "SPAIN_SOCIAL_SECURITY_NUMBER|P|número de la seguridad social,naf|\\b\\d{2}[ /-]?\\d{8}[ /-]?\\d{2}\\b|SPAIN_SSN|14",
    "BRAZIL_CPF_NUMBER|P|cpf,cadastro de pessoas físicas|\\b\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}\\b|BRAZIL_CPF|14",
    "BRAZIL_CNPJ_NUMBER|P|cnpj,cadastro nacional|\\b\\d{2}\\.?\\d{3}\\.?\\d{3}/?\\d{4}-?\\d{2}\\b|BRAZIL_CNPJ|18",
    "MEXICO_CURP_NUMBER|P|curp,clave única|\\b[A-Z]{4}\\d{6}[HM][A-Z]{5}[A-Z0-9]\\d\\b|MEXICO_CURP|18",
    "INDIA_PERMANENT_ACCOUNT_NUMBER|P|pan card,permanent account number|\\b[A-Z]{5}\\d{4}[A-Z]\\b|INDIA_PAN|10",
    "INDIA_AADHAAR_NUMBER|P|aadhaar,uidai|\\b\\d{4}[ -]?\\d{4}[ -]?\\d{4}\\b|VERHOEFF|14",
    "AUSTRALIA_TAX_FILE_NUMBER|P|tfn,tax file number|\\b\\d{3} ?\\d{3} ?\\d{2,3}\\b|AUSTRALIA_TFN|11",
    "CHILE_RUT_NUMBER|P|rut,rol único tributario|\\b\\d{1,2}\\.?\\d{3}\\.?\\d{3}-?[0-9K]\\b|CHILE_RUT|12",
    "ARGENTINA_TAX_IDENTIFICATION_NUMBER|P|cuit,cuil|\\b\\d{2}-?\\d{8}-?\\d\\b|ARGENTINA_CUIT|13",
    "PHONE_NUMBER|P|phone,telephone,mobile,cell,fax,tel|\\+?\\d[\\d ().-]{7,16}\\d||20",
    "DATE_OF_BIRTH|P|dob,date of birth,birth date,birthday,born|\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b||10",
    "USA_HEALTH_INSURANCE_CLAIM_NUMBER|P|hicn,health insurance claim number,hic no|\\b\\d{9}[A-Z]\\d?\\b||11",
    "USA_MEDICARE_BENEFICIARY_IDENTIFIER|P|mbi,medicare beneficiary|\\b\\d[A-Z][A-Z0-9]\\d-?[A-Z][A-Z0-9]\\d-?[A-Z]{2}\\d{2}\\b||13",
    "US_DRUG_ENFORCEMENT_AGENCY_NUMBER|P|dea number,dea registration|\\b[A-Z]{2}\\d{7}\\b|US_DEA|9",
    "USA_NATIONAL_PROVIDER_IDENTIFIER|P|npi,national provider|\\b\\d{10}\\b|US_NPI|10",
    "USA_NATIONAL_DRUG_CODE|P|ndc,national drug code|\\b\\d{4,5}-\\d{3,4}-\\d{1,2}\\b||12",
    "USA_HEALTHCARE_PROCEDURE_CODE|P|hcpcs,procedure code|\\b[A-Z]\\d{4}\\b||5",
    "EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER|P|ehic,health insurance card,carte européenne|\\b\\d{20}\\b||20",
    "VEHICLE_IDENTIFICATION_NUMBER|P|vin,vehicle identification|\\b[A-HJ-NPR-Z0-9]{17}\\b|VIN|17",
    "LATITUDE_LONGITUDE|P|latitude,longitude,coordinates,gps|-?\\d{1,3}\\.\\d{4,},\\s?-?\\d{1,3}\\.\\d{4,}||30",
    "BANK_ACCOUNT_NUMBER|F|bank account,bank acct,checking account,savings account,deposit account|\\b\\d{9,17}\\b|NOT_TRIVIAL|17",
    "UK_BANK_ACCOUNT_NUMBER|F|sort code,account number,bban|\\b\\d{2}-\\d{2}-\\d{2} ?\\d{8}\\b|UK_BANK_ACCOUNT|17",
    "CREDIT_CARD_NUMBER|F|credit card,card number,cc#,ccn,visa,mastercard,amex,american express,debit card,pan|\\b(?:\\d[ -]?){12,18}\\d\\b|CREDIT_CARD|23",
    "CREDIT_CARD_EXPIRATION|F|exp d,exp m,exp y,expiration,expiry|\\b(?:0[1-9]|1[0-2])[/-](?:\\d{2}|\\d{4})\\b||7",
    "CREDIT_CARD_SECURITY_CODE|F|cvv,cvc,cvv2,cvc2,card verification,security code|\\b\\d{3,4}\\b||4",
    "CREDIT_CARD_MAGNETIC_STRIPE|F|magstripe,track 1,track 2,swipe,card data|%B\\d{13,19}\\^[^^]{2,26}\\^\\d{7,}\\?||120",
    "AWS_CREDENTIALS|C|aws_secret_access_key,credentials,secret access key,secret key|\\b[A-Za-z0-9/+]{40}\\b|AWS_SECRET_KEY|40",
    "GCP_API_KEY|C|gcp api key,google cloud key,google-api-key,x-goog-api-key|\\bAIza[0-9A-Za-z_-]{35}\\b||39",
  };

  /** id | anchors | regex | validator | maxLength: credentials found by a literal. */
  private static final String[] ANCHORED = {
    "HTTP_BASIC_AUTH_HEADER|authorization:|(?i)(?:proxy-)?authorization:[ \\t]*basic[ \\t]+([A-Za-z0-9+/=]{4,})|BASIC_AUTH|300",
    "JSON_WEB_TOKEN|eyj|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*|JWT|3000",
    "OPENSSH_PRIVATE_KEY|-----begin openssh private key-----|-----BEGIN OPENSSH PRIVATE KEY-----[A-Za-z0-9+/=\\s]+-----END OPENSSH PRIVATE KEY-----||5000",
    "PGP_PRIVATE_KEY|-----begin pgp private key block-----|-----BEGIN PGP PRIVATE KEY BLOCK-----[^-]+-----END PGP PRIVATE KEY BLOCK-----||8000",
    "PKCS|private key-----|-----BEGIN (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----[A-Za-z0-9+/=\\s]+-----END (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----||5000",
    "PUTTY_PRIVATE_KEY|putty-user-key-file-|PuTTY-User-Key-File-\\d: [a-z0-9-]+\\s+Encryption: [a-z0-9-]+\\s+Comment: [^\\n]*\\s+Public-Lines: \\d+[\\s\\S]+?Private-MAC: [0-9a-f]+||5000",
    "STRIPE_CREDENTIALS|sk_live_,rk_live_,sk_test_|\\b[rs]k_(?:live|test)_[0-9a-zA-Z]{24,99}\\b||110",
    "HTTP_COOKIE|cookie:,set-cookie:|(?i)(?:set-)?cookie:[ \\t]*([^\\r\\n]{8,})||4096",
  };

  /** Splits a row on '|' where the regex (which may hold '|') sits between fixed fields. */
  private static String[] fields(String row, int leading) {
    String[] p = row.split("\\|", -1);
    String[] f = new String[leading + 3];
    System.arraycopy(p, 0, f, 0, leading);
    f[leading] = String.join("|", java.util.Arrays.copyOfRange(p, leading, p.length - 2));
    f[leading + 1] = p[p.length - 2];
    f[leading + 2] = p[p.length - 1];
    return f;
  }

  static String yaml() {
    StringBuilder y = new StringBuilder("schemaVersion: 1\nidentifiers:\n");
    for (String row : KEYWORD_REQUIRED) {
      String[] f = fields(row, 3);
      String category =
          switch (f[1]) {
            case "F" -> "FINANCIAL_INFORMATION";
            case "C" -> "CREDENTIALS";
            default -> "PERSONAL_INFORMATION";
          };
      y.append("  - id: ").append(f[0]).append('\n');
      y.append("    category: ").append(category).append('\n');
      y.append("    recommended: true\n");
      y.append("    regex: '").append(f[3]).append("'\n");
      y.append("    maxLength: ").append(f[5]).append('\n');
      y.append("    keywords: [");
      String[] kws = f[2].split(",");
      for (int i = 0; i < kws.length; i++) {
        y.append(i == 0 ? "" : ", ").append('\'').append(kws[i]).append('\'');
      }
      y.append("]\n    keywordRequired: true\n");
      if (!f[4].isEmpty()) {
        y.append("    validator: ").append(f[4]).append('\n');
      }
      y.append("    severity: [HIGH, HIGH, HIGH]\n");
    }
    for (String row : ANCHORED) {
      String[] f = fields(row, 2);
      y.append("  - id: ").append(f[0]).append('\n');
      y.append("    category: CREDENTIALS\n    recommended: true\n");
      y.append("    regex: '").append(f[2]).append("'\n");
      if (f[0].equals("HTTP_BASIC_AUTH_HEADER") || f[0].equals("HTTP_COOKIE")) {
        y.append("    valueGroup: 1\n");
      }
      y.append("    maxLength: ").append(f[4]).append('\n');
      y.append("    anchors: [");
      String[] as = f[1].split(",");
      for (int i = 0; i < as.length; i++) {
        y.append(i == 0 ? "" : ", ").append('\'').append(as[i]).append('\'');
      }
      y.append("]\n");
      if (!f[3].isEmpty()) {
        y.append("    validator: ").append(f[3]).append('\n');
      }
      y.append("    severity: [HIGH, HIGH, HIGH]\n");
    }
    y.append(
        "  - id: CREDIT_CARD_NUMBER_(NO_KEYWORD)\n    category: FINANCIAL_INFORMATION\n"
            + "    regex: '\\b(?:\\d[ -]?){12,18}\\d\\b'\n    maxLength: 23\n    trigger: DIGITS\n"
            + "    triggerMinDigits: 13\n    validator: CREDIT_CARD\n"
            + "    severity: [HIGH, HIGH, HIGH]\n");
    for (String cc : IBAN_COUNTRIES) {
      String id = cc + "_BANK_ACCOUNT_NUMBER";
      y.append("  - id: ").append(id).append('\n');
      y.append("    category: FINANCIAL_INFORMATION\n");
      y.append("    regex: '\\b")
          .append(cc)
          .append("\\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?\\b'\n");
      y.append("    maxLength: 42\n    trigger: IBAN\n    validator: IBAN\n");
      y.append("    severity: [HIGH, HIGH, HIGH]\n");
    }
    y.append(
        "  - id: NAME\n    category: PERSONAL_INFORMATION\n    recommended: true\n"
            + "    finder: NAME\n    countLimit: 1000\n    severity: [LOW, MEDIUM, HIGH]\n");
    y.append(
        "  - id: ADDRESS\n    category: PERSONAL_INFORMATION\n    recommended: true\n"
            + "    finder: ADDRESS\n    countLimit: 1000\n    severity: [LOW, MEDIUM, HIGH]\n");
    return y.toString();
  }
}
