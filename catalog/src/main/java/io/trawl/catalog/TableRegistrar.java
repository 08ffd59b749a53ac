package io.trawl.catalog;

/**
 * Registers a Trawl Delta table (already written by path) in a catalog so SQL engines find it by
 * name. Implementations upsert: registering again is harmless and brings the entry up to date.
 */
public interface TableRegistrar {
  /** Creates or updates the catalog entry for {@code table}, and its database if missing. */
  void register(TrawlCatalog catalog, TrawlTable table);

  /** Registers every Trawl table. */
  default void registerAll(TrawlCatalog catalog) {
    for (TrawlTable table : TrawlTable.values()) {
      register(catalog, table);
    }
  }
}
