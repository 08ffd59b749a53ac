package io.trawl.jobs.demo;

import io.trawl.detection.Validator;
import io.trawl.detection.Validators;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Seeded, valid-looking sensitive values for the demo estate: numbers pass their check digits (so
 * validators accept them) but are made up. Never real people's data.
 */
final class SyntheticValues {
  private static final List<String> GIVEN =
      List.of(
          "James",
          "Mary",
          "Robert",
          "Patricia",
          "John",
          "Jennifer",
          "Michael",
          "Linda",
          "David",
          "Elizabeth",
          "William",
          "Barbara",
          "Richard",
          "Susan",
          "Joseph",
          "Jessica",
          "Thomas",
          "Sarah",
          "Charles",
          "Karen",
          "Daniel",
          "Nancy",
          "Matthew",
          "Lisa");
  private static final List<String> SURNAMES =
      List.of(
          "Smith",
          "Johnson",
          "Williams",
          "Brown",
          "Jones",
          "Garcia",
          "Miller",
          "Davis",
          "Rodriguez",
          "Martinez",
          "Hernandez",
          "Lopez",
          "Wilson",
          "Anderson",
          "Taylor",
          "Moore",
          "Jackson",
          "Martin",
          "Lee",
          "Thompson",
          "White",
          "Harris",
          "Clark",
          "Lewis");
  private static final List<String[]> CITIES =
      List.of(
          new String[] {"Seattle", "WA", "98101"},
          new String[] {"Austin", "TX", "78701"},
          new String[] {"Boston", "MA", "02108"},
          new String[] {"Chicago", "IL", "60601"},
          new String[] {"Denver", "CO", "80202"},
          new String[] {"Miami", "FL", "33101"});
  private static final List<String> STREETS =
      List.of("Main Street", "Oak Avenue", "Pine Road", "Maple Drive", "Cedar Lane", "Elm Street");

  private final Random random;
  private final Set<String> planted = new LinkedHashSet<>();

  SyntheticValues(long seed) {
    this.random = new Random(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /**
   * Every high-entropy sensitive value handed out so far (SSNs, card numbers, IBANs, bank accounts,
   * NHS numbers, AWS keys, email addresses), for tests that prove none reaches a table or a log.
   */
  Set<String> planted() {
    return Collections.unmodifiableSet(planted);
  }

  private String plant(String value) {
    planted.add(value);
    return value;
  }

  String name() {
    return GIVEN.get(random.nextInt(GIVEN.size()))
        + " "
        + SURNAMES.get(random.nextInt(SURNAMES.size()));
  }

  String email(String name) {
    return plant(name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com");
  }

  String address() {
    String[] c = CITIES.get(random.nextInt(CITIES.size()));
    return (100 + random.nextInt(9000))
        + " "
        + STREETS.get(random.nextInt(STREETS.size()))
        + ", "
        + c[0]
        + ", "
        + c[1]
        + " "
        + c[2];
  }

  /** A US SSN that follows the issuance rules (no 000/666/9xx area, no 00 group, no 0000). */
  String ssn() {
    int area;
    do {
      area = 1 + random.nextInt(899);
    } while (area == 666);
    return plant(
        String.format(
            Locale.ROOT, "%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999)));
  }

  String dateOfBirth() {
    return String.format(
        Locale.ROOT,
        "%04d-%02d-%02d",
        1950 + random.nextInt(50),
        1 + random.nextInt(12),
        1 + random.nextInt(28));
  }

  String phone() {
    return String.format(
        Locale.ROOT, "(%03d) 555-%04d", 201 + random.nextInt(700), random.nextInt(10000));
  }

  /** A Luhn-valid card number with a real issuer prefix (Visa 4, Mastercard 51-55). */
  String cardNumber() {
    String prefix = random.nextBoolean() ? "4" : "5" + (1 + random.nextInt(5));
    StringBuilder sb = new StringBuilder(prefix);
    while (sb.length() < 15) {
      sb.append(random.nextInt(10));
    }
    sb.append(luhnCheckDigit(sb));
    return plant(sb.toString());
  }

  /** The digit that completes {@code partial}, found with the engine's own LUHN validator. */
  static char luhnCheckDigit(CharSequence partial) {
    return checkDigit(partial.toString(), "", "LUHN");
  }

  /** The check digit for which {@code prefix + d + suffix} passes {@code validator}. */
  private static char checkDigit(String prefix, String suffix, String validator) {
    Validator v = Validators.validator(validator);
    for (char d = '0'; d <= '9'; d++) {
      if (v.isValid(prefix + d + suffix)) {
        return d;
      }
    }
    return 0;
  }

  String cardExpiry() {
    return String.format(Locale.ROOT, "%02d/%02d", 1 + random.nextInt(12), 27 + random.nextInt(5));
  }

  String cvv() {
    return String.format(Locale.ROOT, "%03d", random.nextInt(1000));
  }

  /** A German IBAN with a correct mod-97 check. */
  String germanIban() {
    StringBuilder bban = new StringBuilder();
    for (int i = 0; i < 18; i++) {
      bban.append(random.nextInt(10));
    }
    return plant(iban("DE", bban.toString()));
  }

  /** A UK IBAN (4 letters bank code, 14 digits). */
  String ukIban() {
    StringBuilder bban = new StringBuilder("NWBK");
    for (int i = 0; i < 14; i++) {
      bban.append(random.nextInt(10));
    }
    return plant(iban("GB", bban.toString()));
  }

  static String iban(String country, String bban) {
    String rearranged = bban + country + "00";
    StringBuilder digits = new StringBuilder();
    for (char ch : rearranged.toCharArray()) {
      digits.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : String.valueOf(ch));
    }
    int mod =
        new java.math.BigInteger(digits.toString())
            .mod(java.math.BigInteger.valueOf(97))
            .intValue();
    return String.format(Locale.ROOT, "%s%02d%s", country, 98 - mod, bban);
  }

  String bankAccount() {
    StringBuilder sb = new StringBuilder();
    sb.append(1 + random.nextInt(9));
    for (int i = 0; i < 10; i++) {
      sb.append(random.nextInt(10));
    }
    return plant(sb.toString());
  }

  /** A UK NHS number with a valid mod-11 check digit (some 9-digit stems have none). */
  String nhsNumber() {
    while (true) {
      String stem = digits(9);
      char check = checkDigit(stem, "", "UK_NHS");
      if (check != 0) {
        String n = stem + check;
        return plant(n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6));
      }
    }
  }

  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  String awsAccessKeyId() {
    return plant("AKIA" + chars(UPPER_DIGITS, 16));
  }

  String awsSecretKey() {
    return plant(chars(B64, 40));
  }

  String alnum(int n) {
    return chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", n);
  }

  String digits(int n) {
    return chars("0123456789", n);
  }

  private String chars(String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
