package io.trawl.detection.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tiny value-shape language for the corpus generator: {@code D} digit, {@code N} digit 1-9,
 * {@code L} upper-case letter, {@code A} upper-case letter or digit, {@code H} lower-case hex,
 * {@code b} letter or digit, {@code B} base64url character, {@code 6} base64 character, {@code
 * [..]} a set with ranges, {@code {n}} repeats the previous element, a backslash quotes the next
 * character, anything else is literal.
 */
final class ValueTemplate {
  private static final String DIGITS = "0123456789";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

  private final List<String> elements = new ArrayList<>();

  private ValueTemplate(String spec) {
    int i = 0;
    while (i < spec.length()) {
      char c = spec.charAt(i);
      String el;
      if (c == '\'') {
        int end = spec.indexOf('\'', i + 1);
        for (int k = i + 1; k < end; k++) {
          elements.add(String.valueOf(spec.charAt(k)));
        }
        i = end + 1;
        continue;
      } else if (c == '\\') {
        el = String.valueOf(spec.charAt(i + 1));
        i += 2;
      } else if (c == '[') {
        int end = spec.indexOf(']', i);
        el = expand(spec.substring(i + 1, end));
        i = end + 1;
      } else if (c == '{') {
        int end = spec.indexOf('}', i);
        int n = Integer.parseInt(spec.substring(i + 1, end));
        String last = elements.get(elements.size() - 1);
        for (int k = 1; k < n; k++) {
          elements.add(last);
        }
        i = end + 1;
        continue;
      } else {
        el =
            switch (c) {
              case 'D' -> DIGITS;
              case 'N' -> "123456789";
              case 'L' -> UPPER;
              case 'A' -> UPPER + DIGITS;
              case 'H' -> "0123456789abcdef";
              case 'b' -> UPPER + LOWER + DIGITS;
              case 'B' -> UPPER + LOWER + DIGITS + "_-";
              case '6' -> UPPER + LOWER + DIGITS + "+/";
              default -> String.valueOf(c);
            };
        i++;
      }
      elements.add(el);
    }
  }

  static ValueTemplate of(String spec) {
    return new ValueTemplate(spec);
  }

  private static String expand(String set) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < set.length(); i++) {
      if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
        for (char c = set.charAt(i); c <= set.charAt(i + 2); c++) {
          b.append(c);
        }
        i += 2;
      } else {
        b.append(set.charAt(i));
      }
    }
    return b.toString();
  }

  String sample(Random rnd) {
    StringBuilder b = new StringBuilder(elements.size());
    for (String el : elements) {
      b.append(el.charAt(rnd.nextInt(el.length())));
    }
    return b.toString();
  }
}
