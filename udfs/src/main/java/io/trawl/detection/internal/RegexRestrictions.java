package io.trawl.detection.internal;

/**
 * The regex constructs Macie rejects in custom data identifiers (macie.md 8): backreferences,
 * look-around, capturing groups, global flags written as {@code /.../i}, and large bounded repeats.
 * RE2J rejects some of them itself, but with messages that do not say how to fix the pattern, so
 * they are checked here first.
 */
public final class RegexRestrictions {
  /** Largest upper bound allowed in a bounded repeat {@code {n,m}} or {@code {n}}. */
  public static final int MAX_BOUNDED_REPEAT = 100;

  private RegexRestrictions() {}

  /** What is wrong with {@code regex} and how to fix it, or null if Macie would accept it. */
  public static String problem(String regex) {
    if (regex.length() > 2 && regex.charAt(0) == '/') {
      int last = regex.lastIndexOf('/');
      if (last > 0 && last < regex.length() - 1 && regex.substring(last + 1).matches("[a-zA-Z]+")) {
        return "global flags such as /"
            + regex.substring(last + 1)
            + " are not supported; remove the slashes and use an inline flag such as (?i)";
      }
    }
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 < regex.length()) {
          char n = regex.charAt(i + 1);
          if (!inClass && n >= '1' && n <= '9') {
            return "backreferences such as \\"
                + n
                + " are not supported; repeat the subpattern instead";
          }
          if (!inClass && (n == 'k' || n == 'g')) {
            return "named backreferences (\\" + n + ") are not supported; repeat the subpattern";
          }
        }
        i++;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
        // A ']' right after '[' or '[^' is a literal.
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++;
        }
        continue;
      }
      if (c == '(') {
        String rest = regex.substring(i + 1);
        if (rest.startsWith("?=") || rest.startsWith("?!")) {
          return "look-ahead ("
              + rest.substring(0, 2)
              + "...) is not supported; match the text itself or use keywords and ignore words";
        }
        if (rest.startsWith("?<=") || rest.startsWith("?<!")) {
          return "look-behind ("
              + rest.substring(0, 3)
              + "...) is not supported; use keywords with maximumMatchDistance instead";
        }
        if (rest.startsWith("?P<") || (rest.startsWith("?<") && rest.length() > 2)) {
          return "named capturing groups are not supported; use a non-capturing group (?:...)";
        }
        if (!rest.startsWith("?")) {
          return "capturing groups (...) are not supported; use a non-capturing group (?:...)";
        }
        continue;
      }
      if (c == '{') {
        int close = regex.indexOf('}', i);
        if (close > i) {
          String body = regex.substring(i + 1, close);
          if (body.matches("\\d+(,\\d*)?")) {
            String[] parts = body.split(",", -1);
            String upper = parts.length == 2 ? parts[1] : parts[0];
            if (!upper.isEmpty() && Long.parseLong(upper) > MAX_BOUNDED_REPEAT) {
              return "the bounded repeat {"
                  + body
                  + "} is too large (upper bound over "
                  + MAX_BOUNDED_REPEAT
                  + "); use an open repeat such as {"
                  + parts[0]
                  + ",}";
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * True if the regex uses {@code ^} or {@code $} outside a character class: Macie reads them as
   * start and end of the file, so such a pattern must see the whole text, not a window.
   */
  public static boolean usesTextAnchors(String regex) {
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == '^' || c == '$') {
        return true;
      }
    }
    return false;
  }
}
