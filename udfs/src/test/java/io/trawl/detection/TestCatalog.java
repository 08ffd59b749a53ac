package io.trawl.detection;

import io.trawl.TrawlErrors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine tests' catalog ({@code /engine/test-identifiers.yaml}) with test-local validators and
 * a finder. They are stand-ins only because the real ones are another helper's work in progress;
 * they implement the real checks (Luhn, ISO 7064 mod 97), not fakes that say yes.
 */
public final class TestCatalog {
  public static final String HASH_KEY = "test-hash-key";

  private TestCatalog() {}

  public static ManagedDataIdentifiers load() {
    try (InputStream in = TestCatalog.class.getResourceAsStream("/engine/test-identifiers.yaml")) {
      return ManagedDataIdentifiers.load(
          "test-identifiers.yaml", in, TestCatalog::validator, TestCatalog::finder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ManagedDataIdentifiers load(String yaml) {
    return ManagedDataIdentifiers.load(
        "test.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
        TestCatalog::validator,
        TestCatalog::finder);
  }

  static Validator validator(String name) {
    Map<String, Validator> known = Map.of("LUHN", new Luhn(), "MOD97", new Mod97());
    Validator v = known.get(name);
    if (v == null) {
      throw TrawlErrors.unknownIdentifier("validator", name, "known: " + known.keySet());
    }
    return v;
  }

  static MatchFinder finder(String name) {
    if (!"TEST_NAMES".equals(name)) {
      throw TrawlErrors.unknownIdentifier("finder", name, "known: [TEST_NAMES]");
    }
    return new Names();
  }

  /** An engine over every identifier of the test catalog, plus custom ones and allow lists. */
  public static DetectionEngine engine(
      List<CustomDataIdentifier> custom, List<AllowList> allowLists) {
    ManagedDataIdentifiers catalog = load();
    return DetectionEngine.create(
        new EngineConfig(catalog.allIds(), custom, allowLists, HASH_KEY), catalog);
  }

  public static DetectionEngine engine() {
    return engine(List.of(), List.of());
  }

  public static DetectionEngine engine(Set<String> ids) {
    return DetectionEngine.create(new EngineConfig(ids, List.of(), List.of(), HASH_KEY), load());
  }

  static final class Luhn implements Validator {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
      return "LUHN";
    }

    @Override
    public boolean isValid(CharSequence match) {
      int sum = 0;
      int digits = 0;
      for (int i = match.length() - 1; i >= 0; i--) {
        char c = match.charAt(i);
        if (c < '0' || c > '9') {
          continue;
        }
        int d = c - '0';
        if (digits % 2 == 1) {
          d *= 2;
          if (d > 9) {
            d -= 9;
          }
        }
        sum += d;
        digits++;
      }
      return digits >= 13 && sum % 10 == 0;
    }
  }

  static final class Mod97 implements Validator {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
      return "MOD97";
    }

    @Override
    public boolean isValid(CharSequence match) {
      StringBuilder compact = new StringBuilder();
      for (int i = 0; i < match.length(); i++) {
        if (Character.isLetterOrDigit(match.charAt(i))) {
          compact.append(match.charAt(i));
        }
      }
      if (compact.length() < 5) {
        return false;
      }
      String rearranged = compact.substring(4) + compact.substring(0, 4);
      int mod = 0;
      for (int i = 0; i < rearranged.length(); i++) {
        int v = Character.getNumericValue(rearranged.charAt(i));
        mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
      }
      return mod == 1;
    }
  }

  /** Finds "First Last" for a few first names; linear, like the real finders must be. */
  static final class Names implements MatchFinder {
    private static final long serialVersionUID = 1L;
    private static final List<String> FIRST = List.of("John", "Maria", "Akira");

    @Override
    public void find(CharSequence text, SpanConsumer out) {
      String s = text.toString();
      for (String first : FIRST) {
        int from = 0;
        int at;
        while ((at = s.indexOf(first + " ", from)) >= 0) {
          int end = at + first.length() + 1;
          int last = end;
          while (last < s.length() && Character.isLetter(s.charAt(last))) {
            last++;
          }
          if (last > end && Character.isUpperCase(s.charAt(end))) {
            out.accept(at, last);
          }
          from = end;
        }
      }
    }
  }
}
