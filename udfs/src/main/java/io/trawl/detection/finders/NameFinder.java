package io.trawl.detection.finders;

import io.trawl.detection.MatchFinder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Full names in Latin script (Macie's {@code NAME}): a capitalised given name from the shipped
 * dictionary, an optional middle name or initial, and a capitalised surname. The surname must be in
 * the surname dictionary, unless a name cue (for example {@code name:}, {@code Mr}, {@code
 * patient}) precedes the given name within 30 characters. {@code Surname, Given} is accepted when
 * both parts are in the dictionaries. Single words are never reported: Macie reports full names
 * only.
 *
 * <p>Linear: one tokenisation pass and constant work per token.
 */
public final class NameFinder implements MatchFinder {
  private static final long serialVersionUID = 1L;
  private static final NameFinder INSTANCE = new NameFinder();

  private static final String BASE = "/io/trawl/detection/names/";

  /** Words that look like names when capitalised but are not (sentence starts, places, months). */
  private static final Set<String> NOT_SURNAMES =
      Set.of(
          "road",
          "avenue",
          "the",
          "and",
          "of",
          "in",
          "on",
          "at",
          "for",
          "from",
          "to",
          "with",
          "street",
          "city",
          "county",
          "bank",
          "inc",
          "ltd",
          "llc",
          "gmbh",
          "corp",
          "company",
          "university",
          "hospital",
          "school",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  private static final List<String> CUES =
      List.of(
          "name",
          "mr",
          "mrs",
          "ms",
          "miss",
          "dr",
          "prof",
          "patient",
          "customer",
          "employee",
          "client",
          "contact",
          "applicant",
          "insured",
          "holder",
          "cardholder",
          "signed",
          "dear",
          "attn",
          "recipient",
          "sender",
          "beneficiary",
          "guardian",
          "nombre",
          "nom",
          "prenom",
          "cognome",
          "vorname",
          "nachname",
          "sr",
          "sra",
          "herr",
          "frau",
          "mme",
          "m.",
          "sig");

  private transient Set<String> given;
  private transient Set<String> surnames;

  private NameFinder() {}

  /** The shared instance (dictionaries load on first use). */
  public static NameFinder instance() {
    return INSTANCE;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  private void ensureLoaded() {
    if (given == null) {
      synchronized (this) {
        if (given == null) {
          surnames = Dictionary.load(BASE + "surnames.txt");
          given = Dictionary.load(BASE + "given-names.txt");
        }
      }
    }
  }

  @Override
  public void find(CharSequence text, SpanConsumer out) {
    ensureLoaded();
    Words words = Words.of(text);
    int i = 0;
    while (i < words.count) {
      // A name starts with a capitalised word: most words are not, and cost nothing more.
      int end = words.capitalised(i) ? matchAt(text, words, i) : i;
      if (end > i) {
        out.accept(words.start(i), words.end(end));
        i = end + 1;
      } else {
        i++;
      }
    }
  }

  /** Index of the last word of a name starting at word {@code i}, or {@code i} if none. */
  private int matchAt(CharSequence text, Words words, int i) {
    int ws = words.start(i);
    int we = words.end(i);
    String first = Dictionary.fold(text.subSequence(ws, we));
    if (given.contains(first)) {
      int j = i + 1;
      if (j < words.count && adjacent(text, ws, we, words.start(j), words.end(j))) {
        int ns = words.start(j);
        int ne = words.end(j);
        boolean initial = ne - ns == 1 && Character.isUpperCase(text.charAt(ns));
        String nextWord = Dictionary.fold(text.subSequence(ns, ne));
        boolean middleName = given.contains(nextWord) && words.capitalised(j);
        if ((initial || middleName)
            && j + 1 < words.count
            && adjacent(text, ns, ne, words.start(j + 1), words.end(j + 1))
            && isSurname(text, words, j + 1, ws)) {
          return j + 1;
        }
        if (isSurname(text, words, j, ws)) {
          return j;
        }
      }
      return i;
    }
    // "Smith, John"
    if (surnames.contains(first)
        && i + 1 < words.count
        && text.charAt(we) == ','
        && words.start(i + 1) - we <= 2
        && words.capitalised(i + 1)
        && given.contains(
            Dictionary.fold(text.subSequence(words.start(i + 1), words.end(i + 1))))) {
      return i + 1;
    }
    return i;
  }

  private boolean isSurname(CharSequence text, Words words, int k, int nameStart) {
    if (!words.capitalised(k) || words.end(k) - words.start(k) < 2) {
      return false;
    }
    String s = Dictionary.fold(text.subSequence(words.start(k), words.end(k)));
    if (surnames.contains(s)) {
      return true;
    }
    return !NOT_SURNAMES.contains(s) && !given.contains(s) && cueBefore(text, nameStart);
  }

  private static boolean cueBefore(CharSequence text, int start) {
    int from = Math.max(0, start - 30);
    String before = Dictionary.fold(text.subSequence(from, start));
    for (String cue : CUES) {
      int k = before.lastIndexOf(cue);
      while (k >= 0) {
        boolean leftOk = k == 0 || !Character.isLetter(before.charAt(k - 1));
        int after = k + cue.length();
        boolean rightOk = after >= before.length() || !Character.isLetter(before.charAt(after));
        if (leftOk && rightOk) {
          return true;
        }
        k = before.lastIndexOf(cue, k - 1);
      }
    }
    return false;
  }

  /** Only spaces or tabs (at most two) between the words; a middle initial may end with '.'. */
  private static boolean adjacent(CharSequence text, int as, int ae, int bs, int be) {
    int gap = 0;
    for (int k = ae; k < bs; k++) {
      char c = text.charAt(k);
      if (c == '.' && k == ae && ae - as == 1) {
        continue;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
      gap++;
    }
    return gap >= 1 && gap <= 2;
  }

  /** "John" or "JOHN" (all capitals), not "john" or "jOHN". */
  private static boolean capitalised(CharSequence text, int ws, int we) {
    if (!Character.isUpperCase(text.charAt(ws))) {
      return false;
    }
    boolean allUpper = true;
    boolean restLower = true;
    for (int k = ws + 1; k < we; k++) {
      char c = text.charAt(k);
      if (Character.isLetter(c)) {
        allUpper &= Character.isUpperCase(c);
        restLower &=
            Character.isLowerCase(c)
                || k > ws + 1 && Character.isUpperCase(c) && isNamePartBoundary(text, k);
      }
    }
    return allUpper || restLower;
  }

  /** McDonald, O'Brien, Jean-Luc: a capital after Mc, an apostrophe or a hyphen. */
  private static boolean isNamePartBoundary(CharSequence text, int k) {
    char prev = text.charAt(k - 1);
    return prev == '\'' || prev == '-' || k >= 2 && "Mc".contentEquals(text.subSequence(k - 2, k));
  }

  /** Word spans (Latin letters with inner apostrophes or hyphens), flat: no object per word. */
  private static final class Words {
    final CharSequence text;
    int[] spans = new int[64];
    int count;

    private Words(CharSequence text) {
      this.text = text;
    }

    int start(int i) {
      return spans[2 * i];
    }

    int end(int i) {
      return spans[2 * i + 1];
    }

    boolean capitalised(int i) {
      return NameFinder.capitalised(text, spans[2 * i], spans[2 * i + 1]);
    }

    // ASCII fast paths: the JDK's Character lookups dominate a pass over mostly-ASCII text.
    private static boolean isLetter(char c) {
      return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    private static boolean isDigit(char c) {
      return c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    private static boolean isLetterOrDigit(char c) {
      return isLetter(c) || isDigit(c);
    }

    static Words of(CharSequence text) {
      Words out = new Words(text);
      int n = text.length();
      int i = 0;
      while (i < n) {
        if (!isLetter(text.charAt(i))) {
          i++;
          continue;
        }
        int s = i;
        while (i < n
            && (isLetter(text.charAt(i))
                || (text.charAt(i) == '\'' || text.charAt(i) == '-')
                    && i + 1 < n
                    && isLetter(text.charAt(i + 1)))) {
          i++;
        }
        // Letters glued to digits (ids like AB12) are not words of a name.
        boolean glued =
            s > 0 && isLetterOrDigit(text.charAt(s - 1)) || i < n && isDigit(text.charAt(i));
        if (!glued) {
          if (2 * out.count + 2 > out.spans.length) {
            out.spans = Arrays.copyOf(out.spans, out.spans.length * 2);
          }
          out.spans[2 * out.count] = s;
          out.spans[2 * out.count + 1] = i;
          out.count++;
        }
      }
      return out;
    }
  }
}
