package io.trawl.detection.finders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Word lists shipped as resources: one entry a line, {@code #} comments, case-insensitive. */
final class Dictionary {
  private Dictionary() {}

  static Set<String> load(String resource) {
    Set<String> words = new HashSet<>();
    for (String line : lines(resource)) {
      words.add(fold(line));
    }
    return Set.copyOf(words);
  }

  static java.util.List<String> lines(String resource) {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (InputStream in = Dictionary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.trim();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return out;
  }

  /** Lower case without diacritics, so José matches jose and Müller matches muller. */
  static String fold(CharSequence s) {
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 128;
    }
    if (ascii) {
      return s.toString().toLowerCase(Locale.ROOT); // the common case, without normalising
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT).replace("ß", "ss");
  }
}
