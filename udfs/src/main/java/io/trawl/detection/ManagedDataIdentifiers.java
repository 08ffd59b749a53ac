package io.trawl.detection;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.trawl.TrawlErrors;
import io.trawl.TrawlException;
import io.trawl.detection.internal.CatalogFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalog of managed data identifiers, loaded from the versioned resource file {@value
 * #RESOURCE}. Loading has two stages: the YAML is read into a raw shape, then every entry is
 * validated (unique IDs, RE2J regexes, known validators, finders and triggers, a prefilter for
 * every identifier that needs no keyword, three severities) into immutable {@link
 * ManagedDataIdentifier}s. Validators and finders are resolved once, here, so the catalog can be
 * serialised to executors as a whole.
 */
public final class ManagedDataIdentifiers implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Classpath location of the catalog shipped in the jar. */
  public static final String RESOURCE = "/io/trawl/detection/managed-data-identifiers.yaml";

  static final int DEFAULT_MAX_LENGTH = 100;
  static final int DEFAULT_MAXIMUM_MATCH_DISTANCE = 30;
  static final int DEFAULT_TRIGGER_MIN_DIGITS = 6;

  private static volatile ManagedDataIdentifiers shipped;

  private final Map<String, ManagedDataIdentifier> byId;
  private final Map<String, Validator> validators;
  private final Map<String, MatchFinder> finders;

  private ManagedDataIdentifiers(
      Map<String, ManagedDataIdentifier> byId,
      Map<String, Validator> validators,
      Map<String, MatchFinder> finders) {
    this.byId = Collections.unmodifiableMap(byId);
    this.validators = Collections.unmodifiableMap(validators);
    this.finders = Collections.unmodifiableMap(finders);
  }

  /** The catalog shipped in the jar, loaded and validated once per JVM. */
  public static ManagedDataIdentifiers load() {
    ManagedDataIdentifiers c = shipped;
    if (c == null) {
      synchronized (ManagedDataIdentifiers.class) {
        c = shipped;
        if (c == null) {
          try (InputStream in = ManagedDataIdentifiers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw TrawlErrors.invalidManagedIdentifier(
                  RESOURCE, null, "not found on the classpath; the udfs jar is incomplete");
            }
            c = load(RESOURCE, in, Validators::validator, Validators::finder);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          shipped = c;
        }
      }
    }
    return c;
  }

  /** Loads a catalog from YAML with the built-in validator and finder registry. */
  public static ManagedDataIdentifiers load(InputStream yaml) {
    return load("<stream>", yaml, Validators::validator, Validators::finder);
  }

  /**
   * Loads a catalog from YAML, resolving validator and finder names with the given functions (tests
   * pass their own; they throw {@link TrawlException} for an unknown name).
   */
  public static ManagedDataIdentifiers load(
      String source,
      InputStream yaml,
      Function<String, Validator> validatorResolver,
      Function<String, MatchFinder> finderResolver) {
    CatalogFile file;
    try {
      ObjectMapper mapper =
          new ObjectMapper(new YAMLFactory())
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      file = mapper.readValue(yaml, CatalogFile.class);
    } catch (IOException e) {
      throw TrawlErrors.invalidManagedIdentifier(
          source, null, "not valid catalog YAML: %s", firstLine(e.getMessage()));
    }
    return new Loader(source, validatorResolver, finderResolver).load(file);
  }

  /** Macie's ListManagedDataIdentifiers view, in catalog order. */
  public List<ManagedIdentifierSummary> list() {
    return byId.values().stream().map(ManagedDataIdentifier::summary).toList();
  }

  /** The IDs of Macie's RECOMMENDED set. */
  public Set<String> recommendedIds() {
    Set<String> ids = new LinkedHashSet<>();
    byId.values().stream().filter(ManagedDataIdentifier::recommended).forEach(d -> ids.add(d.id()));
    return Collections.unmodifiableSet(ids);
  }

  /** Every ID in the catalog, in catalog order. */
  public Set<String> allIds() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(byId.keySet()));
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** Every identifier's full definition (including its samples), in catalog order. */
  public List<ManagedDataIdentifier> definitions() {
    return List.copyOf(byId.values());
  }

  /** The definition of {@code id}; an unknown ID is a user error. */
  public ManagedDataIdentifier definition(String id) {
    ManagedDataIdentifier d = byId.get(id);
    if (d == null) {
      throw TrawlErrors.unknownIdentifier(
          "managed data identifier", id, "run 'trawl identifiers' to list the IDs");
    }
    return d;
  }

  /** The resolved validator of an identifier, or null if it has none. */
  public Validator validatorOf(ManagedDataIdentifier d) {
    return d.validator() == null ? null : validators.get(d.validator());
  }

  /** The resolved finder of an identifier, or null if it uses a regex. */
  public MatchFinder finderOf(ManagedDataIdentifier d) {
    return d.finder() == null ? null : finders.get(d.finder());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Second stage: raw entries to validated definitions. */
  private static final class Loader {
    private final String source;
    private final Function<String, Validator> validatorResolver;
    private final Function<String, MatchFinder> finderResolver;
    private final Map<String, Validator> validators = new LinkedHashMap<>();
    private final Map<String, MatchFinder> finders = new LinkedHashMap<>();

    Loader(
        String source,
        Function<String, Validator> validatorResolver,
        Function<String, MatchFinder> finderResolver) {
      this.source = source;
      this.validatorResolver = validatorResolver;
      this.finderResolver = finderResolver;
    }

    ManagedDataIdentifiers load(CatalogFile file) {
      if (file == null) {
        throw error(null, "the file is empty");
      }
      if (file.schemaVersion == null || file.schemaVersion != 1) {
        throw error(
            null,
            "schemaVersion must be 1 but is %s; this Trawl reads version 1",
            file.schemaVersion);
      }
      if (file.identifiers == null || file.identifiers.isEmpty()) {
        throw error(null, "'identifiers' is missing or empty");
      }
      Map<String, ManagedDataIdentifier> byId = new LinkedHashMap<>();
      int index = 0;
      for (CatalogFile.Entry e : file.identifiers) {
        if (e == null || e.id == null || e.id.isBlank()) {
          throw error(null, "entry #%d has no 'id'", index + 1);
        }
        ManagedDataIdentifier d = entry(e);
        if (byId.putIfAbsent(d.id(), d) != null) {
          throw error(d.id(), "duplicate id; each identifier must appear once");
        }
        index++;
      }
      return new ManagedDataIdentifiers(byId, validators, finders);
    }

    private ManagedDataIdentifier entry(CatalogFile.Entry e) {
      String id = e.id;
      Category category = category(e);
      boolean hasRegex = e.regex != null && !e.regex.isEmpty();
      boolean hasFinder = e.finder != null && !e.finder.isEmpty();
      if (hasRegex == hasFinder) {
        throw error(id, "set exactly one of 'regex' or 'finder'");
      }
      int valueGroup = orDefault(e.valueGroup, 0);
      if (hasRegex) {
        Pattern p;
        try {
          p = Pattern.compile(e.regex);
        } catch (PatternSyntaxException ex) {
          throw error(id, "regex does not compile in RE2J: %s", ex.getDescription());
        }
        if (valueGroup < 0 || valueGroup > p.groupCount()) {
          throw error(
              id,
              "valueGroup %d is out of range; the regex has %d groups",
              valueGroup,
              p.groupCount());
        }
      }
      if (hasFinder) {
        finders.computeIfAbsent(e.finder, n -> resolve(id, "finder", n, finderResolver));
      }
      if (e.validator != null && !e.validator.isEmpty()) {
        validators.computeIfAbsent(
            e.validator, n -> resolve(id, "validator", n, validatorResolver));
      }
      Trigger trigger = trigger(e);
      List<String> keywords = lowerCase(e.keywords);
      List<String> anchors = lowerCase(e.anchors);
      boolean keywordRequired = orDefault(e.keywordRequired, false);
      if (keywordRequired && keywords.isEmpty()) {
        throw error(id, "keywordRequired is true but there are no keywords");
      }
      if (!keywordRequired
          && keywords.isEmpty()
          && anchors.isEmpty()
          && trigger == Trigger.NONE
          && !hasFinder) {
        throw error(
            id,
            "needs no keyword but has no anchors, trigger or finder, so nothing tells the engine"
                + " where to look; add anchors or a trigger (DIGITS, IBAN, IP, or FULL as a last resort)");
      }
      for (String a : anchors) {
        if (a.isBlank()) {
          throw error(id, "anchors must not be blank");
        }
      }
      int maxLength = orDefault(e.maxLength, DEFAULT_MAX_LENGTH);
      if (maxLength <= 0) {
        throw error(id, "maxLength must be positive but is %d", maxLength);
      }
      int distance = orDefault(e.maximumMatchDistance, DEFAULT_MAXIMUM_MATCH_DISTANCE);
      if (distance < 0) {
        throw error(id, "maximumMatchDistance must not be negative but is %d", distance);
      }
      int minDigits = orDefault(e.triggerMinDigits, DEFAULT_TRIGGER_MIN_DIGITS);
      if (minDigits < 1) {
        throw error(id, "triggerMinDigits must be at least 1 but is %d", minDigits);
      }
      int minGroup = orDefault(e.triggerMinGroupDigits, 1);
      if (minGroup < 1 || minGroup > minDigits) {
        throw error(
            id,
            "triggerMinGroupDigits must be between 1 and triggerMinDigits (%d) but is %d",
            minDigits,
            minGroup);
      }
      int countLimit = orDefault(e.countLimit, 0);
      if (countLimit < 0) {
        throw error(id, "countLimit must not be negative but is %d", countLimit);
      }
      return new ManagedDataIdentifier(
          id,
          category,
          e.description == null ? "" : e.description,
          orDefault(e.recommended, false),
          orDefault(e.trawlExtension, false),
          hasRegex ? e.regex : null,
          valueGroup,
          maxLength,
          keywords,
          keywordRequired,
          distance,
          anchors,
          trigger,
          minDigits,
          minGroup,
          hasFinder ? e.finder : null,
          e.validator == null || e.validator.isEmpty() ? null : e.validator,
          e.exclusions == null ? List.of() : e.exclusions,
          countLimit,
          severity(e),
          samples(e));
    }

    private Category category(CatalogFile.Entry e) {
      if (e.category != null) {
        switch (e.category) {
          case "CREDENTIALS":
            return Category.CREDENTIALS;
          case "FINANCIAL_INFORMATION":
            return Category.FINANCIAL_INFORMATION;
          case "PERSONAL_INFORMATION":
            return Category.PERSONAL_INFORMATION;
          default:
            break;
        }
      }
      throw error(
          e.id,
          "category must be CREDENTIALS, FINANCIAL_INFORMATION or PERSONAL_INFORMATION but is %s",
          e.category);
    }

    private Trigger trigger(CatalogFile.Entry e) {
      if (e.trigger == null || e.trigger.isEmpty()) {
        return Trigger.NONE;
      }
      for (Trigger t : Trigger.values()) {
        if (t.name().equals(e.trigger)) {
          return t;
        }
      }
      throw error(e.id, "unknown trigger '%s'; use NONE, DIGITS, IBAN, IP or FULL", e.trigger);
    }

    private List<Severity> severity(CatalogFile.Entry e) {
      if (e.severity == null || e.severity.size() != 3) {
        throw error(
            e.id,
            "severity must have 3 entries (for 1, 2-99 and 100+ occurrences) but has %d",
            e.severity == null ? 0 : e.severity.size());
      }
      List<Severity> out = new ArrayList<>();
      for (String s : e.severity) {
        try {
          out.add(Severity.valueOf(s));
        } catch (IllegalArgumentException | NullPointerException ex) {
          throw error(e.id, "unknown severity '%s'; use LOW, MEDIUM or HIGH", s);
        }
      }
      return out;
    }

    private ManagedDataIdentifier.Samples samples(CatalogFile.Entry e) {
      List<ManagedDataIdentifier.PositiveSample> pos = new ArrayList<>();
      List<ManagedDataIdentifier.NegativeSample> neg = new ArrayList<>();
      if (e.samples != null) {
        if (e.samples.positive != null) {
          for (CatalogFile.PositiveEntry p : e.samples.positive) {
            if (p == null || p.text == null) {
              throw error(e.id, "a positive sample has no text");
            }
            int count = orDefault(p.count, 1);
            if (count < 1) {
              throw error(e.id, "a positive sample's count must be at least 1 but is %d", count);
            }
            pos.add(new ManagedDataIdentifier.PositiveSample(p.text, count));
          }
        }
        if (e.samples.negative != null) {
          for (CatalogFile.NegativeEntry n : e.samples.negative) {
            if (n == null || n.text == null) {
              throw error(e.id, "a negative sample has no text");
            }
            if (n.reason == null || n.reason.isBlank()) {
              throw error(e.id, "a negative sample has no reason; say why it must not match");
            }
            neg.add(new ManagedDataIdentifier.NegativeSample(n.text, n.reason));
          }
        }
      }
      return new ManagedDataIdentifier.Samples(pos, neg);
    }

    private <T> T resolve(String id, String kind, String name, Function<String, T> resolver) {
      T t;
      try {
        t = resolver.apply(name);
      } catch (TrawlException ex) {
        throw error(id, "unknown %s '%s' (%s)", kind, name, ex.getMessage());
      }
      if (t == null) {
        throw error(id, "unknown %s '%s'", kind, name);
      }
      return t;
    }

    private static List<String> lowerCase(List<String> values) {
      if (values == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String v : values) {
        if (v != null && !v.isEmpty()) {
          out.add(v.toLowerCase(Locale.ROOT));
        }
      }
      return out;
    }

    private static <T> T orDefault(T value, T fallback) {
      return value == null ? fallback : value;
    }

    private TrawlException error(String id, String format, Object... args) {
      return TrawlErrors.invalidManagedIdentifier(source, id, format, args);
    }
  }
}
