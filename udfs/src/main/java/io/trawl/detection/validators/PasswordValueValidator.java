package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * A password written in configuration: rejects placeholders and references that are not secrets
 * (${VAR}, {{var}}, <password>, %(x)s, ****, null, none, changeit-style template words), values of
 * one repeated character, and values with no letter or digit.
 */
public final class PasswordValueValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "PASSWORD_VALUE";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = match.toString();
    if (s.length() < 4) {
      return false;
    }
    char first = s.charAt(0);
    if (first == '$' || first == '{' || first == '<' || first == '%' || first == '[') {
      return false;
    }
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    if (PLACEHOLDERS.contains(lower) || lower.startsWith("xxx") || lower.contains("redacted")) {
      return false;
    }
    boolean same = true;
    boolean alnum = false;
    for (int i = 0; i < s.length(); i++) {
      same &= s.charAt(i) == first;
      alnum |= Character.isLetterOrDigit(s.charAt(i));
    }
    return !same && alnum;
  }

  private static final java.util.Set<String> PLACEHOLDERS =
      java.util.Set.of(
          "null",
          "none",
          "nil",
          "true",
          "false",
          "undefined",
          "empty",
          "password",
          "passwd",
          "your_password",
          "yourpassword",
          "your-password",
          "mypassword",
          "secret",
          "required",
          "optional",
          "string",
          "example",
          "placeholder",
          "hidden",
          "masked",
          "notset",
          "not_set",
          "changeme",
          "change_me",
          "todo",
          "tbd",
          "env",
          "value");
}
