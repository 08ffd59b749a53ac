package io.trawl.detection;

import io.trawl.TrawlErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Macie's {@code managedDataIdentifierSelector}; RECOMMENDED when a job omits it. */
public enum ManagedDataIdentifierSelector {
  ALL,
  EXCLUDE,
  INCLUDE,
  NONE,
  RECOMMENDED;

  /**
   * The managed identifier IDs this selector picks with {@code ids} ({@code
   * managedDataIdentifierIds}). Unknown IDs are an error, as are IDs with a selector that takes
   * none.
   */
  public Set<String> resolve(List<String> ids, ManagedDataIdentifiers catalog) {
    List<String> given = ids == null ? List.of() : ids;
    for (String id : given) {
      if (!catalog.contains(id)) {
        throw TrawlErrors.unknownIdentifier(
            "managed data identifier", id, "run 'trawl identifiers' to list the IDs");
      }
    }
    if (!given.isEmpty() && this != INCLUDE && this != EXCLUDE) {
      throw TrawlErrors.invalidArgument(
          "managedDataIdentifierIds is only valid with INCLUDE or EXCLUDE, not %s", this);
    }
    switch (this) {
      case ALL:
        return new TreeSet<>(catalog.allIds());
      case NONE:
        return Set.of();
      case RECOMMENDED:
        return new TreeSet<>(catalog.recommendedIds());
      case INCLUDE:
        return new TreeSet<>(given);
      case EXCLUDE:
        Set<String> all = new HashSet<>(catalog.allIds());
        given.forEach(all::remove);
        return new TreeSet<>(all);
      default:
        throw new IllegalStateException(name());
    }
  }
}
