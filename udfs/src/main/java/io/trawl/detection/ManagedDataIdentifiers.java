package io.trawl.detection;

import java.util.List;
import java.util.Set;

/** The catalog of managed data identifiers, loaded from the versioned resource file. STUB. */
public final class ManagedDataIdentifiers {
  private ManagedDataIdentifiers() {}

  /** The catalog shipped in the jar (loaded once). */
  public static ManagedDataIdentifiers load() {
    throw new UnsupportedOperationException("issue 3");
  }

  public List<ManagedIdentifierSummary> list() {
    throw new UnsupportedOperationException("issue 3");
  }

  public Set<String> recommendedIds() {
    throw new UnsupportedOperationException("issue 3");
  }

  public Set<String> allIds() {
    throw new UnsupportedOperationException("issue 3");
  }

  public boolean contains(String id) {
    throw new UnsupportedOperationException("issue 3");
  }
}
