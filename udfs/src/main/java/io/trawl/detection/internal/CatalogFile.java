package io.trawl.detection.internal;

import java.util.List;

/**
 * The raw shape of the managed identifier catalog YAML, exactly as written (first loading stage).
 * Unknown fields are rejected by the parser so a typo in the catalog fails loudly. {@code
 * io.trawl.detection.ManagedDataIdentifiers} validates and compiles it.
 */
public final class CatalogFile {
  public Integer schemaVersion;
  public List<Entry> identifiers;

  /** One identifier entry; every field optional here, checked by the loader. */
  public static final class Entry {
    public String id;
    public String category;
    public String description;
    public Boolean recommended;
    public Boolean trawlExtension;
    public String regex;
    public Integer valueGroup;
    public Integer maxLength;
    public List<String> keywords;
    public Boolean keywordRequired;
    public Integer maximumMatchDistance;
    public List<String> anchors;
    public String trigger;
    public Integer triggerMinDigits;
    public Integer triggerMinGroupDigits;
    public String finder;
    public String validator;
    public List<String> exclusions;
    public Integer countLimit;
    public List<String> severity;
    public SamplesEntry samples;
  }

  /** The samples block of an entry. */
  public static final class SamplesEntry {
    public List<PositiveEntry> positive;
    public List<NegativeEntry> negative;
  }

  /** A positive sample; count defaults to 1. */
  public static final class PositiveEntry {
    public String text;
    public Integer count;
  }

  /** A negative sample with its reason. */
  public static final class NegativeEntry {
    public String text;
    public String reason;
  }
}
