package io.trawl.detection.internal;

import com.google.re2j.Matcher;
import io.trawl.detection.Detection;
import io.trawl.detection.Location;
import io.trawl.detection.ObjectScan;
import io.trawl.detection.Occurrence;
import io.trawl.detection.Severity;
import io.trawl.detection.Trigger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scan of one object. Each piece of content (a text block, cell, record value or page) goes
 * through the same steps:
 *
 * <ol>
 *   <li>one linear pass of the keyword-and-anchor automaton, plus a digit-run / IBAN shape pass if
 *       any identifier uses those triggers, which together say where each identifier could match;
 *   <li>per identifier with candidates, the windows around its hits are merged and its RE2J pattern
 *       runs only inside them (so overlapping windows never count a match twice);
 *   <li>each match is checked for a keyword in range (or in the column name or path), its
 *       validator, the identifier's exclusions and ignore words, and the allow lists;
 *   <li>it is counted, and the first {@link Detection#MAX_RECORDED_OCCURRENCES} are recorded with a
 *       masked sample and a keyed hash.
 * </ol>
 *
 * Text blocks carry the tail of the previous block, so a keyword just before a block boundary still
 * supports a value just after it; matches that ended inside that tail were counted already.
 */
final class DefaultObjectScan implements ObjectScan {
  /** Window edges are moved out to a break character, at most this far. */
  private static final int EDGE_REACH = 64;

  /** Characters a JDK regex may read per window character (plus a base) before RE2J takes over. */
  private static final long FAST_BUDGET_PER_CHAR = 64;

  private static final long FAST_BUDGET_BASE = 4096;

  /** A digit string longer than this is no identifier's value, so it is not a trigger. */
  private static final int LONGEST_DIGIT_STRING = 40;

  private enum Kind {
    TEXT,
    CELL,
    RECORD,
    PAGE
  }

  private final CompiledEngine engine;
  private final ValueMasker masker;
  private final CompiledEngine.SpanListener listener;
  private final Accumulator[] accumulators;
  private final Scratch[] scratch;
  private final int[] touched;
  private int[] matchBuffer = new int[64];

  /** The piece as the JDK matchers see it: one instance, so each identifier's matcher is reused. */
  private final BudgetedText budgeted = new BudgetedText();

  private final java.util.regex.Matcher[] fastMatchers;
  private int touchedCount;
  private final Deque<String> embedded = new ArrayDeque<>();
  private String embeddedPath;
  private final Map<String, StructuralKeyword[]> structuralCache = new HashMap<>();

  // Carry-over between text blocks.
  private String tail = "";
  private long tailLine;
  private long tailColumn;
  private long expectedNextLine = -1;

  // The piece being scanned.
  private String s;
  private char[] chars;
  private int n;
  private int countFrom;
  private Kind kind;
  private Location constantLocation;
  private long baseLine;
  private long baseColumn;
  private int[] newlines;
  private int newlineCount;

  DefaultObjectScan(
      CompiledEngine engine, ValueMasker masker, CompiledEngine.SpanListener listener) {
    this.engine = engine;
    this.masker = masker;
    this.listener = listener;
    int ids = engine.identifiers.length;
    this.accumulators = new Accumulator[ids];
    this.scratch = new Scratch[ids];
    this.touched = new int[ids];
    this.fastMatchers = new java.util.regex.Matcher[ids];
  }

  // ---------------------------------------------------------------- ContentSink

  @Override
  public void text(CharSequence block, long firstLine) {
    String b = block.toString();
    String joined;
    if (!tail.isEmpty() && firstLine == expectedNextLine) {
      String sep = tail.charAt(tail.length() - 1) == '\n' ? "" : "\n";
      joined = tail + sep + b;
      countFrom = tail.length() + sep.length();
      baseLine = tailLine;
      baseColumn = tailColumn;
    } else {
      joined = b;
      countFrom = 0;
      baseLine = firstLine;
      baseColumn = 1;
    }
    kind = Kind.TEXT;
    constantLocation = null;
    begin(joined);
    indexNewlines();
    scanPiece(null);
    // Keep the tail for the next block.
    int tailStart = Math.max(0, n - engine.carry);
    tail = s.substring(tailStart);
    tailLine = lineOf(tailStart);
    tailColumn = columnOf(tailStart);
    boolean endsWithNewline = n > 0 && s.charAt(n - 1) == '\n';
    expectedNextLine = baseLine + newlineCount + (endsWithNewline ? 0 : 1);
  }

  @Override
  public void cell(
      CharSequence value, long row, long column, String columnName, String cellReference) {
    resetCarry();
    kind = Kind.CELL;
    constantLocation = new Location.Cell(row, column, columnName, cellReference);
    countFrom = 0;
    begin(value.toString());
    scanPiece(columnName == null ? null : structural(columnName));
  }

  @Override
  public void record(
      CharSequence value, long recordIndex, String jsonPath, List<String> pathElementNames) {
    resetCarry();
    kind = Kind.RECORD;
    constantLocation = new Location.RecordPath(recordIndex, jsonPath);
    countFrom = 0;
    begin(value.toString());
    StructuralKeyword[] keywords = null;
    if (pathElementNames != null && !pathElementNames.isEmpty()) {
      List<StructuralKeyword> all = new ArrayList<>();
      for (String element : pathElementNames) {
        if (element != null) {
          all.addAll(Arrays.asList(structural(element)));
        }
      }
      keywords = all.toArray(new StructuralKeyword[0]);
    }
    scanPiece(keywords);
  }

  @Override
  public void page(CharSequence text, long pageNumber) {
    resetCarry();
    kind = Kind.PAGE;
    constantLocation = new Location.Page(pageNumber);
    countFrom = 0;
    begin(text.toString());
    scanPiece(null);
  }

  @Override
  public void beginEmbedded(String path) {
    resetCarry();
    embedded.addLast(path);
    embeddedPath = String.join("/", embedded);
  }

  @Override
  public void endEmbedded() {
    resetCarry();
    embedded.pollLast();
    embeddedPath = embedded.isEmpty() ? null : String.join("/", embedded);
  }

  @Override
  public List<Detection> detections() {
    List<Detection> out = new ArrayList<>();
    for (int i = 0; i < accumulators.length; i++) {
      Accumulator a = accumulators[i];
      if (a == null || a.count == 0) {
        continue;
      }
      CompiledIdentifier id = engine.identifiers[i];
      Severity severity = id.severityFor(a.count);
      if (severity == null) {
        continue;
      }
      out.add(
          new Detection(id.type, id.identifierType, id.category, a.count, a.occurrences, severity));
    }
    out.sort(Comparator.comparing(Detection::type));
    return out;
  }

  /**
   * Counted matches of one identifier, whatever its severity levels say (TestCustomDataIdentifier).
   */
  long count(int identifier) {
    Accumulator a = accumulators[identifier];
    return a == null ? 0 : a.count;
  }

  // ---------------------------------------------------------------- the scan of one piece

  private void resetCarry() {
    tail = "";
    expectedNextLine = -1;
  }

  private void begin(String piece) {
    s = piece;
    n = piece.length();
    if (chars == null || chars.length < n) {
      chars = new char[Math.max(n, 1024)];
    }
    piece.getChars(0, n, chars, 0);
    budgeted.reset(piece);
    newlines = null;
    newlineCount = 0;
  }

  private void scanPiece(StructuralKeyword[] structuralKeywords) {
    touchedCount = 0;
    if (n == 0) {
      return;
    }
    if (structuralKeywords != null) {
      for (StructuralKeyword k : structuralKeywords) {
        Scratch sc = touch(k.identifier);
        if (sc.structuralKeyword == null) {
          sc.structuralKeyword = k.keyword;
          // As in free text, a keyword opens a window only for identifiers that look near their
          // keywords; for the others (an "iban" column and 52 IBAN identifiers) their anchors
          // and triggers already say where a value can be, and the keyword only explains it.
          if (engine.identifiers[k.identifier].keywordWindows) {
            sc.addWindow(0, n);
          }
        }
      }
    }
    if (engine.automaton != null) {
      engine.automaton.scan(chars, 0, n, this::onLiteral);
    }
    if (engine.digitIdentifiers.length > 0 || engine.ibanIdentifiers.length > 0) {
      shapePass();
    }
    for (int id : engine.wholeTextIdentifiers) {
      touch(id).addWindow(0, n);
    }
    for (int id : engine.finderIdentifiers) {
      runFinder(engine.identifiers[id], touch(id));
    }
    for (int t = 0; t < touchedCount; t++) {
      int id = touched[t];
      Scratch sc = scratch[id];
      CompiledIdentifier ci = engine.identifiers[id];
      if (ci.pattern != null && sc.windowCount > 0) {
        runPattern(ci, sc);
      }
      sc.reset();
    }
    touchedCount = 0;
  }

  private Scratch touch(int id) {
    Scratch sc = scratch[id];
    if (sc == null) {
      sc = new Scratch();
      scratch[id] = sc;
    }
    if (!sc.touched) {
      sc.touched = true;
      touched[touchedCount++] = id;
    }
    return sc;
  }

  private void onLiteral(int literal, int start, int end) {
    int[] ids = engine.literalIdentifiers[literal];
    byte[] roles = engine.literalRoles[literal];
    for (int u = 0; u < ids.length; u++) {
      CompiledIdentifier ci = engine.identifiers[ids[u]];
      if (roles[u] == CompiledEngine.ROLE_KEYWORD) {
        // In free text a keyword is a word of its own: "pan" must not fire inside "company".
        if (engine.literalStartsWithLetter[literal]
            && start > 0
            && Character.isLetter(chars[start - 1])) {
          continue;
        }
        if (engine.literalEndsWithLetter[literal] && end < n && Character.isLetter(chars[end])) {
          continue;
        }
        Scratch sc = touch(ci.index);
        sc.addKeyword(start, end, engine.literalKeywords[literal][u]);
        if (ci.keywordWindows) {
          sc.addWindow(start - ci.keywordWindowBefore(), end + ci.keywordWindowAfter());
        }
      } else {
        touch(ci.index).addWindow(start - ci.maxLength, end + ci.maxLength);
      }
    }
  }

  /**
   * Digit runs (single space, '-', '.' or '/' between digit groups) and IBAN shapes. Each run is
   * described once (digits, longest group, first and last group, '.' separators) and every
   * digit-triggered identifier filters it by that description, without reading the text again.
   */
  private void shapePass() {
    final boolean iban = engine.ibanIdentifiers.length > 0;
    final boolean digitsWanted = engine.digitIdentifiers.length > 0;
    int runStart = -1;
    int digits = 0;
    int lastDigitEnd = -1;
    int consecutive = 0;
    int longestGroup = 0;
    int firstGroup = 0;
    int dots = 0;
    int groupBeforeSeparator = 0;
    final char[] t = chars;
    for (int i = 0; i < n; i++) {
      char c = t[i];
      if (c >= '0' && c <= '9') {
        if (runStart < 0) {
          runStart = i;
          digits = 0;
          longestGroup = 0;
          firstGroup = 0;
          dots = 0;
        }
        digits++;
        consecutive++;
        lastDigitEnd = i + 1;
        if (consecutive > longestGroup) {
          longestGroup = consecutive;
        }
        if (iban
            && consecutive == 2
            && i >= 3
            && isUpper(t[i - 2])
            && isUpper(t[i - 3])
            && (i < 4 || !Character.isLetterOrDigit(t[i - 4]))) {
          for (int id : engine.ibanIdentifiers) {
            CompiledIdentifier ci = engine.identifiers[id];
            // An identifier whose regex starts with its country code only looks at that country.
            if (ci.ibanCountry == null
                || (ci.ibanCountry.charAt(0) == t[i - 3] && ci.ibanCountry.charAt(1) == t[i - 2])) {
              touch(id).addWindow(i - 4, i - 3 + ci.maxLength + 1);
            }
          }
        }
        continue;
      }
      int group = consecutive;
      consecutive = 0;
      if (runStart >= 0) {
        if ((c == ' ' || c == '-' || c == '.' || c == '/') && lastDigitEnd == i) {
          if (firstGroup == 0) {
            firstGroup = group;
          }
          groupBeforeSeparator = group;
          if (c == '.') {
            dots++;
          }
          continue;
        }
        if (digitsWanted && longestGroup <= LONGEST_DIGIT_STRING) {
          int lastGroup = lastDigitEnd == i ? group : groupBeforeSeparator;
          digitRun(runStart, lastDigitEnd, digits, longestGroup, firstGroup, lastGroup, dots);
        }
        runStart = -1;
      }
    }
    if (runStart >= 0 && digitsWanted && longestGroup <= LONGEST_DIGIT_STRING) {
      int lastGroup = lastDigitEnd == n ? consecutive : groupBeforeSeparator;
      digitRun(runStart, lastDigitEnd, digits, longestGroup, firstGroup, lastGroup, dots);
    }
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private void digitRun(
      int start, int end, int digits, int longestGroup, int firstGroup, int lastGroup, int dots) {
    if (firstGroup == 0) {
      firstGroup = lastGroup; // a single group
    }
    for (int id : engine.digitIdentifiers) {
      CompiledIdentifier ci = engine.identifiers[id];
      if (digits < ci.triggerMinDigits || longestGroup < ci.triggerMinGroupDigits) {
        continue;
      }
      if (ci.trigger == Trigger.IP) {
        boolean ipv6 = ipv6Group(start, end, firstGroup, lastGroup);
        if (!ipv6 && dots >= 3) {
          // A dotted quad lies inside the run itself: no padding needed.
          touch(id).addWindow(start, end);
          continue;
        }
        if (!ipv6) {
          continue;
        }
      }
      int pad = Math.max(8, ci.maxLength - ci.triggerMinDigits);
      touch(id).addWindow(start - pad, end + pad);
    }
  }

  /**
   * An IPv6 group of four digits is the first group of a run that follows ':' or the last group of
   * one followed by ':'. (An IPv4 dotted quad lies inside one run with three '.' separators.) Log
   * timestamps ({@code 2024-05-03 12:34:56.789}) are neither.
   */
  private boolean ipv6Group(int start, int end, int firstGroup, int lastGroup) {
    return (firstGroup >= 4 && start > 0 && chars[start - 1] == ':')
        || (lastGroup >= 4 && end < n && chars[end] == ':');
  }

  private void runFinder(CompiledIdentifier ci, Scratch sc) {
    ci.finder.find(s, (start, end) -> candidate(ci, sc, start, end, start, end));
  }

  private void runPattern(CompiledIdentifier ci, Scratch sc) {
    int[] w = sc.mergedWindows(s, n);
    int count = sc.windowCount;
    for (int k = 0; k < count; k++) {
      int ws = w[2 * k];
      int we = w[2 * k + 1];
      if (ci.fastPattern == null || !runFast(ci, sc, ws, we)) {
        runRe2j(ci, sc, ws, we);
      }
    }
  }

  /**
   * Runs the JDK pattern over one window under a budget of characters read; false (and nothing
   * counted) if the budget ran out, so the caller reruns the window on RE2J.
   */
  private boolean runFast(CompiledIdentifier ci, Scratch sc, int ws, int we) {
    java.util.regex.Matcher m = fastMatchers[ci.index];
    if (m == null) {
      m = ci.fastPattern.matcher(budgeted);
      fastMatchers[ci.index] = m;
    }
    budgeted.budget(FAST_BUDGET_PER_CHAR * (long) (we - ws) + FAST_BUDGET_BASE);
    // Opaque, anchoring bounds (the defaults): the region behaves as a text of its own.
    m.region(ws, we);
    int found = 0;
    try {
      while (m.find()) {
        if (m.end() == m.start()) {
          continue;
        }
        int vs = m.start();
        int ve = m.end();
        if (ci.valueGroup > 0 && m.start(ci.valueGroup) >= 0) {
          vs = m.start(ci.valueGroup);
          ve = m.end(ci.valueGroup);
        }
        if (4 * found + 4 > matchBuffer.length) {
          matchBuffer = Arrays.copyOf(matchBuffer, matchBuffer.length * 2);
        }
        matchBuffer[4 * found] = m.start();
        matchBuffer[4 * found + 1] = m.end();
        matchBuffer[4 * found + 2] = vs;
        matchBuffer[4 * found + 3] = ve;
        found++;
      }
    } catch (RuntimeException e) {
      if (e == BudgetedText.EXHAUSTED) {
        return false;
      }
      throw e;
    }
    for (int i = 0; i < found; i++) {
      accept(
          ci,
          sc,
          ws,
          we,
          matchBuffer[4 * i],
          matchBuffer[4 * i + 1],
          matchBuffer[4 * i + 2],
          matchBuffer[4 * i + 3]);
    }
    return true;
  }

  private void runRe2j(CompiledIdentifier ci, Scratch sc, int ws, int we) {
    Matcher m = ci.pattern.matcher(new TextView(s, ws, we));
    while (m.find()) {
      int ms = ws + m.start();
      int me = ws + m.end();
      if (me == ms) {
        continue;
      }
      int vs = ms;
      int ve = me;
      if (ci.valueGroup > 0 && m.start(ci.valueGroup) >= 0) {
        vs = ws + m.start(ci.valueGroup);
        ve = ws + m.end(ci.valueGroup);
      }
      accept(ci, sc, ws, we, ms, me, vs, ve);
    }
  }

  /** Drops a match cut by a window edge that is not a real break (an artefact of the window). */
  private void accept(
      CompiledIdentifier ci, Scratch sc, int ws, int we, int ms, int me, int vs, int ve) {
    if (ms == ws && ws > 0 && !isBreak(s.charAt(ws - 1))) {
      return;
    }
    if (me == we && we < n && !isBreak(s.charAt(we))) {
      return;
    }
    candidate(ci, sc, ms, me, vs, ve);
  }

  private void candidate(CompiledIdentifier ci, Scratch sc, int ms, int me, int vs, int ve) {
    if (me <= countFrom) {
      return; // wholly inside the carried tail: counted with the previous block
    }
    String keyword = null;
    if (sc.structuralKeyword != null) {
      keyword = sc.structuralKeyword;
    } else if (!ci.keywords.isEmpty()) {
      keyword = sc.keywordNear(ci, ms, me, engine.maxLiteralLength);
      if (keyword == null && ci.keywordRequired) {
        return;
      }
    }
    String value = s.substring(vs, ve);
    if (ci.validator != null && !ci.validator.isValid(value)) {
      return;
    }
    if (!ci.exclusions.isEmpty()
        && ci.exclusions.contains(CompiledIdentifier.exclusionKey(value))) {
      return;
    }
    for (String w : ci.ignoreWords) {
      if (value.contains(w)) {
        return;
      }
    }
    if (engine.allowed(value)) {
      return;
    }
    if (listener != null) {
      listener.accept(vs, ve);
    }
    Accumulator a = accumulators[ci.index];
    if (a == null) {
      a = new Accumulator();
      accumulators[ci.index] = a;
    }
    if (ci.countLimit > 0 && a.count >= ci.countLimit) {
      return;
    }
    a.count++;
    if (a.occurrences.size() < Detection.MAX_RECORDED_OCCURRENCES) {
      a.occurrences.add(
          new Occurrence(
              location(vs, ve),
              embeddedPath,
              ValueMasker.mask(value),
              masker.hash(value),
              keyword,
              ci.validator == null ? null : ci.validatorName));
    }
  }

  static boolean isBreak(char c) {
    switch (c) {
      case '"':
      case '\'':
      case ',':
      case ';':
      case '<':
      case '>':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '|':
        return true;
      default:
        return Character.isWhitespace(c);
    }
  }

  // ---------------------------------------------------------------- structure keywords

  /** The identifiers a column name or path element supports, by substring, cached per name. */
  private StructuralKeyword[] structural(String name) {
    StructuralKeyword[] cached = structuralCache.get(name);
    if (cached != null) {
      return cached;
    }
    List<StructuralKeyword> out = new ArrayList<>();
    if (engine.automaton != null) {
      boolean[] seen = new boolean[engine.identifiers.length];
      engine.automaton.scan(
          name,
          0,
          name.length(),
          (literal, start, end) -> {
            int[] ids = engine.literalIdentifiers[literal];
            for (int u = 0; u < ids.length; u++) {
              if (engine.literalRoles[literal][u] == CompiledEngine.ROLE_KEYWORD && !seen[ids[u]]) {
                seen[ids[u]] = true;
                out.add(new StructuralKeyword(ids[u], name));
              }
            }
          });
    }
    StructuralKeyword[] result = out.toArray(new StructuralKeyword[0]);
    if (structuralCache.size() < 10_000) {
      structuralCache.put(name, result);
    }
    return result;
  }

  /** An identifier whose keyword occurs in a column name or path element, and that name. */
  private record StructuralKeyword(int identifier, String keyword) {}

  // ---------------------------------------------------------------- locations

  private Location location(int start, int end) {
    if (kind != Kind.TEXT) {
      return constantLocation;
    }
    return new Location.LineRange(lineOf(start), lineOf(Math.max(start, end - 1)), columnOf(start));
  }

  private void indexNewlines() {
    int[] idx = new int[16];
    int c = 0;
    final char[] t = chars;
    for (int i = 0; i < n; i++) {
      if (t[i] == '\n') {
        if (c == idx.length) {
          idx = Arrays.copyOf(idx, c * 2);
        }
        idx[c++] = i;
      }
    }
    newlines = idx;
    newlineCount = c;
  }

  /** Number of newlines before {@code pos}. */
  private int newlinesBefore(int pos) {
    int lo = 0;
    int hi = newlineCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (newlines[mid] < pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private long lineOf(int pos) {
    return baseLine + newlinesBefore(pos);
  }

  private long columnOf(int pos) {
    int k = newlinesBefore(pos);
    return k == 0 ? baseColumn + pos : pos - newlines[k - 1];
  }

  // ---------------------------------------------------------------- per-identifier state

  /** What one identifier has found in this object so far. */
  private static final class Accumulator {
    long count;
    final List<Occurrence> occurrences = new ArrayList<>();
  }

  /** Per-piece candidates of one identifier: windows to search and keyword hits. */
  private static final class Scratch {
    boolean touched;
    String structuralKeyword;
    int[] windows = new int[8];
    int windowCount;
    boolean sorted = true;
    int[] keywordSpans = new int[8];
    String[] keywordNames = new String[4];
    int keywordCount;

    void reset() {
      touched = false;
      structuralKeyword = null;
      windowCount = 0;
      sorted = true;
      keywordCount = 0;
    }

    void addWindow(int start, int end) {
      if (windowCount > 0 && start < windows[2 * windowCount - 2]) {
        sorted = false;
      }
      // Merge at once with the previous window when they overlap (the common, dense case).
      if (windowCount > 0 && sorted && start <= windows[2 * windowCount - 1]) {
        if (end > windows[2 * windowCount - 1]) {
          windows[2 * windowCount - 1] = end;
        }
        return;
      }
      if (2 * windowCount + 2 > windows.length) {
        windows = Arrays.copyOf(windows, windows.length * 2);
      }
      windows[2 * windowCount] = start;
      windows[2 * windowCount + 1] = end;
      windowCount++;
    }

    void addKeyword(int start, int end, String keyword) {
      if (2 * keywordCount + 2 > keywordSpans.length) {
        keywordSpans = Arrays.copyOf(keywordSpans, keywordSpans.length * 2);
      }
      if (keywordCount == keywordNames.length) {
        keywordNames = Arrays.copyOf(keywordNames, keywordNames.length * 2);
      }
      keywordSpans[2 * keywordCount] = start;
      keywordSpans[2 * keywordCount + 1] = end;
      keywordNames[keywordCount] = keyword;
      keywordCount++;
    }

    /**
     * Windows clipped to the text, edges moved out to a break character (so a token is not cut),
     * sorted and merged; {@link #windowCount} is updated.
     */
    int[] mergedWindows(String s, int n) {
      for (int k = 0; k < windowCount; k++) {
        int ws = Math.max(0, windows[2 * k]);
        int we = Math.min(n, windows[2 * k + 1]);
        int limit = Math.max(0, ws - EDGE_REACH);
        while (ws > limit && !isBreak(s.charAt(ws - 1))) {
          ws--;
        }
        limit = Math.min(n, we + EDGE_REACH);
        while (we < limit && !isBreak(s.charAt(we))) {
          we++;
        }
        windows[2 * k] = ws;
        windows[2 * k + 1] = we;
      }
      if (!sorted || windowCount > 1) {
        long[] packed = new long[windowCount];
        for (int k = 0; k < windowCount; k++) {
          packed[k] = ((long) windows[2 * k] << 32) | windows[2 * k + 1];
        }
        if (!sorted) {
          Arrays.sort(packed);
        }
        int out = 0;
        for (long p : packed) {
          int ws = (int) (p >>> 32);
          int we = (int) p;
          if (out > 0 && ws <= windows[2 * out - 1]) {
            windows[2 * out - 1] = Math.max(windows[2 * out - 1], we);
          } else {
            windows[2 * out] = ws;
            windows[2 * out + 1] = we;
            out++;
          }
        }
        windowCount = out;
      }
      return windows;
    }

    /**
     * A keyword of this identifier in range of the match [ms, me), or null. Managed: within {@code
     * distance} characters before or after. Custom: the keyword precedes and the distance from its
     * end to the end of the match is at most {@code distance}.
     */
    String keywordNear(CompiledIdentifier ci, int ms, int me, int maxLiteralLength) {
      if (keywordCount == 0) {
        return null;
      }
      int d = ci.distance;
      // Keyword hits are in order of their end; skip those ending too early to be in range.
      int lowEnd = ci.keywordMustPrecede ? me - d : ms - d;
      int lo = 0;
      int hi = keywordCount;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (keywordSpans[2 * mid + 1] < lowEnd) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int k = lo; k < keywordCount; k++) {
        int ks = keywordSpans[2 * k];
        int ke = keywordSpans[2 * k + 1];
        if (ci.keywordMustPrecede) {
          if (ke > me) {
            break;
          }
          if (ks <= ms && me - ke <= d) {
            return keywordNames[k];
          }
        } else {
          if (ks > me + d) {
            if (ke > me + d + maxLiteralLength) {
              break;
            }
            continue;
          }
          boolean before = ke <= ms && ms - ke <= d;
          boolean after = ks >= me && ks - me <= d;
          boolean overlaps = ks < me && ke > ms;
          if (before || after || overlaps) {
            return keywordNames[k];
          }
        }
      }
      return null;
    }
  }
}
