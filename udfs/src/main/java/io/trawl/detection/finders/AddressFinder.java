package io.trawl.detection.finders;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.trawl.detection.MatchFinder;
import io.trawl.detection.internal.KeywordAutomaton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mailing addresses (Macie's {@code ADDRESS}) in Australia, Canada, France, Germany, Italy, Spain,
 * the UK and the US. Like Macie, an address needs a city or place name together with a matching
 * postal code: the code must fall in the city's range in the shipped gazetteer ({@code
 * addresses/gazetteer.tsv}) and the two must be adjacent (separated only by spaces, commas, a line
 * break and at most a state or province code, as in {@code Chicago, IL 60601} or {@code 75008
 * Paris}). When a street line (house number and street, in either order) directly precedes, the
 * reported span starts there.
 *
 * <p>Linear: one RE2J pass per postal code shape, then a bounded look around each code.
 */
public final class AddressFinder implements MatchFinder {
  private static final long serialVersionUID = 1L;
  private static final AddressFinder INSTANCE = new AddressFinder();

  /** Postal code shapes by country (RE2 syntax). */
  private static final Map<String, String> CODE_SHAPES =
      Map.of(
          "US", "\\b[0-9]{5}(?:-[0-9]{4})?\\b",
          "CA", "\\b[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]\\b",
          "UK", "\\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}\\b",
          "AU", "\\b[0-9]{4}\\b",
          "FR", "\\b[0-9]{5}\\b",
          "DE", "\\b[0-9]{5}\\b",
          "IT", "\\b[0-9]{5}\\b",
          "ES", "\\b[0-9]{5}\\b");

  /** What may separate a city from its code: spaces, commas, one state or province code. */
  private static final Pattern GAP =
      Pattern.compile("[ \\t]*,?[ \\t]*\\n?[ \\t]*(?:[A-Z]{2,3}\\.?)?[ \\t]*,?[ \\t]*\\n?[ \\t]*");

  /**
   * A street line ending just before the city or code: "221B Baker Street, " or "Via Roma 10\n".
   */
  private static final Pattern STREET =
      Pattern.compile(
          "(?i)(?:\\b[0-9]{1,5}[a-z]?,?\\s+(?:[\\p{L}'.-]+\\s+){0,4}?"
              + "(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct"
              + "|place|pl|square|sq|terrace|parade|crescent|close|highway|hwy|rue|chemin|allée"
              + "|impasse|quai|cours|place)\\b\\.?"
              + "(?:\\s+[\\p{L}'.-]+){0,4}"
              + "|\\b(?:[\\p{L}'.-]+\\s+){0,3}?[\\p{L}]*(?:straße|strasse|str\\.|weg|platz|allee|gasse"
              + "|ring|damm|via|viale|piazza|corso|largo|calle|avenida|plaza|paseo|carrer|camino)"
              + "(?:\\s+[\\p{L}'.-]+){0,4}?,?\\s+[0-9]{1,4}[a-z]?)"
              + "[ \\t]*,?[ \\t]*\\n?[ \\t]*$");

  private transient volatile List<Country> countries;

  /** Every (folded) city name of the gazetteer, to find them all in one pass. */
  private transient KeywordAutomaton cityNames;

  private AddressFinder() {}

  /** The shared instance (the gazetteer loads on first use). */
  public static AddressFinder instance() {
    return INSTANCE;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  private record City(String[] names, String[] ranges, int[][] numeric) {
    /** Numeric ranges pre-parsed as {length, low, high}. */
    static City of(String[] names, String[] ranges) {
      int[][] numeric = new int[ranges.length][];
      for (int i = 0; i < ranges.length; i++) {
        String[] b = ranges[i].split("-");
        if (b[0].chars().allMatch(Character::isDigit)) {
          int lo = Integer.parseInt(b[0]);
          numeric[i] = new int[] {b[0].length(), lo, b.length > 1 ? Integer.parseInt(b[1]) : lo};
        }
      }
      return new City(names, ranges, numeric);
    }
  }

  private record Country(String code, Pattern shape, List<City> cities) {}

  private void ensureLoaded() {
    if (countries == null) {
      synchronized (this) {
        if (countries == null) {
          Map<String, List<City>> byCountry = new java.util.TreeMap<>();
          for (String line : Dictionary.lines("/io/trawl/detection/addresses/gazetteer.tsv")) {
            String[] f = line.split("\t");
            if (f.length != 3) {
              throw new IllegalStateException("bad gazetteer line: " + line);
            }
            String[] names = f[1].split("\\|");
            for (int i = 0; i < names.length; i++) {
              names[i] = Dictionary.fold(names[i]);
            }
            byCountry
                .computeIfAbsent(f[0], k -> new ArrayList<>())
                .add(City.of(names, f[2].split(",")));
          }
          List<Country> list = new ArrayList<>();
          byCountry.forEach(
              (cc, cities) ->
                  list.add(new Country(cc, Pattern.compile(CODE_SHAPES.get(cc)), cities)));
          java.util.Set<String> names = new java.util.LinkedHashSet<>();
          for (Country c : list) {
            for (City city : c.cities()) {
              names.addAll(List.of(city.names()));
            }
          }
          cityNames = KeywordAutomaton.build(new ArrayList<>(names));
          countries = List.copyOf(list);
        }
      }
    }
  }

  @Override
  public void find(CharSequence text, SpanConsumer out) {
    ensureLoaded();
    // One hand-written pass finds code candidates (digit runs of 4 or 5, ZIP+4, and the inward
    // parts of UK and Canadian codes); the RE2J shapes then confirm only around those spots.
    int n = text.length();
    // One pass of an automaton over all city names first: a code is looked at only if a city
    // name could be next to it (most digit runs in logs and tables have none).
    int[] hits = new int[16];
    int[] hitCount = {0};
    int[][] hitsRef = {hits};
    cityNames.scan(
        text,
        0,
        n,
        (literal, start, end) -> {
          int c = hitCount[0];
          if (2 * c + 2 > hitsRef[0].length) {
            hitsRef[0] = java.util.Arrays.copyOf(hitsRef[0], hitsRef[0].length * 2);
          }
          hitsRef[0][2 * c] = start;
          hitsRef[0][2 * c + 1] = end;
          hitCount[0] = c + 1;
        });
    int nonAscii = 0;
    for (int k = 0; k < n && nonAscii == 0; k++) {
      if (text.charAt(k) >= 128) {
        nonAscii = 1;
      }
    }
    CityHits cities = new CityHits(text, hitsRef[0], hitCount[0], nonAscii != 0);
    int i = 0;
    while (i < n) {
      char ch = text.charAt(i);
      if (ch >= '0' && ch <= '9') {
        int j = i;
        while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
          j++;
        }
        boolean left = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
        if (!cities.near(Math.max(0, i - 9), Math.min(n, j + 9))) {
          i = j; // no city name within reach of any code this digit run can be part of
          continue;
        }
        if (left && j - i == 5) {
          int end = j;
          if (j + 5 <= n && text.charAt(j) == '-' && allDigits(text, j + 1, j + 5)) {
            end = j + 5;
          }
          if (end == n || !Character.isLetterOrDigit(text.charAt(end))) {
            report(text, i, end, FIVE_DIGIT, out);
          } else if (end != j && (j == n || !Character.isLetterOrDigit(text.charAt(j)))) {
            report(text, i, j, FIVE_DIGIT, out);
          }
        } else if (left && j - i == 4 && (j == n || !Character.isLetterOrDigit(text.charAt(j)))) {
          report(text, i, j, List.of("AU"), out);
        }
        // Inward parts: UK "1AA" (digit, two letters) and Canada "1A1" (digit, letter, digit).
        int p = j - 1;
        if (p + 3 <= n && upper(text, p + 1) && upper(text, p + 2) && boundary(text, p + 3)) {
          confirm(text, p, 3, 8, "UK", out);
        }
        if (p + 3 <= n && upper(text, p + 1) && digit(text, p + 2) && boundary(text, p + 3)) {
          confirm(text, p, 3, 4, "CA", out);
        }
        i = j;
      } else {
        i++;
      }
    }
  }

  /**
   * City-name hits (in order of end) and the question "could a city be adjacent to a code in [cs,
   * ce)?". Names are matched lower-cased here but accent-folded by {@link #cityNear}, so a window
   * with non-ASCII characters always passes.
   */
  private record CityHits(CharSequence text, int[] hits, int count, boolean anyNonAscii) {
    boolean near(int cs, int ce) {
      int from = Math.max(0, cs - REACH);
      int to = Math.min(text.length(), ce + REACH);
      int lo = 0;
      int hi = count;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (hits[2 * mid + 1] < from) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int k = lo; k < count && hits[2 * k + 1] <= to; k++) {
        if (hits[2 * k] >= from) {
          return true;
        }
      }
      for (int k = from; anyNonAscii && k < to; k++) {
        if (text.charAt(k) >= 128) {
          return true;
        }
      }
      return false;
    }
  }

  private static final List<String> FIVE_DIGIT = List.of("US", "FR", "DE", "IT", "ES");

  private void report(CharSequence text, int cs, int ce, List<String> codes, SpanConsumer out) {
    String code = text.subSequence(cs, ce).toString();
    for (Country c : countries) {
      if (codes.contains(c.code())) {
        int[] span = cityNear(text, c, code, cs, ce);
        if (span != null) {
          out.accept(streetStart(text, span[0]), span[1]);
          return;
        }
      }
    }
  }

  /** Runs a country's code shape over the few characters before an inward-code candidate. */
  private void confirm(CharSequence text, int p, int len, int before, String cc, SpanConsumer out) {
    int ws = Math.max(0, p - before);
    Country country = null;
    for (Country c : countries) {
      if (c.code().equals(cc)) {
        country = c;
      }
    }
    if (country == null) {
      return;
    }
    Matcher m = country.shape().matcher(text.subSequence(ws, p + len));
    while (m.find()) {
      if (ws + m.end() == p + len
          && (ws + m.start() == 0 || !Character.isLetterOrDigit(text.charAt(ws + m.start() - 1)))) {
        report(text, ws + m.start(), p + len, List.of(cc), out);
        return;
      }
    }
  }

  private static boolean allDigits(CharSequence s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!digit(s, k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean digit(CharSequence s, int k) {
    return k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9';
  }

  private static boolean upper(CharSequence s, int k) {
    return k < s.length() && s.charAt(k) >= 'A' && s.charAt(k) <= 'Z';
  }

  private static boolean boundary(CharSequence s, int k) {
    return k >= s.length() || !Character.isLetterOrDigit(s.charAt(k));
  }

  /** How far from the code a city name may start or end (name plus a state code and commas). */
  private static final int REACH = 40;

  /** The span of city + code if a matching city is adjacent to the code, else null. */
  private static int[] cityNear(CharSequence text, Country c, String code, int cs, int ce) {
    String folded = null;
    int ws = Math.max(0, cs - REACH);
    int lcs = cs - ws;
    int lce = ce - ws;
    for (City city : c.cities()) {
      if (!inRange(c.code(), code, city)) {
        continue;
      }
      if (folded == null) {
        // Fold only a small window around the code, and only once a city's range matches.
        int we = Math.min(text.length(), ce + REACH);
        String raw = text.subSequence(ws, we).toString();
        folded = Dictionary.fold(raw);
        if (folded.length() != raw.length()) {
          folded = raw.toLowerCase(java.util.Locale.ROOT); // keep offsets aligned
        }
      }
      for (String name : city.names()) {
        // City before code: "Chicago, IL 60601", "London SW1A 1AA".
        int k = folded.lastIndexOf(name, lcs - name.length());
        if (k >= 0
            && k + name.length() <= lcs
            && wordAt(folded, k, name)
            && gapOk(text, ws + k + name.length(), cs)) {
          return new int[] {ws + k, ce};
        }
        // Code before city: "75008 Paris", "10115 Berlin".
        k = folded.indexOf(name, lce);
        if (k >= 0 && wordAt(folded, k, name) && gapOk(text, ce, ws + k)) {
          return new int[] {cs, ws + k + name.length()};
        }
      }
    }
    return null;
  }

  private static boolean wordAt(String folded, int k, String name) {
    int e = k + name.length();
    return (k == 0 || !Character.isLetterOrDigit(folded.charAt(k - 1)))
        && (e >= folded.length() || !Character.isLetterOrDigit(folded.charAt(e)));
  }

  private static boolean gapOk(CharSequence text, int from, int to) {
    return from <= to && GAP.matches(text.subSequence(from, to).toString());
  }

  static boolean inRange(String country, String code, City city) {
    String[] ranges = city.ranges();
    for (int i = 0; i < ranges.length; i++) {
      String r = ranges[i];
      if (country.equals("UK")) {
        int letters = 0;
        while (letters < code.length() && Character.isLetter(code.charAt(letters))) {
          letters++;
        }
        if (letters == r.length() && code.startsWith(r)) {
          return true;
        }
      } else if (country.equals("CA")) {
        if (code.startsWith(r)) {
          return true;
        }
      } else if (city.numeric()[i] != null) {
        int[] b = city.numeric()[i];
        if (code.length() < b[0]) {
          continue;
        }
        int v = 0;
        for (int k = 0; k < b[0]; k++) {
          v = v * 10 + code.charAt(k) - '0';
        }
        if (v >= b[1] && v <= b[2]) {
          return true;
        }
      }
    }
    return false;
  }

  /** Start of a street line that ends right before {@code at}, or {@code at}. */
  private static int streetStart(CharSequence text, int at) {
    int from = Math.max(0, at - 100);
    Matcher m = STREET.matcher(text.subSequence(from, at));
    if (m.find()) {
      return from + m.start();
    }
    return at;
  }
}
