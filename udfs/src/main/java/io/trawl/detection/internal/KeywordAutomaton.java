package io.trawl.detection.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Aho-Corasick automaton over lower-cased literals, compiled to a dense DFA table over
 * character classes, so the scan costs one table lookup per character whatever the number of
 * keywords. Case folding is ASCII-fast and uses {@link Character#toLowerCase(char)} beyond ASCII;
 * characters that occur in no literal share one class, which keeps the table small.
 *
 * <p>Immutable and thread-safe once built. Not serialisable: engines rebuild it.
 */
public final class KeywordAutomaton {
  private final char[] classOf;
  private final int classCount;
  private final int[] delta;
  private final int[][] outputs;
  private final int[] lengths;

  private KeywordAutomaton(
      char[] classOf, int classCount, int[] delta, int[][] outputs, int[] lengths) {
    this.classOf = classOf;
    this.classCount = classCount;
    this.delta = delta;
    this.outputs = outputs;
    this.lengths = lengths;
  }

  /** Receives each literal occurrence: literal index and [start, end) offsets in the text. */
  @FunctionalInterface
  public interface HitConsumer {
    void hit(int literal, int start, int end);
  }

  /** ASCII-fast lower-casing used for literals and text alike. */
  public static char fold(char c) {
    if (c < 128) {
      return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    }
    return Character.toLowerCase(c);
  }

  /** Builds the automaton; literal {@code i} is reported as {@code i}. Empty literals are not. */
  public static KeywordAutomaton build(List<String> literals) {
    // Character classes: one per distinct folded character in any literal, 0 for all others.
    char[] classOf = new char[Character.MAX_VALUE + 1];
    Map<Character, Integer> classes = new HashMap<>();
    List<char[]> folded = new ArrayList<>();
    for (String lit : literals) {
      char[] f = new char[lit.length()];
      for (int i = 0; i < f.length; i++) {
        f[i] = fold(lit.charAt(i));
        classes.computeIfAbsent(f[i], k -> classes.size() + 1);
      }
      folded.add(f);
    }
    int classCount = classes.size() + 1;
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      Integer k = classes.get(fold((char) c));
      classOf[c] = k == null ? 0 : (char) k.intValue();
    }

    // Trie.
    List<int[]> gotoRows = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    gotoRows.add(newRow(classCount));
    out.add(new ArrayList<>());
    int[] lengths = new int[literals.size()];
    for (int li = 0; li < folded.size(); li++) {
      char[] f = folded.get(li);
      lengths[li] = f.length;
      if (f.length == 0) {
        continue;
      }
      int s = 0;
      for (char ch : f) {
        int k = classOf[ch];
        int next = gotoRows.get(s)[k];
        if (next < 0) {
          next = gotoRows.size();
          gotoRows.add(newRow(classCount));
          out.add(new ArrayList<>());
          gotoRows.get(s)[k] = next;
        }
        s = next;
      }
      out.get(s).add(li);
    }

    // Failure links by breadth-first search, folded into a complete transition table.
    int n = gotoRows.size();
    int[] fail = new int[n];
    int[] delta = new int[n * classCount];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int k = 0; k < classCount; k++) {
      int t = gotoRows.get(0)[k];
      if (t < 0 || k == 0) {
        delta[k] = 0;
      } else {
        delta[k] = t;
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int k = 0; k < classCount; k++) {
        int t = gotoRows.get(s)[k];
        if (t >= 0 && k != 0) {
          fail[t] = delta[fail[s] * classCount + k];
          delta[s * classCount + k] = t;
          queue.add(t);
        } else {
          delta[s * classCount + k] = delta[fail[s] * classCount + k];
        }
      }
    }
    int[][] outputs = new int[n][];
    for (int s = 0; s < n; s++) {
      List<Integer> o = out.get(s);
      outputs[s] = o.isEmpty() ? null : o.stream().mapToInt(Integer::intValue).distinct().toArray();
    }
    // Hot-loop encoding: a transition holds the target's row offset (state x classCount), and is
    // negative (~offset) when the target reports literals, so the loop needs no multiply and no
    // second lookup on the common path.
    int[] encoded = new int[delta.length];
    for (int i = 0; i < delta.length; i++) {
      int t = delta[i];
      encoded[i] = outputs[t] == null ? t * classCount : ~(t * classCount);
    }
    return new KeywordAutomaton(classOf, classCount, encoded, outputs, lengths);
  }

  private static int[] newRow(int classCount) {
    int[] row = new int[classCount];
    Arrays.fill(row, -1);
    return row;
  }

  /** Number of states (for tests and sizing). */
  public int stateCount() {
    return outputs.length;
  }

  /** Reports every occurrence of every literal in {@code text[from, to)}, in order of end. */
  public void scan(CharSequence text, int from, int to, HitConsumer consumer) {
    final char[] cls = classOf;
    final int[] d = delta;
    int s = 0;
    for (int i = from; i < to; i++) {
      int v = d[s + cls[text.charAt(i)]];
      if (v >= 0) {
        s = v;
      } else {
        s = ~v;
        report(s, i, consumer);
      }
    }
  }

  /** Like {@link #scan(CharSequence, int, int, HitConsumer)} over an array: the hot path. */
  public void scan(char[] text, int from, int to, HitConsumer consumer) {
    final char[] cls = classOf;
    final int[] d = delta;
    int s = 0;
    for (int i = from; i < to; i++) {
      int v = d[s + cls[text[i]]];
      if (v >= 0) {
        s = v;
      } else {
        s = ~v;
        report(s, i, consumer);
      }
    }
  }

  private void report(int rowOffset, int i, HitConsumer consumer) {
    for (int lit : outputs[rowOffset / classCount]) {
      consumer.hit(lit, i + 1 - lengths[lit], i + 1);
    }
  }
}
