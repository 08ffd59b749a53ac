package io.trawl.detection.finders;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.trawl.detection.MatchFinder;
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

  private transient List<Country> countries;

  private AddressFinder() {}

  /** The shared instance (the gazetteer loads on first use). */
  public static AddressFinder instance() {
    return INSTANCE;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  private record City(String[] names, String[] ranges) {}

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
                .add(new City(names, f[2].split(",")));
          }
          List<Country> list = new ArrayList<>();
          byCountry.forEach(
              (cc, cities) ->
                  list.add(new Country(cc, Pattern.compile(CODE_SHAPES.get(cc)), cities)));
          countries = List.copyOf(list);
        }
      }
    }
  }

  @Override
  public void find(CharSequence text, SpanConsumer out) {
    ensureLoaded();
    String folded = Dictionary.fold(text);
    if (folded.length() != text.length()) {
      folded = text.toString().toLowerCase(java.util.Locale.ROOT); // keep offsets aligned
    }
    // A code shape shared by several countries (five digits) is reported once.
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (Country c : countries) {
      Matcher m = c.shape().matcher(text);
      while (m.find()) {
        String code = m.group();
        int[] span = cityNear(text, folded, c, code, m.start(), m.end());
        if (span != null) {
          int start = streetStart(text, span[0]);
          if (seen.add(((long) m.start() << 32) | m.end())) {
            out.accept(start, span[1]);
          }
        }
      }
    }
  }

  /** The span of city + code if a matching city is adjacent to the code, else null. */
  private static int[] cityNear(
      CharSequence text, String folded, Country c, String code, int cs, int ce) {
    for (City city : c.cities()) {
      if (!inRange(c.code(), code, city.ranges())) {
        continue;
      }
      for (String name : city.names()) {
        // City before code: "Chicago, IL 60601", "London SW1A 1AA".
        int from = Math.max(0, cs - name.length() - 12);
        int k = folded.lastIndexOf(name, cs);
        if (k >= from && wordAt(folded, k, name) && gapOk(text, k + name.length(), cs)) {
          return new int[] {k, ce};
        }
        // Code before city: "75008 Paris", "10115 Berlin".
        k = folded.indexOf(name, ce);
        if (k >= 0 && k <= ce + 12 && wordAt(folded, k, name) && gapOk(text, ce, k)) {
          return new int[] {cs, k + name.length()};
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

  static boolean inRange(String country, String code, String[] ranges) {
    String compact = code.replace(" ", "");
    for (String r : ranges) {
      if (country.equals("UK")) {
        int letters = 0;
        while (letters < compact.length() && Character.isLetter(compact.charAt(letters))) {
          letters++;
        }
        if (compact.substring(0, letters).equals(r)) {
          return true;
        }
      } else if (country.equals("CA")) {
        if (compact.startsWith(r)) {
          return true;
        }
      } else {
        String[] b = r.split("-");
        int len = b[0].length();
        if (compact.length() < len) {
          continue;
        }
        int v = Integer.parseInt(compact.substring(0, len));
        int lo = Integer.parseInt(b[0]);
        int hi = b.length > 1 ? Integer.parseInt(b[1]) : lo;
        if (v >= lo && v <= hi) {
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
