package io.trawl.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.trawl.TrawlErrors;
import io.trawl.detection.internal.RegexRestrictions;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Macie allow list: either a set of text entries (exact, case-insensitive, complete match) or a
 * regex (complete match). Applied last, to every identifier's matches: suppressed text appears in
 * no count and no occurrence.
 *
 * @param id the ID jobs refer to ({@code allowListIds}); defaults to the name
 * @param name the list's name
 * @param regex the pattern, or null for a text list
 * @param words the entries of a text list (trimmed, blank ones dropped), or empty for a regex list
 */
public record AllowList(String id, String name, String regex, List<String> words)
    implements Serializable {

  static final int MAX_NAME = 128;
  static final int MAX_DESCRIPTION = 512;
  static final int MAX_REGEX = 512;
  static final int MAX_WORDS = 100_000;

  public AllowList {
    List<String> cleaned = new ArrayList<>();
    if (words != null) {
      for (String w : words) {
        if (w != null && !w.isBlank()) {
          cleaned.add(w.trim());
        }
      }
    }
    words = List.copyOf(cleaned);
  }

  /**
   * Parses Macie JSON: a {@code CreateAllowList} request or {@code GetAllowList} response, or an
   * array. {@code criteria.regex} or {@code criteria.s3WordsList {bucketName, objectKey}}; the
   * words of an s3WordsList are read by the caller through {@code wordsReader} as the file's lines.
   * Trawl also accepts {@code criteria.words: [...]} inline.
   */
  public static List<AllowList> fromJson(String source, String json, WordsReader wordsReader) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw TrawlErrors.invalidJson(source, "not valid JSON: " + e.getOriginalMessage(), null);
    }
    List<AllowList> out = new ArrayList<>();
    if (root != null && root.isArray()) {
      for (JsonNode n : root) {
        out.add(parse(source, n, wordsReader));
      }
    } else if (root != null && root.isObject()) {
      out.add(parse(source, root, wordsReader));
    } else {
      throw TrawlErrors.invalidJson(
          source, "expected an allow list object or an array of them", null);
    }
    return out;
  }

  private static AllowList parse(String source, JsonNode n, WordsReader reader) {
    JsonNode nameNode = n.get("name");
    if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
      throw TrawlErrors.invalidJson(source, "an allow list has no 'name'", null);
    }
    String name = nameNode.asText();
    if (name.length() > MAX_NAME) {
      throw TrawlErrors.invalidAllowList(name, "name must be at most %d characters", MAX_NAME);
    }
    JsonNode description = n.get("description");
    if (description != null
        && description.isTextual()
        && description.asText().length() > MAX_DESCRIPTION) {
      throw TrawlErrors.invalidAllowList(
          name, "description must be at most %d characters", MAX_DESCRIPTION);
    }
    String id = n.hasNonNull("id") ? n.get("id").asText() : name;
    JsonNode criteria = n.get("criteria");
    if (criteria == null || !criteria.isObject()) {
      throw TrawlErrors.invalidAllowList(
          name, "'criteria' is required, with exactly one of regex, s3WordsList or words");
    }
    int given =
        (criteria.hasNonNull("regex") ? 1 : 0)
            + (criteria.hasNonNull("s3WordsList") ? 1 : 0)
            + (criteria.hasNonNull("words") ? 1 : 0);
    if (given != 1) {
      throw TrawlErrors.invalidAllowList(
          name, "criteria must have exactly one of regex, s3WordsList or words, but has %d", given);
    }
    AllowList list;
    if (criteria.hasNonNull("regex")) {
      list = new AllowList(id, name, criteria.get("regex").asText(), List.of());
    } else if (criteria.hasNonNull("words")) {
      JsonNode w = criteria.get("words");
      if (!w.isArray()) {
        throw TrawlErrors.invalidAllowList(name, "criteria.words must be an array of strings");
      }
      List<String> words = new ArrayList<>();
      w.forEach(e -> words.add(e.asText()));
      list = new AllowList(id, name, null, words);
    } else {
      JsonNode s3 = criteria.get("s3WordsList");
      String bucket = s3.path("bucketName").asText("");
      String key = s3.path("objectKey").asText("");
      if (bucket.isEmpty() || key.isEmpty()) {
        throw TrawlErrors.invalidAllowList(
            name, "criteria.s3WordsList needs bucketName and objectKey");
      }
      if (reader == null) {
        throw TrawlErrors.invalidAllowList(
            name, "criteria.s3WordsList s3://%s/%s given but no reader to read it", bucket, key);
      }
      List<String> lines;
      try {
        lines = reader.read(bucket, key);
      } catch (IOException e) {
        throw TrawlErrors.invalidAllowList(
            name, "cannot read s3WordsList s3://%s/%s: %s", bucket, key, e.getMessage());
      }
      list = new AllowList(id, name, null, lines == null ? List.of() : lines);
    }
    list.validate();
    return list;
  }

  /** Checks Macie's limits; throws a {@code TrawlException} that says what to fix. */
  public void validate() {
    if (regex != null) {
      if (regex.isEmpty() || regex.length() > MAX_REGEX) {
        throw TrawlErrors.invalidAllowList(
            name, "regex must be 1-%d characters but has %d", MAX_REGEX, regex.length());
      }
      String problem = RegexRestrictions.problem(regex);
      if (problem != null) {
        throw TrawlErrors.invalidAllowList(name, "regex: %s", problem);
      }
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw TrawlErrors.invalidAllowList(
            name, "regex does not compile: %s; fix the pattern", e.getDescription());
      }
    } else {
      if (words.isEmpty()) {
        throw TrawlErrors.invalidAllowList(name, "the list has no entries");
      }
      if (words.size() > MAX_WORDS) {
        throw TrawlErrors.invalidAllowList(
            name, "%d entries, more than Macie's %d; split the list", words.size(), MAX_WORDS);
      }
    }
  }

  /** Reads the line-delimited words file of an {@code s3WordsList}. */
  @FunctionalInterface
  public interface WordsReader {
    List<String> read(String bucketName, String objectKey) throws java.io.IOException;
  }

  /**
   * True if {@code text} is suppressed by this list. Compiles the list on every call; the engine
   * compiles each list once instead.
   */
  public boolean allows(String text) {
    if (regex != null) {
      return Pattern.compile(regex).matches(text);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String w : words) {
      if (w.toLowerCase(Locale.ROOT).equals(lower)) {
        return true;
      }
    }
    return false;
  }
}
