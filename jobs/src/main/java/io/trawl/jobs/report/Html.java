package io.trawl.jobs.report;

import java.util.Locale;

/** Escaping and number formatting for the report; every piece of user data goes through here. */
final class Html {
  private Html() {}

  /**
   * Escapes text for HTML and inline SVG content and quoted attributes. Bucket names, keys and
   * framework texts are user data, so nothing is written without this.
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // Control characters other than tab and newline are invalid in HTML text.
          if (c < 0x20 && c != '\t' && c != '\n') {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Shortens a label for a chart axis; the full text goes into the element's tooltip. */
  static String shorten(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  /** 1234567 as "1.2 MB" (decimal units, as the S3 console shows sizes). */
  static String bytes(long n) {
    if (n < 1000) {
      return n + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    double v = n;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }

  /** 1234567 as "1,234,567". */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A coordinate for SVG, without a locale's decimal comma. */
  static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
