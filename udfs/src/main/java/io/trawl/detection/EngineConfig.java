package io.trawl.detection;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What an engine detects.
 *
 * @param managedIdentifierIds managed identifier IDs to run (already resolved from a selector)
 * @param customDataIdentifiers custom identifiers to run
 * @param allowLists allow lists applied to every identifier's matches
 * @param hashKey secret key for the keyed hash of matched values (never logged)
 */
public record EngineConfig(
    Set<String> managedIdentifierIds,
    List<CustomDataIdentifier> customDataIdentifiers,
    List<AllowList> allowLists,
    String hashKey)
    implements Serializable {

  public EngineConfig {
    managedIdentifierIds = Set.copyOf(managedIdentifierIds);
    customDataIdentifiers = List.copyOf(customDataIdentifiers);
    allowLists = List.copyOf(allowLists);
  }
}
