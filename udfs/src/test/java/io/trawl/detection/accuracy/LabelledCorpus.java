package io.trawl.detection.accuracy;

import io.trawl.detection.ManagedDataIdentifier;
import io.trawl.detection.ManagedDataIdentifiers;
import io.trawl.detection.Validator;
import io.trawl.detection.validators.IbanValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * A seeded, labelled corpus for measuring precision and recall per identifier. For each identifier
 * it writes documents with a valid value near a keyword (within 30 characters), without a keyword,
 * with the keyword far away (over 30 characters), with an invalid check digit, and next to decoys;
 * every document is wrapped in filler prose. A shared set of decoy documents (order numbers, UUIDs,
 * hex hashes, versions, timestamps, phone-like numbers without country code) is expected to produce
 * no detection at all.
 */
final class LabelledCorpus {

  /** One document: the identifier it is about (null for shared decoys) and whether it counts. */
  record Doc(String id, String text, boolean expected, String kind) {}

  /** Prose with no keyword of any keyword-required identifier (checked by the accuracy test). */
  static final List<String> FILLER =
      List.of(
          "The quarterly review went well and the team agreed on the next steps.",
          "Please keep this message for your records.",
          "We moved the weekly meeting to the afternoon because of the holiday.",
          "Shipping was delayed by the storm but everything arrived intact.",
          "Thanks again for the quick turnaround on the draft.",
          "The new office coffee machine finally works.",
          "Our support hours are unchanged this week.",
          "The report below summarises what changed since the last update.",
          "Let us know if anything looks wrong and we will fix it.",
          "This note was generated automatically by the nightly export.",
          "Attendance at the workshop was higher than expected.",
          "The vendor confirmed the revised schedule this morning.");

  private static final List<String> NAMES_GIVEN =
      List.of(
          "James",
          "Maria",
          "Olivia",
          "Lucas",
          "Sophie",
          "Thomas",
          "Elena",
          "Daniel",
          "Laura",
          "Pierre",
          "Giulia",
          "Hans",
          "Isabel",
          "Jonathan",
          "Sarah",
          "Miguel");
  private static final List<String> NAMES_FAMILY =
      List.of(
          "Smith",
          "Garcia",
          "Rossi",
          "Müller",
          "Martin",
          "Johnson",
          "Fernandez",
          "Dubois",
          "Schmidt",
          "Brown",
          "Silva",
          "Taylor",
          "Lopez",
          "Moreau",
          "Wagner",
          "Romano");
  private static final List<String[]> ADDRESSES =
      List.of(
          new String[] {"%d Main Street, Boston, MA 0211%d", "US"},
          new String[] {"%d Market St, San Francisco, CA 9410%d", "US"},
          new String[] {"%d Michigan Avenue, Chicago, IL 6060%d", "US"},
          new String[] {"%d High Street, London SW1A 1A%s", "UK"},
          new String[] {"%d Deansgate, Manchester M3 4L%s", "UK"},
          new String[] {"%d rue de la Paix, 7500%d Paris", "FR"},
          new String[] {"Hauptstraße %d, 1011%d Berlin", "DE"},
          new String[] {"Via Roma %d, 2012%d Milano", "IT"},
          new String[] {"Calle Mayor %d, 2801%d Madrid", "ES"},
          new String[] {"%d George Street, Sydney NSW 200%d", "AU"},
          new String[] {"%d Queen St W, Toronto, ON M5H 2N%d", "CA"});

  private final ManagedDataIdentifiers catalog;
  private final Random rnd;

  LabelledCorpus(ManagedDataIdentifiers catalog, long seed) {
    this.catalog = catalog;
    this.rnd = new Random(seed);
  }

  List<Doc> generate(int perKind) {
    List<Doc> docs = new ArrayList<>();
    for (ManagedDataIdentifier d : catalog.definitions()) {
      Validator v = catalog.validatorOf(d);
      for (int i = 0; i < perKind; i++) {
        String value = value(d, v, true);
        if (value == null) {
          break;
        }
        docs.add(new Doc(d.id(), wrap(near(d, value)), true, "valid+keyword"));
        if (!d.keywords().isEmpty() && i % 3 == 0) {
          // Macie's proximity rule works both ways: the keyword may follow the value.
          docs.add(
              new Doc(
                  d.id(),
                  wrap(value(d, v, true) + " (" + keyword(d) + ")"),
                  true,
                  "keyword after"));
        }
        String bare = value(d, v, true);
        docs.add(new Doc(d.id(), wrap("ref " + bare), !d.keywordRequired(), "valid, no keyword"));
        if (d.keywordRequired() && i % 2 == 0) {
          docs.add(new Doc(d.id(), wrap(far(d, value(d, v, true))), false, "keyword too far"));
        }
        if (v != null) {
          String bad = value(d, v, false);
          if (bad != null) {
            docs.add(new Doc(d.id(), wrap(near(d, bad)), false, "invalid check"));
          }
        }
        if (i % 2 == 0 && !d.keywords().isEmpty()) {
          docs.add(new Doc(d.id(), wrap(keyword(d) + ": " + decoy()), false, "decoy+keyword"));
        }
      }
    }
    Shapes.KEYWORD_ONLY.forEach(
        (id, shapes) -> {
          ManagedDataIdentifier d = catalog.definition(id);
          for (int i = 0; i < perKind; i++) {
            String value = ValueTemplate.of(pick(shapes)).sample(rnd);
            docs.add(new Doc(id, wrap(near(d, value)), true, "national form+keyword"));
            String bare = ValueTemplate.of(pick(shapes)).sample(rnd);
            docs.add(new Doc(id, wrap("ref " + bare), false, "national form, no keyword"));
          }
        });
    for (int i = 0; i < perKind * 20; i++) {
      docs.add(new Doc(null, wrap("reference " + decoy()), false, "shared decoy"));
    }
    return docs;
  }

  private String wrap(String core) {
    return pick(FILLER) + " " + core + "\n" + pick(FILLER);
  }

  private String keyword(ManagedDataIdentifier d) {
    String kw = d.keywords().get(rnd.nextInt(d.keywords().size()));
    // Keywords are case-insensitive; documents write them in every case.
    return switch (rnd.nextInt(3)) {
      case 0 -> kw.toUpperCase(Locale.ROOT);
      case 1 -> kw.isEmpty() ? kw : Character.toUpperCase(kw.charAt(0)) + kw.substring(1);
      default -> kw;
    };
  }

  private String near(ManagedDataIdentifier d, String value) {
    if (d.keywords().isEmpty()) {
      return value;
    }
    String kw = keyword(d);
    return switch (rnd.nextInt(3)) {
      case 0 -> kw + ": " + value;
      case 1 -> "the " + kw + " is " + value;
      default -> kw + " " + value;
    };
  }

  private String far(ManagedDataIdentifier d, String value) {
    return keyword(d)
        + " was mentioned earlier, and the figure that we copied from the old system is "
        + value;
  }

  /** A value that passes ({@code valid}) or fails the identifier's validator, or null. */
  String value(ManagedDataIdentifier d, Validator v, boolean valid) {
    String special = special(d.id());
    if (special != null) {
      return valid ? special : null;
    }
    List<String> shapes;
    if (d.id().endsWith("_BANK_ACCOUNT_NUMBER") && !d.id().equals("BANK_ACCOUNT_NUMBER")) {
      shapes = List.of(ibanShape(d.id()));
    } else {
      shapes = Shapes.BY_ID.get(d.id());
    }
    if (shapes == null) {
      throw new IllegalStateException("no generator for " + d.id());
    }
    for (int tries = 0; tries < 20000; tries++) {
      String s = ValueTemplate.of(pick(shapes)).sample(rnd);
      if (s.startsWith("IBAN:")) {
        s = groupIban(s.substring(5));
      }
      boolean ok = v == null || v.isValid(s);
      if (ok == valid && !d.exclusions().contains(s)) {
        return s;
      }
    }
    return null;
  }

  private String groupIban(String iban) {
    int style = rnd.nextInt(3);
    if (style == 0) {
      return iban;
    }
    String sep = style == 1 ? " " : "-";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < iban.length(); i += 4) {
      if (i > 0) {
        b.append(sep);
      }
      b.append(iban, i, Math.min(iban.length(), i + 4));
    }
    return b.toString();
  }

  private static String ibanShape(String id) {
    String country = country(id);
    String spec = IbanValidator.bbanStructure(country);
    StringBuilder t = new StringBuilder("'IBAN:" + country + "'DD");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)!([nac])").matcher(spec);
    while (m.find()) {
      String cls = m.group(2).equals("n") ? "D" : m.group(2).equals("a") ? "L" : "A";
      t.append(cls).append('{').append(m.group(1)).append('}');
    }
    return t.toString();
  }

  private static String country(String id) {
    String name = id.substring(0, id.length() - "_BANK_ACCOUNT_NUMBER".length());
    return switch (name) {
      case "ALBANIA" -> "AL";
      case "ANDORRA" -> "AD";
      case "BOSNIA_AND_HERZEGOVINA" -> "BA";
      case "BRAZIL" -> "BR";
      case "BULGARIA" -> "BG";
      case "COSTA_RICA" -> "CR";
      case "CROATIA" -> "HR";
      case "CYPRUS" -> "CY";
      case "CZECH_REPUBLIC" -> "CZ";
      case "DENMARK" -> "DK";
      case "DOMINICAN_REPUBLIC" -> "DO";
      case "EGYPT" -> "EG";
      case "ESTONIA" -> "EE";
      case "FAROE_ISLANDS" -> "FO";
      case "FINLAND" -> "FI";
      case "FRANCE" -> "FR";
      case "GEORGIA" -> "GE";
      case "GERMANY" -> "DE";
      case "GREECE" -> "GR";
      case "GREENLAND" -> "GL";
      case "HUNGARY" -> "HU";
      case "ICELAND" -> "IS";
      case "IRELAND" -> "IE";
      case "ITALY" -> "IT";
      case "JORDAN" -> "JO";
      case "KOSOVO" -> "XK";
      case "LIECHTENSTEIN" -> "LI";
      case "LITHUANIA" -> "LT";
      case "MALTA" -> "MT";
      case "MAURITANIA" -> "MR";
      case "MAURITIUS" -> "MU";
      case "MONACO" -> "MC";
      case "MONTENEGRO" -> "ME";
      case "NETHERLANDS" -> "NL";
      case "NORTH_MACEDONIA" -> "MK";
      case "POLAND" -> "PL";
      case "PORTUGAL" -> "PT";
      case "SAN_MARINO" -> "SM";
      case "SENEGAL" -> "SN";
      case "SERBIA" -> "RS";
      case "SLOVAKIA" -> "SK";
      case "SLOVENIA" -> "SI";
      case "SPAIN" -> "ES";
      case "SWEDEN" -> "SE";
      case "SWITZERLAND" -> "CH";
      case "TIMOR_LESTE" -> "TL";
      case "TUNISIA" -> "TN";
      case "TURKIYE" -> "TR";
      case "UK" -> "GB";
      case "UKRAINE" -> "UA";
      case "UNITED_ARAB_EMIRATES" -> "AE";
      case "VIRGIN_ISLANDS" -> "VG";
      default -> throw new IllegalStateException(id);
    };
  }

  /** Generators for identifiers whose values are structures rather than shapes. */
  private String special(String id) {
    return switch (id) {
      case "AWS_CREDENTIALS" -> {
        String s;
        do {
          s = ValueTemplate.of("6{40}").sample(rnd);
        } while (!s.matches(".*[A-Z].*") || !s.matches(".*[a-z].*") || !s.matches(".*[0-9].*"));
        yield s;
      }
      case "HTTP_BASIC_AUTH_HEADER" ->
          "Authorization: Basic "
              + b64(
                  pick(NAMES_GIVEN).toLowerCase(Locale.ROOT)
                      + ":"
                      + ValueTemplate.of("b{12}").sample(rnd));
      case "JSON_WEB_TOKEN" ->
          b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
              + "."
              + b64url(
                  "{\"sub\":\""
                      + rnd.nextInt(1000000)
                      + "\",\"iat\":"
                      + (1700000000 + rnd.nextInt(9999999))
                      + "}")
              + "."
              + ValueTemplate.of("B{43}").sample(rnd);
      case "OPENSSH_PRIVATE_KEY" -> pem("OPENSSH PRIVATE KEY");
      case "PGP_PRIVATE_KEY" -> pem("PGP PRIVATE KEY BLOCK");
      case "PKCS" -> pem(rnd.nextBoolean() ? "RSA PRIVATE KEY" : "PRIVATE KEY");
      case "PUTTY_PRIVATE_KEY" ->
          "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key-"
              + (20200000 + rnd.nextInt(50000))
              + "\nPublic-Lines: 2\n"
              + ValueTemplate.of("6{64}").sample(rnd)
              + "\n"
              + ValueTemplate.of("6{20}").sample(rnd)
              + "\nPrivate-Lines: 1\n"
              + ValueTemplate.of("6{64}").sample(rnd)
              + "\nPrivate-MAC: "
              + ValueTemplate.of("H{40}").sample(rnd)
              + "\n";
      case "CREDIT_CARD_MAGNETIC_STRIPE" -> {
        String pan = luhn(ValueTemplate.of("4DDDDDDDDDDDDDD").sample(rnd));
        yield rnd.nextBoolean()
            ? ";"
                + pan
                + "=2"
                + (5 + rnd.nextInt(4))
                + "0"
                + (1 + rnd.nextInt(9))
                + "101"
                + ValueTemplate.of("D{10}").sample(rnd)
                + "?"
            : "%B"
                + pan
                + "^"
                + pick(NAMES_FAMILY).toUpperCase(Locale.ROOT)
                + "/"
                + pick(NAMES_GIVEN).toUpperCase(Locale.ROOT)
                + "^2"
                + (5 + rnd.nextInt(4))
                + "1"
                + rnd.nextInt(3)
                + "101"
                + ValueTemplate.of("D{12}").sample(rnd)
                + "?";
      }
      case "NAME" -> pick(NAMES_GIVEN) + " " + pick(NAMES_FAMILY);
      case "ADDRESS" -> {
        String[] a = pick(ADDRESSES);
        String tail =
            a[1].equals("UK")
                ? String.valueOf((char) ('A' + rnd.nextInt(26)))
                : String.valueOf(rnd.nextInt(10));
        if (a[1].equals("UK")) {
          tail = "" + "ABDEFGHJLNPQRSTUWXYZ".charAt(rnd.nextInt(20));
          yield String.format(a[0], 1 + rnd.nextInt(300), tail);
        }
        yield String.format(a[0], 1 + rnd.nextInt(300), Integer.parseInt(tail));
      }
      case "LATITUDE_LONGITUDE" ->
          String.format(
              Locale.ROOT,
              "%.6f,%s%.6f",
              rnd.nextDouble() * 170 - 85,
              rnd.nextBoolean() ? " " : "",
              rnd.nextDouble() * 350 - 175);
      case "HTTP_COOKIE" ->
          (rnd.nextBoolean() ? "Cookie: " : "Set-Cookie: ")
              + "session_id="
              + ValueTemplate.of("H{24}").sample(rnd)
              + "; theme=dark";
      case "EMAIL_ADDRESS" ->
          pick(NAMES_GIVEN).toLowerCase(Locale.ROOT)
              + "."
              + pick(NAMES_FAMILY).toLowerCase(Locale.ROOT).replace("ü", "u")
              + "@"
              + pick(List.of("example.com", "mail.example.org", "corp.example.co.uk"));
      case "IP_ADDRESS" ->
          rnd.nextInt(4) == 0
              ? String.format(
                  "2a02:%x:%x:%x::%x",
                  rnd.nextInt(65535),
                  rnd.nextInt(65535),
                  rnd.nextInt(65535),
                  1 + rnd.nextInt(65534))
              : (11 + rnd.nextInt(180))
                  + "."
                  + rnd.nextInt(256)
                  + "."
                  + rnd.nextInt(256)
                  + "."
                  + (1 + rnd.nextInt(254));
      case "PASSWORD_IN_CONFIGURATION" ->
          pick(List.of("password=", "db.password: ", "\"password\": \"", "PASSWD="))
              + ValueTemplate.of("L[a-z]{5}DD[!@#$]b{3}").sample(rnd);
      case "DATABASE_CONNECTION_STRING" ->
          pick(List.of("postgres://", "mysql://", "mongodb+srv://", "redis://"))
              + pick(NAMES_GIVEN).toLowerCase(Locale.ROOT)
              + ":"
              + ValueTemplate.of("b{12}").sample(rnd)
              + "@db"
              + rnd.nextInt(9)
              + ".internal:5432/app";
      case "GITHUB_TOKEN" -> {
        String r = ValueTemplate.of("b{30}").sample(rnd);
        yield pick(List.of("ghp_", "gho_", "ghs_")) + r + base62Crc(r);
      }
      case "NPM_TOKEN" -> {
        String r = ValueTemplate.of("b{30}").sample(rnd);
        yield "npm_" + r + base62Crc(r);
      }
      default -> null;
    };
  }

  private String pem(String label) {
    StringBuilder b = new StringBuilder("-----BEGIN " + label + "-----\n");
    if (label.startsWith("PGP")) {
      b.append('\n');
    }
    for (int i = 0; i < 3; i++) {
      b.append(ValueTemplate.of("6{64}").sample(rnd)).append('\n');
    }
    return b.append("-----END ").append(label).append("-----").toString();
  }

  /** Decoys: order numbers, UUIDs, hex hashes, versions, timestamps, phone-like numbers. */
  String decoy() {
    return switch (rnd.nextInt(7)) {
      case 0 -> "order #" + ValueTemplate.of("NDDDDDD").sample(rnd);
      case 1 ->
          java.util
              .UUID
              .nameUUIDFromBytes(
                  ValueTemplate.of("b{8}").sample(rnd).getBytes(StandardCharsets.UTF_8))
              .toString();
      case 2 -> ValueTemplate.of("H{40}").sample(rnd);
      case 3 -> "v" + rnd.nextInt(20) + "." + rnd.nextInt(30) + "." + rnd.nextInt(50);
      case 4 ->
          String.format(
              "2024-%02d-%02dT%02d:%02d:%02dZ",
              1 + rnd.nextInt(12),
              1 + rnd.nextInt(28),
              rnd.nextInt(24),
              rnd.nextInt(60),
              rnd.nextInt(60));
      case 5 -> "555-01" + ValueTemplate.of("DD").sample(rnd);
      default -> "build " + ValueTemplate.of("H{7}").sample(rnd);
    };
  }

  private static String luhn(String body) {
    for (char c = '0'; c <= '9'; c++) {
      String s = body + c;
      int sum = 0;
      for (int i = 0; i < s.length(); i++) {
        int dgt = s.charAt(s.length() - 1 - i) - '0';
        if (i % 2 == 1) {
          dgt = dgt * 2 > 9 ? dgt * 2 - 9 : dgt * 2;
        }
        sum += dgt;
      }
      if (sum % 10 == 0) {
        return s;
      }
    }
    throw new IllegalStateException();
  }

  /** GitHub/npm checksum, computed here independently of the validator under test. */
  private static String base62Crc(String r) {
    CRC32 crc = new CRC32();
    crc.update(r.getBytes(StandardCharsets.US_ASCII));
    long v = crc.getValue();
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    char[] out = new char[6];
    for (int i = 5; i >= 0; i--) {
      out[i] = alphabet.charAt((int) (v % 62));
      v /= 62;
    }
    return new String(out);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64url(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }
}
