package io.trawl.jobs.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.TrawlErrors;
import io.trawl.detection.ManagedDataIdentifier;
import io.trawl.detection.ManagedDataIdentifiers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * HIPAA, PCI DSS, GDPR, CCPA and SOX as data ({@value #RESOURCE}): for each framework, rules that
 * name the sensitive data it protects (managed identifier types, or whole Macie categories) and the
 * bucket condition under which finding that data is a violation, with remediation text.
 *
 * @param frameworks the frameworks in file order
 * @param cardholderTag the bucket tag that marks the cardholder data environment (PCI DSS)
 */
public record ComplianceFrameworks(List<Framework> frameworks, Tag cardholderTag) {
  /** The bundled frameworks file. */
  public static final String RESOURCE = "/io/trawl/jobs/compliance/compliance-frameworks.json";

  /** A bucket tag, e.g. {@code data-classification=cardholder}. */
  public record Tag(String key, String value) {
    /** Parses {@code key=value}. */
    public static Tag parse(String keyValue) {
      int eq = keyValue.indexOf('=');
      if (eq <= 0 || eq == keyValue.length() - 1) {
        throw TrawlErrors.invalidArgument("expected a tag as key=value, not '%s'", keyValue);
      }
      Tag tag = new Tag(keyValue.substring(0, eq), keyValue.substring(eq + 1));
      checkLiteral(tag.key());
      checkLiteral(tag.value());
      return tag;
    }
  }

  /** A framework and its rules. */
  public record Framework(String name, String title, List<Rule> rules) {}

  /**
   * One way to violate a framework.
   *
   * @param framework framework name, e.g. HIPAA
   * @param requirement the requirement, e.g. "45 CFR 164.312(a)(1) Access control"
   * @param violationType upper snake case, e.g. PHI_IN_PUBLIC_BUCKET
   * @param severity Low, Medium or High
   * @param dataLabel what the data is, e.g. "Protected health information"
   * @param identifierTypes the managed identifier types that count, sorted
   * @param condition the bucket condition that makes finding them a violation
   * @param level OBJECT (one violation per object) or BUCKET (one per bucket)
   * @param remediation what to do, in steps a team can act on
   */
  public record Rule(
      String framework,
      String requirement,
      String violationType,
      String severity,
      String dataLabel,
      List<String> identifierTypes,
      Condition condition,
      Level level,
      String remediation) {}

  /** Whether a rule reports each object or each bucket. */
  public enum Level {
    OBJECT,
    BUCKET
  }

  /** The bundled frameworks, identifier categories resolved with the managed identifiers. */
  public static ComplianceFrameworks load() {
    try (InputStream in = ComplianceFrameworks.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new ObjectMapper().readTree(in), ManagedDataIdentifiers.load());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same frameworks with another cardholder data tag. */
  public ComplianceFrameworks withCardholderTag(Tag tag) {
    return new ComplianceFrameworks(frameworks, tag);
  }

  /** The named frameworks only (names compared ignoring case, spaces and underscores). */
  public ComplianceFrameworks only(List<String> names) {
    if (names == null || names.isEmpty()) {
      return this;
    }
    List<Framework> kept = new ArrayList<>();
    for (String n : names) {
      Framework f =
          frameworks.stream()
              .filter(x -> key(x.name()).equals(key(n)))
              .findFirst()
              .orElseThrow(
                  () ->
                      TrawlErrors.invalidArgument(
                          "unknown framework '%s'; expected one of %s",
                          n, frameworks.stream().map(Framework::name).toList()));
      kept.add(f);
    }
    return new ComplianceFrameworks(List.copyOf(kept), cardholderTag);
  }

  /** Every rule of every framework. */
  public List<Rule> rules() {
    return frameworks.stream().flatMap(f -> f.rules().stream()).toList();
  }

  static ComplianceFrameworks parse(JsonNode root, ManagedDataIdentifiers managed) {
    JsonNode groups = root.path("identifierGroups");
    List<Framework> frameworks = new ArrayList<>();
    for (JsonNode f : root.path("frameworks")) {
      String name = f.path("name").asText();
      List<Rule> rules = new ArrayList<>();
      for (JsonNode r : f.path("rules")) {
        String groupName = r.path("identifierGroup").asText();
        JsonNode group = groups.path(groupName);
        if (!group.isObject()) {
          throw new IllegalStateException(name + ": unknown identifier group " + groupName);
        }
        TreeSet<String> types = new TreeSet<>();
        for (JsonNode t : group.path("identifierTypes")) {
          if (!managed.contains(t.asText())) {
            throw new IllegalStateException(groupName + ": unknown identifier " + t.asText());
          }
          types.add(t.asText());
        }
        for (JsonNode c : group.path("categories")) {
          for (ManagedDataIdentifier d : managed.definitions()) {
            if (d.category().name().equals(c.asText())) {
              types.add(d.id());
            }
          }
        }
        Rule rule =
            new Rule(
                name,
                r.path("requirement").asText(),
                r.path("violationType").asText(),
                r.path("severity").asText(),
                group.path("label").asText(),
                List.copyOf(types),
                Condition.valueOf(r.path("condition").asText()),
                Level.valueOf(r.path("level").asText()),
                r.path("remediation").asText());
        if (!List.of("Low", "Medium", "High").contains(rule.severity())) {
          throw new IllegalStateException(rule.violationType() + ": bad severity");
        }
        for (String text :
            List.of(
                name,
                rule.requirement(),
                rule.violationType(),
                rule.dataLabel(),
                rule.remediation())) {
          checkLiteral(text);
        }
        rules.add(rule);
      }
      frameworks.add(new Framework(name, f.path("title").asText(), List.copyOf(rules)));
    }
    JsonNode tag = root.path("cardholderTag");
    return new ComplianceFrameworks(
        List.copyOf(frameworks), new Tag(tag.path("key").asText(), tag.path("value").asText()));
  }

  /** Texts become SQL string literals in both Spark and Athena: no quotes or backslashes. */
  static void checkLiteral(String text) {
    if (text.indexOf('\'') >= 0 || text.indexOf('\\') >= 0) {
      throw TrawlErrors.invalidArgument(
          "'%s' holds a quote or backslash, which compliance views cannot carry", text);
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "");
  }
}
