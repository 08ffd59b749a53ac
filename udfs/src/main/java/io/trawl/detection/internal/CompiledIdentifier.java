package io.trawl.detection.internal;

import com.google.re2j.Pattern;
import io.trawl.detection.Category;
import io.trawl.detection.CustomDataIdentifier;
import io.trawl.detection.IdentifierType;
import io.trawl.detection.ManagedDataIdentifier;
import io.trawl.detection.MatchFinder;
import io.trawl.detection.Severity;
import io.trawl.detection.Trigger;
import io.trawl.detection.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One identifier, managed or custom, compiled for the scan: its RE2J pattern (or finder), where to
 * look (keyword, anchor, shape or whole-text windows) and what a match must pass. Immutable.
 */
final class CompiledIdentifier {
  /** How far a regex window reaches around a hit when nothing better is known. */
  static final int CUSTOM_MAX_LENGTH = 100;

  final int index;
  final String type;
  final IdentifierType identifierType;
  final Category category;
  final Pattern pattern;

  /**
   * The same managed regex compiled by {@link java.util.regex} (several times faster than RE2J on
   * short windows), or null when it does not compile there. Used only for managed identifiers,
   * under a step budget with RE2J as the fallback; custom (user) regexes always run on RE2J.
   */
  final java.util.regex.Pattern fastPattern;

  final MatchFinder finder;
  final int valueGroup;
  final int maxLength;
  final List<String> keywords;
  final boolean keywordRequired;
  final boolean keywordMustPrecede;
  final int distance;
  final Trigger trigger;
  final int triggerMinDigits;

  /** Least length of the longest separator-free digit group of a triggering run. */
  final int triggerMinGroupDigits;

  /**
   * For IBAN-triggered regexes that start with a literal country code, and for DIGITS-triggered
   * regexes with an IBAN alternative ({@code \bFR[0-9]{2}...}): that code, else null.
   */
  final String ibanCountry;

  final boolean wholeText;

  /** True if keyword hits open regex windows (keyword required, or keywords are all it has). */
  final boolean keywordWindows;

  final Validator validator;
  final String validatorName;
  final Set<String> exclusions;
  final int countLimit;
  final List<String> ignoreWords;
  private final ManagedDataIdentifier managed;
  private final CustomDataIdentifier custom;

  private CompiledIdentifier(
      int index,
      ManagedDataIdentifier managed,
      CustomDataIdentifier custom,
      Pattern pattern,
      MatchFinder finder,
      Validator validator) {
    this.index = index;
    this.managed = managed;
    this.custom = custom;
    this.pattern = pattern;
    this.fastPattern = managed != null && pattern != null ? fastPattern(managed.regex()) : null;
    this.finder = finder;
    this.validator = validator;
    if (managed != null) {
      type = managed.id();
      identifierType = IdentifierType.MANAGED;
      category = managed.category();
      valueGroup = managed.valueGroup();
      maxLength = managed.maxLength();
      keywords = managed.keywords();
      keywordRequired = managed.keywordRequired();
      keywordMustPrecede = false;
      distance = managed.maximumMatchDistance();
      trigger = managed.trigger();
      triggerMinDigits = managed.triggerMinDigits();
      triggerMinGroupDigits = managed.triggerMinGroupDigits();
      ibanCountry =
          switch (managed.trigger()) {
            case IBAN -> countryPrefix(managed.regex());
            case DIGITS -> ibanAlternative(managed.regex());
            default -> null;
          };
      wholeText = managed.trigger() == Trigger.FULL;
      validatorName = managed.validator();
      keywordWindows =
          managed.keywordRequired()
              || (managed.anchors().isEmpty()
                  && managed.trigger() == Trigger.NONE
                  && managed.finder() == null);
      Set<String> ex = new HashSet<>();
      for (String e : managed.exclusions()) {
        ex.add(exclusionKey(e));
      }
      exclusions = Set.copyOf(ex);
      countLimit = managed.countLimit();
      ignoreWords = List.of();
    } else {
      type = custom.name();
      identifierType = IdentifierType.CUSTOM;
      category = Category.CUSTOM_IDENTIFIER;
      valueGroup = 0;
      maxLength = CUSTOM_MAX_LENGTH;
      keywords = custom.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
      keywordRequired = !keywords.isEmpty();
      keywordMustPrecede = true;
      distance = custom.maximumMatchDistance();
      trigger = Trigger.NONE;
      triggerMinDigits = 0;
      triggerMinGroupDigits = 1;
      ibanCountry = null;
      // Without keywords there is no literal to prefilter on; with ^ or $ the pattern means the
      // start or end of the file. Either way RE2J scans the whole text, still in linear time.
      wholeText = keywords.isEmpty() || RegexRestrictions.usesTextAnchors(custom.regex());
      validatorName = null;
      keywordWindows = keywordRequired && !wholeText;
      exclusions = Set.of();
      countLimit = 0;
      ignoreWords = custom.ignoreWords();
    }
  }

  static CompiledIdentifier managed(
      int index, ManagedDataIdentifier d, MatchFinder finder, Validator validator) {
    Pattern p = d.regex() == null ? null : Pattern.compile(d.regex());
    return new CompiledIdentifier(index, d, null, p, finder, validator);
  }

  static CompiledIdentifier custom(int index, CustomDataIdentifier c) {
    return new CompiledIdentifier(index, null, c, Pattern.compile(c.regex()), null, null);
  }

  private static final java.util.regex.Pattern COUNTRY_PREFIX =
      java.util.regex.Pattern.compile(
          "^(?:\\(\\?i\\))?(?:\\\\b)?([A-Z]{2})(?:\\\\d|\\[0-9]).*",
          java.util.regex.Pattern.DOTALL);

  /** "DE" for {@code \bDE\d{2}...}; null when the regex does not start with a literal code. */
  static String countryPrefix(String regex) {
    if (regex == null || regex.startsWith("(?i)")) {
      return null;
    }
    java.util.regex.Matcher m = COUNTRY_PREFIX.matcher(regex);
    return m.matches() ? m.group(1) : null;
  }

  private static final java.util.regex.Pattern IBAN_ALTERNATIVE =
      java.util.regex.Pattern.compile("\\\\b(?:\\(\\?:)?([A-Z]{2})\\[0-9\\]\\{2\\}");

  /**
   * "FR" for a regex with an IBAN alternative {@code \b(?:FR[0-9]{2}...|...)} or {@code
   * ...|\bDE[0-9]{2}...}: such a match starts with an IBAN shape, so the IBAN shape pass can find
   * it even when its digit groups are too short for the identifier's DIGITS trigger.
   */
  static String ibanAlternative(String regex) {
    if (regex == null) {
      return null;
    }
    java.util.regex.Matcher m = IBAN_ALTERNATIVE.matcher(regex);
    return m.find() ? m.group(1) : null;
  }

  /**
   * RE2 and java.util.regex agree on the syntax the catalog uses; UNIX_LINES makes '.', '^' and '$'
   * treat only '\n' as a line end, as RE2 does. Patterns the JDK reads differently or rejects (e.g.
   * POSIX classes) stay on RE2J.
   */
  static java.util.regex.Pattern fastPattern(String regex) {
    if (regex.contains("[[:") || regex.contains("\\C") || regex.contains("(?P<")) {
      return null;
    }
    try {
      return java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.UNIX_LINES);
    } catch (java.util.regex.PatternSyntaxException e) {
      return null;
    }
  }

  /** Exclusions compare case-insensitively after removing spaces, '-', '.' and '/'. */
  static String exclusionKey(CharSequence value) {
    return ValueMasker.normalise(value).toUpperCase(Locale.ROOT);
  }

  Severity severityFor(long count) {
    return managed != null ? managed.severityFor(count) : custom.severityFor(count);
  }

  /** Reach of a keyword window before the keyword's start. */
  int keywordWindowBefore() {
    return keywordMustPrecede ? 0 : distance + maxLength;
  }

  /** Reach of a keyword window after the keyword's end. */
  int keywordWindowAfter() {
    return keywordMustPrecede ? distance : distance + maxLength;
  }
}
