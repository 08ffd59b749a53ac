package io.trawl.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * The path to the current value of a JSON document or record, with Macie's JSONPath rules: an
 * element name longer than 240 characters keeps its last 240; a path longer than 250 characters
 * loses whole elements from its start (then characters, if one element alone is too long), keeping
 * the leading {@code $}.
 */
final class JsonPaths {
  static final int MAX_NAME_CHARS = 240;
  static final int MAX_PATH_CHARS = 250;

  private final List<String> names = new ArrayList<>();
  // For each level: the element name (objects) or null (arrays), and the array index.
  private String[] keys = new String[16];
  private long[] indices = new long[16];
  private boolean[] arrays = new boolean[16];
  private int depth;
  private List<String> namesCache;

  int depth() {
    return depth;
  }

  void pushObject() {
    push(false);
  }

  void pushArray() {
    push(true);
  }

  private void push(boolean array) {
    if (depth == keys.length) {
      keys = java.util.Arrays.copyOf(keys, depth * 2);
      indices = java.util.Arrays.copyOf(indices, depth * 2);
      arrays = java.util.Arrays.copyOf(arrays, depth * 2);
    }
    keys[depth] = null;
    indices[depth] = -1;
    arrays[depth] = array;
    depth++;
    namesCache = null;
  }

  void pop() {
    depth--;
    namesCache = null;
  }

  /** The current object's field name. */
  void field(String name) {
    keys[depth - 1] = name;
    namesCache = null;
  }

  /** A value starts: in an array it takes the next index. */
  void valueStarts() {
    if (depth > 0 && arrays[depth - 1]) {
      indices[depth - 1]++;
    }
  }

  /** Names of the fields on the path to the current value (no indices). */
  List<String> names() {
    if (namesCache == null) {
      names.clear();
      for (int i = 0; i < depth; i++) {
        if (!arrays[i] && keys[i] != null) {
          names.add(keys[i]);
        }
      }
      namesCache = List.copyOf(names); // immutable, so it can be shared by every value here
    }
    return namesCache;
  }

  /** Names of the fields enclosing the current field name (for a detection in the name itself). */
  List<String> parentNames() {
    names.clear();
    for (int i = 0; i < depth - 1; i++) {
      if (!arrays[i] && keys[i] != null) {
        names.add(keys[i]);
      }
    }
    return List.copyOf(names);
  }

  /** The JSONPath of the current value. */
  String path() {
    StringBuilder fast = new StringBuilder(64).append('$');
    for (int i = 0; i < depth && fast.length() <= MAX_PATH_CHARS; i++) {
      if (arrays[i]) {
        fast.append('[').append(indices[i]).append(']');
      } else if (keys[i] != null) {
        if (keys[i].length() > MAX_NAME_CHARS) {
          fast.setLength(MAX_PATH_CHARS + 1); // needs Macie's truncation below
          break;
        }
        fast.append('.').append(keys[i]);
      }
    }
    if (fast.length() <= MAX_PATH_CHARS) {
      return fast.toString();
    }
    List<String> segments = new ArrayList<>(depth);
    int total = 1;
    for (int i = 0; i < depth; i++) {
      String segment;
      if (arrays[i]) {
        segment = "[" + indices[i] + "]";
      } else if (keys[i] != null) {
        segment = "." + truncateName(keys[i]);
      } else {
        continue;
      }
      segments.add(segment);
      total += segment.length();
    }
    return build(segments, total);
  }

  /** Macie's path from segments like {@code .a} and {@code [2]}; shared with Avro and Parquet. */
  static String build(List<String> segments, int total) {
    int first = 0;
    while (total > MAX_PATH_CHARS && segments.size() - first > 1) {
      total -= segments.get(first).length();
      first++;
    }
    StringBuilder sb = new StringBuilder(Math.min(total, MAX_PATH_CHARS) + 1).append('$');
    for (int i = first; i < segments.size(); i++) {
      sb.append(segments.get(i));
    }
    if (sb.length() > MAX_PATH_CHARS) {
      return "$" + sb.substring(sb.length() - (MAX_PATH_CHARS - 1));
    }
    return sb.toString();
  }

  static String truncateName(String name) {
    return name.length() > MAX_NAME_CHARS ? name.substring(name.length() - MAX_NAME_CHARS) : name;
  }
}
