package io.trawl.detection;

import io.trawl.TrawlErrors;
import io.trawl.detection.internal.CompiledEngine;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The compiled detection engine: build once per executor (it is Serializable and rebuilds its
 * compiled state lazily after deserialisation), then one {@link ObjectScan} per object.
 *
 * <p>Each piece of content is read once by one automaton over every keyword and anchor of every
 * identifier, plus a shape pass for digit runs and IBANs; regexes run only in small windows around
 * those hits. The cost per byte therefore barely grows with the number of identifiers.
 */
public final class DetectionEngine implements Serializable {
  private static final long serialVersionUID = 1L;

  private final EngineConfig config;
  private final List<ManagedDataIdentifier> managed;
  private final ManagedDataIdentifiers catalog;
  private transient volatile CompiledEngine compiled;

  private DetectionEngine(
      EngineConfig config, List<ManagedDataIdentifier> managed, ManagedDataIdentifiers catalog) {
    this.config = config;
    this.managed = managed;
    this.catalog = catalog;
  }

  /**
   * An engine over the catalog shipped in the jar (loaded only if the config selects managed
   * identifiers).
   */
  public static DetectionEngine create(EngineConfig config) {
    return create(
        config, config.managedIdentifierIds().isEmpty() ? null : ManagedDataIdentifiers.load());
  }

  /** An engine over the given catalog; every selected managed ID must be in it. */
  public static DetectionEngine create(EngineConfig config, ManagedDataIdentifiers catalog) {
    List<ManagedDataIdentifier> selected = new ArrayList<>();
    Set<String> ids = config.managedIdentifierIds();
    if (!ids.isEmpty()) {
      if (catalog == null) {
        throw new IllegalArgumentException("managed identifiers selected but no catalog given");
      }
      // Catalog order keeps detections and occurrences stable whatever the set's order.
      for (ManagedDataIdentifier d : catalog.definitions()) {
        if (ids.contains(d.id())) {
          selected.add(d);
        }
      }
      for (String id : ids) {
        if (!catalog.contains(id)) {
          throw TrawlErrors.unknownIdentifier(
              "managed data identifier", id, "run 'trawl identifiers' to list the IDs");
        }
      }
    }
    DetectionEngine engine =
        new DetectionEngine(config, List.copyOf(selected), selected.isEmpty() ? null : catalog);
    engine.compiled();
    return engine;
  }

  /** An engine with one custom identifier and nothing else (TestCustomDataIdentifier). */
  static DetectionEngine forCustomIdentifierTest(CustomDataIdentifier identifier) {
    return create(new EngineConfig(Set.of(), List.of(identifier), List.of(), null), null);
  }

  public EngineConfig config() {
    return config;
  }

  /** A new scan for one object. Not thread-safe; the engine itself is. */
  public ObjectScan newScan() {
    return compiled().newScan(config.hashKey(), null);
  }

  /** Detects in one piece of unstructured text (line 1 onwards). */
  public List<Detection> detect(String text) {
    ObjectScan scan = newScan();
    scan.text(text, 1);
    return scan.detections();
  }

  /** {@code text} with every detected value replaced by its masked form (separators kept). */
  public String mask(String text) {
    List<int[]> spans = new ArrayList<>();
    ObjectScan scan = compiled().newScan(config.hashKey(), (s, e) -> spans.add(new int[] {s, e}));
    scan.text(text, 1);
    if (spans.isEmpty()) {
      return text;
    }
    spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    StringBuilder out = new StringBuilder(text.length());
    int pos = 0;
    int i = 0;
    while (i < spans.size()) {
      int start = spans.get(i)[0];
      int end = spans.get(i)[1];
      // Overlapping values of different identifiers are masked as one span.
      while (++i < spans.size() && spans.get(i)[0] < end) {
        end = Math.max(end, spans.get(i)[1]);
      }
      if (start < pos) {
        start = pos;
      }
      out.append(text, pos, start);
      out.append(io.trawl.detection.internal.ValueMasker.mask(text.substring(start, end)));
      pos = end;
    }
    out.append(text, pos, text.length());
    return out.toString();
  }

  /** Matches of the only (custom) identifier of a test engine, before severity levels. */
  long countMatches(String text) {
    ObjectScan scan = newScan();
    scan.text(text, 1);
    return compiled().countOf(scan, 0);
  }

  /** Number of identifiers this engine runs. */
  public int identifierCount() {
    return compiled().identifierCount();
  }

  private CompiledEngine compiled() {
    CompiledEngine c = compiled;
    if (c == null) {
      synchronized (this) {
        c = compiled;
        if (c == null) {
          c =
              CompiledEngine.compile(
                  managed, catalog, config.customDataIdentifiers(), config.allowLists());
          compiled = c;
        }
      }
    }
    return c;
  }
}
