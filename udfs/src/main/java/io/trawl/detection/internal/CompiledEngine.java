package io.trawl.detection.internal;

import com.google.re2j.Pattern;
import io.trawl.detection.AllowList;
import io.trawl.detection.CustomDataIdentifier;
import io.trawl.detection.ManagedDataIdentifier;
import io.trawl.detection.ManagedDataIdentifiers;
import io.trawl.detection.ObjectScan;
import io.trawl.detection.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The compiled form of an engine: all identifiers, one keyword-and-anchor automaton over all of
 * them, the shape-trigger tables and the compiled allow lists. Immutable and shared by all scans of
 * an executor; never serialised (the public {@code DetectionEngine} rebuilds it).
 */
public final class CompiledEngine {
  static final byte ROLE_KEYWORD = 1;
  static final byte ROLE_ANCHOR = 2;

  /** Longest text kept from a block for the next one, so keywords near a boundary still count. */
  static final int MAX_CARRY = 8192;

  final CompiledIdentifier[] identifiers;
  final KeywordAutomaton automaton;

  /**
   * Per automaton literal: the identifiers it serves, its role for each, the keyword it stands for.
   */
  final int[][] literalIdentifiers;

  final byte[][] literalRoles;
  final String[][] literalKeywords;
  final boolean[] literalStartsWithLetter;
  final boolean[] literalEndsWithLetter;

  final int[] digitIdentifiers;
  final int[] ibanIdentifiers;
  final int[] wholeTextIdentifiers;
  final int[] finderIdentifiers;
  final Set<String> allowedWords;
  final Pattern[] allowedPatterns;
  final int carry;
  final int maxLiteralLength;

  private CompiledEngine(Builder b) {
    identifiers = b.identifiers.toArray(new CompiledIdentifier[0]);
    List<String> literals = new ArrayList<>(b.literals.keySet());
    automaton = literals.isEmpty() ? null : KeywordAutomaton.build(literals);
    int n = literals.size();
    literalIdentifiers = new int[n][];
    literalRoles = new byte[n][];
    literalKeywords = new String[n][];
    literalStartsWithLetter = new boolean[n];
    literalEndsWithLetter = new boolean[n];
    int maxLit = 0;
    for (int i = 0; i < n; i++) {
      String lit = literals.get(i);
      List<Object[]> uses = b.literals.get(lit);
      literalIdentifiers[i] = new int[uses.size()];
      literalRoles[i] = new byte[uses.size()];
      literalKeywords[i] = new String[uses.size()];
      for (int u = 0; u < uses.size(); u++) {
        literalIdentifiers[i][u] = (Integer) uses.get(u)[0];
        literalRoles[i][u] = (Byte) uses.get(u)[1];
        literalKeywords[i][u] = (String) uses.get(u)[2];
      }
      literalStartsWithLetter[i] = Character.isLetter(lit.charAt(0));
      literalEndsWithLetter[i] = Character.isLetter(lit.charAt(lit.length() - 1));
      maxLit = Math.max(maxLit, lit.length());
    }
    maxLiteralLength = maxLit;
    digitIdentifiers = indices(Trigger.DIGITS, Trigger.IP);
    ibanIdentifiers = ibanIndices();
    wholeTextIdentifiers = indices(null, true);
    List<Integer> finders = new ArrayList<>();
    int reach = 0;
    for (CompiledIdentifier id : identifiers) {
      if (id.finder != null) {
        finders.add(id.index);
      }
      reach = Math.max(reach, id.distance + id.maxLength);
    }
    finderIdentifiers = finders.stream().mapToInt(Integer::intValue).toArray();
    carry = Math.min(MAX_CARRY, reach + maxLit + 64);
    allowedWords = Set.copyOf(b.allowedWords);
    allowedPatterns = b.allowedPatterns.toArray(new Pattern[0]);
  }

  private int[] indices(Trigger one, Trigger other) {
    List<Integer> out = new ArrayList<>();
    for (CompiledIdentifier id : identifiers) {
      if (id.pattern != null && !id.wholeText && (id.trigger == one || id.trigger == other)) {
        out.add(id.index);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** IBAN-triggered identifiers, and DIGITS-triggered ones with an IBAN alternative. */
  private int[] ibanIndices() {
    List<Integer> out = new ArrayList<>();
    for (CompiledIdentifier id : identifiers) {
      if (id.pattern != null
          && !id.wholeText
          && (id.trigger == Trigger.IBAN
              || (id.trigger == Trigger.DIGITS && id.ibanCountry != null))) {
        out.add(id.index);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private int[] indices(Trigger trigger, boolean wholeText) {
    List<Integer> out = new ArrayList<>();
    for (CompiledIdentifier id : identifiers) {
      if (id.pattern == null) {
        continue;
      }
      if (wholeText ? id.wholeText : (!id.wholeText && id.trigger == trigger)) {
        out.add(id.index);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Compiles managed identifiers (resolved against their catalog), custom ones and allow lists. */
  public static CompiledEngine compile(
      List<ManagedDataIdentifier> managed,
      ManagedDataIdentifiers catalog,
      List<CustomDataIdentifier> custom,
      List<AllowList> allowLists) {
    Builder b = new Builder();
    for (ManagedDataIdentifier d : managed) {
      CompiledIdentifier id =
          CompiledIdentifier.managed(
              b.identifiers.size(), d, catalog.finderOf(d), catalog.validatorOf(d));
      b.identifiers.add(id);
      for (String k : d.keywords()) {
        for (String v : keywordVariants(k)) {
          b.literal(v, id.index, ROLE_KEYWORD, k);
        }
      }
      for (String a : d.anchors()) {
        b.literal(a, id.index, ROLE_ANCHOR, null);
      }
    }
    for (CustomDataIdentifier c : custom) {
      CompiledIdentifier id = CompiledIdentifier.custom(b.identifiers.size(), c);
      b.identifiers.add(id);
      for (String k : id.keywords) {
        b.literal(k, id.index, ROLE_KEYWORD, k);
      }
    }
    for (AllowList l : allowLists) {
      if (l.regex() != null) {
        b.allowedPatterns.add(Pattern.compile(l.regex()));
      } else {
        l.words().forEach(w -> b.allowedWords.add(w.toLowerCase(Locale.ROOT)));
      }
    }
    return new CompiledEngine(b);
  }

  /**
   * A keyword with spaces also matches its no-space, '_' and '-' forms (macie.md 1.1); the forms
   * are plain literals in the automaton, so they cost nothing at scan time.
   */
  static List<String> keywordVariants(String keyword) {
    Set<String> out = new java.util.LinkedHashSet<>();
    out.add(keyword);
    if (keyword.indexOf(' ') >= 0) {
      out.add(keyword.replace(" ", ""));
      out.add(keyword.replace(' ', '_'));
      out.add(keyword.replace(' ', '-'));
    }
    return new ArrayList<>(out);
  }

  /** A fresh scan over this engine. */
  public ObjectScan newScan(String hashKey, SpanListener listener) {
    return new DefaultObjectScan(this, new ValueMasker(hashKey), listener);
  }

  /** Counted matches of identifier {@code index} in a scan made by this engine. */
  public long countOf(ObjectScan scan, int index) {
    return ((DefaultObjectScan) scan).count(index);
  }

  public int identifierCount() {
    return identifiers.length;
  }

  /** True if {@code value} is suppressed by one of the allow lists. */
  boolean allowed(String value) {
    if (!allowedWords.isEmpty() && allowedWords.contains(value.toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (Pattern p : allowedPatterns) {
      if (p.matches(value)) {
        return true;
      }
    }
    return false;
  }

  /** Receives the span of every counted value, in piece offsets (used for masking text). */
  @FunctionalInterface
  public interface SpanListener {
    void accept(int start, int end);
  }

  private static final class Builder {
    final List<CompiledIdentifier> identifiers = new ArrayList<>();
    final Map<String, List<Object[]>> literals = new LinkedHashMap<>();
    final Set<String> allowedWords = new HashSet<>();
    final List<Pattern> allowedPatterns = new ArrayList<>();
    final Map<String, Set<String>> seen = new HashMap<>();

    void literal(String lit, int identifier, byte role, String keyword) {
      String folded = fold(lit);
      if (folded.isEmpty()) {
        return;
      }
      // The same literal for the same identifier and role is registered once.
      if (!seen.computeIfAbsent(folded, k -> new HashSet<>()).add(identifier + ":" + role)) {
        return;
      }
      literals
          .computeIfAbsent(folded, k -> new ArrayList<>())
          .add(new Object[] {identifier, role, keyword});
    }

    private static String fold(String s) {
      StringBuilder sb = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        sb.append(KeywordAutomaton.fold(s.charAt(i)));
      }
      return sb.toString();
    }
  }
}
