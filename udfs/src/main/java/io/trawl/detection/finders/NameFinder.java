package io.trawl.detection.finders;

import io.trawl.detection.MatchFinder;
import java.util.ArrayList;
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
    List<int[]> words = words(text);
    int i = 0;
    while (i < words.size()) {
      int end = matchAt(text, words, i);
      if (end > i) {
        out.accept(words.get(i)[0], words.get(end)[1]);
        i = end + 1;
      } else {
        i++;
      }
    }
  }

  /** Index of the last word of a name starting at word {@code i}, or {@code i} if none. */
  private int matchAt(CharSequence text, List<int[]> words, int i) {
    int[] w = words.get(i);
    if (!capitalised(text, w)) {
      return i;
    }
    String first = Dictionary.fold(text.subSequence(w[0], w[1]));
    if (given.contains(first)) {
      int j = i + 1;
      if (j < words.size() && adjacent(text, words.get(i), words.get(j))) {
        int[] next = words.get(j);
        boolean initial = next[1] - next[0] == 1 && Character.isUpperCase(text.charAt(next[0]));
        String nextWord = Dictionary.fold(text.subSequence(next[0], next[1]));
        boolean middleName = given.contains(nextWord) && capitalised(text, next);
        if ((initial || middleName)
            && j + 1 < words.size()
            && adjacent(text, next, words.get(j + 1))
            && isSurname(text, words.get(j + 1), w[0])) {
          return j + 1;
        }
        if (isSurname(text, next, w[0])) {
          return j;
        }
      }
      return i;
    }
    // "Smith, John"
    if (surnames.contains(first)
        && i + 1 < words.size()
        && text.charAt(w[1]) == ','
        && words.get(i + 1)[0] - w[1] <= 2
        && capitalised(text, words.get(i + 1))
        && given.contains(
            Dictionary.fold(text.subSequence(words.get(i + 1)[0], words.get(i + 1)[1])))) {
      return i + 1;
    }
    return i;
  }

  private boolean isSurname(CharSequence text, int[] w, int nameStart) {
    if (!capitalised(text, w) || w[1] - w[0] < 2) {
      return false;
    }
    String s = Dictionary.fold(text.subSequence(w[0], w[1]));
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
  private static boolean adjacent(CharSequence text, int[] a, int[] b) {
    int gap = 0;
    for (int k = a[1]; k < b[0]; k++) {
      char c = text.charAt(k);
      if (c == '.' && k == a[1] && a[1] - a[0] == 1) {
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
  private static boolean capitalised(CharSequence text, int[] w) {
    if (!Character.isUpperCase(text.charAt(w[0]))) {
      return false;
    }
    boolean allUpper = true;
    boolean restLower = true;
    for (int k = w[0] + 1; k < w[1]; k++) {
      char c = text.charAt(k);
      if (Character.isLetter(c)) {
        allUpper &= Character.isUpperCase(c);
        restLower &=
            Character.isLowerCase(c)
                || k > w[0] + 1 && Character.isUpperCase(c) && isNamePartBoundary(text, k);
      }
    }
    return allUpper || restLower;
  }

  /** McDonald, O'Brien, Jean-Luc: a capital after Mc, an apostrophe or a hyphen. */
  private static boolean isNamePartBoundary(CharSequence text, int k) {
    char prev = text.charAt(k - 1);
    return prev == '\'' || prev == '-' || k >= 2 && "Mc".contentEquals(text.subSequence(k - 2, k));
  }

  /** Word spans: Latin letters with inner apostrophes or hyphens. */
  static List<int[]> words(CharSequence text) {
    List<int[]> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n
          && (Character.isLetter(text.charAt(i))
              || (text.charAt(i) == '\'' || text.charAt(i) == '-')
                  && i + 1 < n
                  && Character.isLetter(text.charAt(i + 1)))) {
        i++;
      }
      // Letters glued to digits (ids like AB12) are not words of a name.
      boolean glued =
          s > 0 && Character.isLetterOrDigit(text.charAt(s - 1))
              || i < n && Character.isDigit(text.charAt(i));
      if (!glued) {
        out.add(new int[] {s, i});
      }
    }
    return out;
  }
}
