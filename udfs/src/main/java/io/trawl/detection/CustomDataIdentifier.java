package io.trawl.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.trawl.TrawlErrors;
import io.trawl.detection.internal.RegexRestrictions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A custom data identifier in Macie's {@code CreateCustomDataIdentifier} shape. Its regex runs on
 * RE2J (linear time, so a user's pattern cannot hang a job); a keyword, if any are given, must
 * precede the match within {@code maximumMatchDistance} characters (measured from the end of the
 * keyword to the end of the match); a match containing an ignore word (case-sensitive) is dropped.
 *
 * @param id the ID jobs refer to ({@code customDataIdentifierIds}); defaults to the name
 * @param name the name; detections of this identifier carry it as their type
 * @param description free text
 * @param regex the pattern (Macie's PCRE subset, run by RE2J)
 * @param keywords keywords, case-insensitive
 * @param ignoreWords words that drop a match containing them, case-sensitive
 * @param maximumMatchDistance 1-300, default 50
 * @param severityLevels up to 3 levels; empty means MEDIUM for any count
 */
public record CustomDataIdentifier(
    String id,
    String name,
    String description,
    String regex,
    List<String> keywords,
    List<String> ignoreWords,
    int maximumMatchDistance,
    List<SeverityLevel> severityLevels)
    implements Serializable {

  /** Macie's default {@code maximumMatchDistance} for custom identifiers. */
  public static final int DEFAULT_MAXIMUM_MATCH_DISTANCE = 50;

  static final int MAX_NAME = 128;
  static final int MAX_DESCRIPTION = 512;
  static final int MAX_REGEX = 512;
  static final int MAX_KEYWORDS = 50;
  static final int MAX_IGNORE_WORDS = 10;

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "arn",
          "name",
          "description",
          "regex",
          "keywords",
          "ignoreWords",
          "maximumMatchDistance",
          "severityLevels",
          "tags",
          "clientToken",
          "createdAt",
          "deleted");

  public CustomDataIdentifier {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    ignoreWords = ignoreWords == null ? List.of() : List.copyOf(ignoreWords);
    severityLevels = severityLevels == null ? List.of() : List.copyOf(severityLevels);
  }

  /**
   * Parses Macie JSON: one {@code CreateCustomDataIdentifier} request or {@code
   * GetCustomDataIdentifier} response object, or an array of them. {@code id} defaults to {@code
   * name}. Validates Macie's limits and regex restrictions; errors come from TrawlErrors.
   */
  public static List<CustomDataIdentifier> fromJson(String source, String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw TrawlErrors.invalidJson(source, "not valid JSON: " + e.getOriginalMessage(), null);
    }
    List<CustomDataIdentifier> out = new ArrayList<>();
    if (root != null && root.isArray()) {
      for (JsonNode n : root) {
        out.add(parse(source, n));
      }
    } else if (root != null && root.isObject()) {
      out.add(parse(source, root));
    } else {
      throw TrawlErrors.invalidJson(
          source, "expected a custom data identifier object or an array of them", null);
    }
    return out;
  }

  private static CustomDataIdentifier parse(String source, JsonNode n) {
    if (!n.isObject()) {
      throw TrawlErrors.invalidJson(source, "each custom data identifier must be an object", null);
    }
    String name = text(source, n, "name", null);
    if (name == null || name.isBlank()) {
      throw TrawlErrors.invalidJson(source, "a custom data identifier has no 'name'", null);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw TrawlErrors.invalidDataIdentifier(
            name, "unknown field '%s'; Macie's fields are %s", f, new java.util.TreeSet<>(FIELDS));
      }
    }
    String id = text(source, n, "id", name);
    String description = text(source, n, "description", "");
    String regex = text(source, n, "regex", null);
    List<String> keywords = strings(source, n, "keywords", name);
    List<String> ignoreWords = strings(source, n, "ignoreWords", name);
    int distance = DEFAULT_MAXIMUM_MATCH_DISTANCE;
    JsonNode d = n.get("maximumMatchDistance");
    if (d != null && !d.isNull()) {
      if (!d.canConvertToInt() || !d.isIntegralNumber()) {
        throw TrawlErrors.invalidDataIdentifier(
            name, "maximumMatchDistance must be a whole number from 1 to 300");
      }
      distance = d.intValue();
    }
    List<SeverityLevel> levels = new ArrayList<>();
    JsonNode sl = n.get("severityLevels");
    if (sl != null && !sl.isNull()) {
      if (!sl.isArray()) {
        throw TrawlErrors.invalidDataIdentifier(name, "severityLevels must be an array");
      }
      for (JsonNode l : sl) {
        JsonNode t = l.get("occurrencesThreshold");
        JsonNode s = l.get("severity");
        if (t == null || !t.isIntegralNumber() || s == null || !s.isTextual()) {
          throw TrawlErrors.invalidDataIdentifier(
              name,
              "each severity level needs occurrencesThreshold (a number) and severity (LOW,"
                  + " MEDIUM or HIGH)");
        }
        Severity sev;
        try {
          sev = Severity.valueOf(s.asText());
        } catch (IllegalArgumentException e) {
          throw TrawlErrors.invalidDataIdentifier(
              name, "unknown severity '%s'; use LOW, MEDIUM or HIGH", s.asText());
        }
        levels.add(new SeverityLevel(t.longValue(), sev));
      }
    }
    CustomDataIdentifier c =
        new CustomDataIdentifier(
            id, name, description, regex, keywords, ignoreWords, distance, levels);
    c.validate();
    return c;
  }

  private static String text(String source, JsonNode n, String field, String fallback) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw TrawlErrors.invalidJson(source, "'" + field + "' must be a string", null);
    }
    return v.asText();
  }

  private static List<String> strings(String source, JsonNode n, String field, String name) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw TrawlErrors.invalidDataIdentifier(name, "%s must be an array of strings", field);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw TrawlErrors.invalidDataIdentifier(name, "%s must be an array of strings", field);
      }
      out.add(e.asText());
    }
    return out;
  }

  /**
   * Checks Macie's limits and regex restrictions; throws a {@code TrawlException} naming the
   * problem and the fix. Called by {@link #fromJson}; call it on identifiers built in code.
   */
  public void validate() {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw TrawlErrors.invalidDataIdentifier(
          name, "name must be 1-%d characters; shorten it", MAX_NAME);
    }
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw TrawlErrors.invalidDataIdentifier(
          name, "description is longer than %d characters; shorten it", MAX_DESCRIPTION);
    }
    if (regex == null || regex.isEmpty()) {
      throw TrawlErrors.invalidDataIdentifier(name, "regex is required");
    }
    if (regex.length() > MAX_REGEX) {
      throw TrawlErrors.invalidDataIdentifier(
          name,
          "regex is %d characters, more than Macie's %d; simplify it",
          regex.length(),
          MAX_REGEX);
    }
    String problem = RegexRestrictions.problem(regex);
    if (problem != null) {
      throw TrawlErrors.invalidDataIdentifier(name, "regex: %s", problem);
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw TrawlErrors.invalidDataIdentifier(
          name, "regex does not compile: %s; fix the pattern", e.getDescription());
    }
    if (keywords.size() > MAX_KEYWORDS) {
      throw TrawlErrors.invalidDataIdentifier(
          name, "%d keywords, more than Macie's %d; remove some", keywords.size(), MAX_KEYWORDS);
    }
    for (String k : keywords) {
      int len = k.codePointCount(0, k.length());
      if (len < 3 || len > 90) {
        throw TrawlErrors.invalidDataIdentifier(
            name, "keyword '%s' must be 3-90 characters but has %d", k, len);
      }
    }
    if (ignoreWords.size() > MAX_IGNORE_WORDS) {
      throw TrawlErrors.invalidDataIdentifier(
          name,
          "%d ignore words, more than Macie's %d; remove some",
          ignoreWords.size(),
          MAX_IGNORE_WORDS);
    }
    for (String w : ignoreWords) {
      int len = w.codePointCount(0, w.length());
      if (len < 4 || len > 90) {
        throw TrawlErrors.invalidDataIdentifier(
            name, "ignore word '%s' must be 4-90 characters but has %d", w, len);
      }
    }
    if (maximumMatchDistance < 1 || maximumMatchDistance > 300) {
      throw TrawlErrors.invalidDataIdentifier(
          name, "maximumMatchDistance must be 1-300 but is %d", maximumMatchDistance);
    }
    validateSeverityLevels();
  }

  private void validateSeverityLevels() {
    if (severityLevels.size() > 3) {
      throw TrawlErrors.invalidDataIdentifier(
          name,
          "at most 3 severityLevels (one per severity) but there are %d",
          severityLevels.size());
    }
    Set<Severity> seen = EnumSet.noneOf(Severity.class);
    for (SeverityLevel l : severityLevels) {
      if (l.severity() == null) {
        throw TrawlErrors.invalidDataIdentifier(name, "a severity level has no severity");
      }
      if (!seen.add(l.severity())) {
        throw TrawlErrors.invalidDataIdentifier(
            name, "severity %s appears in more than one severity level", l.severity());
      }
      if (l.occurrencesThreshold() < 1) {
        throw TrawlErrors.invalidDataIdentifier(
            name, "occurrencesThreshold must be at least 1 but is %d", l.occurrencesThreshold());
      }
    }
    List<SeverityLevel> sorted = new ArrayList<>(severityLevels);
    sorted.sort((a, b) -> Integer.compare(a.severity().score(), b.severity().score()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).occurrencesThreshold() <= sorted.get(i - 1).occurrencesThreshold()) {
        throw TrawlErrors.invalidDataIdentifier(
            name,
            "occurrence thresholds must ascend LOW < MEDIUM < HIGH, but %s is %d and %s is %d",
            sorted.get(i - 1).severity(),
            sorted.get(i - 1).occurrencesThreshold(),
            sorted.get(i).severity(),
            sorted.get(i).occurrencesThreshold());
      }
    }
  }

  /**
   * Severity for {@code count} occurrences: MEDIUM for any count without levels; otherwise the
   * level with the highest threshold at or below {@code count}; null below the lowest threshold (no
   * detection).
   */
  public Severity severityFor(long count) {
    if (count < 1) {
      return null;
    }
    if (severityLevels.isEmpty()) {
      return Severity.MEDIUM;
    }
    SeverityLevel best = null;
    for (SeverityLevel l : severityLevels) {
      if (l.occurrencesThreshold() <= count
          && (best == null || l.occurrencesThreshold() > best.occurrencesThreshold())) {
        best = l;
      }
    }
    return best == null ? null : best.severity();
  }

  /** Macie's TestCustomDataIdentifier: number of matches in {@code sampleText}. */
  public long test(String sampleText) {
    return DetectionEngine.forCustomIdentifierTest(this).countMatches(sampleText);
  }
}
