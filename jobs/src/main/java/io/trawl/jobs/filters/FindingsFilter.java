package io.trawl.jobs.filters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.TrawlErrors;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Macie findings filter or suppression rule, from the {@code CreateFindingsFilter} request body:
 * {@code name}, {@code action} ({@code ARCHIVE} suppresses, {@code NOOP} only counts), {@code
 * description}, {@code position} and {@code findingCriteria.criterion}, a map from finding field
 * path to operators. Conditions AND together; see {@link Criterion} for each operator.
 *
 * @param name filter name, 3-64 characters
 * @param action ARCHIVE or NOOP
 * @param description free text, up to 512 characters; may be null
 * @param position order of application, lower first (default 1)
 * @param criteria the conditions, all of which a finding must meet
 * @param criteriaJson the findingCriteria JSON as given, for the record
 */
public record FindingsFilter(
    String name,
    Action action,
    String description,
    int position,
    List<Criterion> criteria,
    String criteriaJson)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> TOP_LEVEL =
      Set.of("name", "action", "description", "position", "findingCriteria", "tags", "clientToken");
  private static final Set<String> OPERATORS =
      Set.of("eq", "neq", "gt", "gte", "lt", "lte", "eqExactMatch");

  /** What a filter does with its matches. */
  public enum Action {
    /** Suppression rule: matching findings are archived. */
    ARCHIVE,
    /** Matching findings are only counted. */
    NOOP
  }

  /**
   * The operators on one field. {@code eq}: some value of the field equals one of the values (OR);
   * {@code neq}: no value of the field equals any of them; {@code gt}, {@code gte}, {@code lt},
   * {@code lte}: some value is in the range (numbers; dates as Unix epoch milliseconds); {@code
   * eqExactMatch}: the field's values are exactly these and only these.
   *
   * @param field canonical field path
   * @param type the field's type
   * @param eq values, or null
   * @param neq values, or null
   * @param gt bound, or null
   * @param gte bound, or null
   * @param lt bound, or null
   * @param lte bound, or null
   * @param eqExactMatch values, or null
   */
  public record Criterion(
      String field,
      FindingFields.Type type,
      List<String> eq,
      List<String> neq,
      Long gt,
      Long gte,
      Long lt,
      Long lte,
      List<String> eqExactMatch)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Whether a finding meets this criterion. */
    public boolean test(JsonNode finding) {
      List<String> values = FindingFields.values(finding, field);
      if (eqExactMatch != null) {
        return new TreeSet<>(values).equals(new TreeSet<>(eqExactMatch));
      }
      if (eq != null && values.stream().noneMatch(eq::contains)) {
        return false;
      }
      if (neq != null && values.stream().anyMatch(neq::contains)) {
        return false;
      }
      if (gt == null && gte == null && lt == null && lte == null) {
        return true;
      }
      for (String v : values) {
        long x = Long.parseLong(v); // LONG and DATE values are normalised to numbers
        if ((gt == null || x > gt)
            && (gte == null || x >= gte)
            && (lt == null || x < lt)
            && (lte == null || x <= lte)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Whether a finding (Macie's JSON) meets every criterion. */
  public boolean matches(JsonNode finding) {
    for (Criterion c : criteria) {
      if (!c.test(finding)) {
        return false;
      }
    }
    return true;
  }

  /** Parses a CreateFindingsFilter request body; {@code source} names it in errors. */
  public static FindingsFilter parse(String source, String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw TrawlErrors.invalidJson(source, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw TrawlErrors.invalidFindingsFilter(source, "expected a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!TOP_LEVEL.contains(f)) {
        throw TrawlErrors.invalidFindingsFilter(
            source, "unknown field '%s'; expected one of %s", f, new TreeSet<>(TOP_LEVEL));
      }
    }
    String name = root.path("name").asText(null);
    if (name == null || name.length() < 3 || name.length() > 64) {
      throw TrawlErrors.invalidFindingsFilter(source, "name must be 3 to 64 characters");
    }
    String where = source + " (" + name + ")";
    Action action;
    try {
      action = Action.valueOf(root.path("action").asText(""));
    } catch (IllegalArgumentException e) {
      throw TrawlErrors.invalidFindingsFilter(
          where, "action must be ARCHIVE or NOOP, not '%s'", root.path("action").asText(""));
    }
    String description = root.hasNonNull("description") ? root.get("description").asText() : null;
    if (description != null && description.length() > 512) {
      throw TrawlErrors.invalidFindingsFilter(where, "description is over 512 characters");
    }
    int position = 1;
    if (root.hasNonNull("position")) {
      if (!root.get("position").canConvertToInt()) {
        throw TrawlErrors.invalidFindingsFilter(where, "position must be a whole number");
      }
      position = root.get("position").asInt();
    }
    JsonNode fc = root.path("findingCriteria");
    if (!fc.isObject()) {
      throw TrawlErrors.invalidFindingsFilter(where, "findingCriteria is required");
    }
    for (Iterator<String> it = fc.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("criterion")) {
        throw TrawlErrors.invalidFindingsFilter(
            where, "unknown field 'findingCriteria.%s'; expected criterion", f);
      }
    }
    JsonNode criterion = fc.path("criterion");
    if (!criterion.isObject() || criterion.isEmpty()) {
      throw TrawlErrors.invalidFindingsFilter(
          where, "findingCriteria.criterion must name at least one field");
    }
    List<Criterion> criteria = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = criterion.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      criteria.add(criterion(where, e.getKey(), e.getValue()));
    }
    return new FindingsFilter(
        name, action, description, position, List.copyOf(criteria), fc.toString());
  }

  private static Criterion criterion(String where, String path, JsonNode ops) {
    String field = FindingFields.canonical(path);
    if (field == null) {
      throw TrawlErrors.invalidFindingsFilter(
          where,
          "unsupported field path '%s'; use a Macie finding field such as severity.description,"
              + " type, resourcesAffected.s3Bucket.name or"
              + " classificationDetails.result.sensitiveData.detections.type (docs/exports.md"
              + " lists them all)",
          path);
    }
    if (!ops.isObject() || ops.isEmpty()) {
      throw TrawlErrors.invalidFindingsFilter(where, "'%s' needs at least one operator", path);
    }
    FindingFields.Type type = FindingFields.type(field);
    List<String> eq = null;
    List<String> neq = null;
    List<String> exact = null;
    Long[] bounds = new Long[4];
    for (Iterator<Map.Entry<String, JsonNode>> it = ops.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String op = e.getKey();
      switch (op) {
        case "eq" -> eq = values(where, path, op, e.getValue(), type);
        case "neq" -> neq = values(where, path, op, e.getValue(), type);
        case "eqExactMatch" -> exact = values(where, path, op, e.getValue(), type);
        case "gt", "gte", "lt", "lte" -> {
          if (type != FindingFields.Type.LONG && type != FindingFields.Type.DATE) {
            throw TrawlErrors.invalidFindingsFilter(
                where, "'%s' is not a number or date; %s does not apply", path, op);
          }
          JsonNode v = e.getValue();
          Long bound = v.canConvertToLong() ? v.asLong() : null;
          if (bound == null && v.isTextual()) {
            String n = FindingFields.normalise(v.asText(), FindingFields.Type.DATE);
            bound = n == null ? null : Long.parseLong(n);
          }
          if (bound == null) {
            throw TrawlErrors.invalidFindingsFilter(
                where, "%s of '%s' must be a number (dates: Unix epoch milliseconds)", op, path);
          }
          bounds[List.of("gt", "gte", "lt", "lte").indexOf(op)] = bound;
        }
        default ->
            throw TrawlErrors.invalidFindingsFilter(
                where,
                "unknown operator '%s' on '%s'; expected one of %s",
                op,
                path,
                new TreeSet<>(OPERATORS));
      }
    }
    if (exact != null) {
      if (!FindingFields.allowsExactMatch(field)) {
        throw TrawlErrors.invalidFindingsFilter(
            where, "eqExactMatch cannot be used with '%s'", path);
      }
      if (ops.size() > 1) {
        throw TrawlErrors.invalidFindingsFilter(
            where, "eqExactMatch cannot be combined with other operators on '%s'", path);
      }
    }
    return new Criterion(field, type, eq, neq, bounds[0], bounds[1], bounds[2], bounds[3], exact);
  }

  private static List<String> values(
      String where, String path, String op, JsonNode node, FindingFields.Type type) {
    if (!node.isArray() || node.isEmpty()) {
      throw TrawlErrors.invalidFindingsFilter(
          where, "%s of '%s' must be a non-empty list of values", op, path);
    }
    if (node.size() > 50) {
      throw TrawlErrors.invalidFindingsFilter(
          where, "%s of '%s' has %d values; Macie allows at most 50", op, path, node.size());
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : node) {
      if (v.isContainerNode() || v.isNull()) {
        throw TrawlErrors.invalidFindingsFilter(
            where, "%s of '%s' must hold plain values", op, path);
      }
      String n = FindingFields.normalise(v.asText(), type);
      if (n == null) {
        throw TrawlErrors.invalidFindingsFilter(
            where, "%s of '%s': '%s' is not a %s", op, path, v.asText(), type);
      }
      out.add(n);
    }
    return List.copyOf(out);
  }
}
