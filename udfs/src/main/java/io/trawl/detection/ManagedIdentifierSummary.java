package io.trawl.detection;

/**
 * One managed identifier as Macie's ListManagedDataIdentifiers shows it, plus whether it is in the
 * recommended set and whether it is a Trawl extension (not a Macie ID).
 */
public record ManagedIdentifierSummary(
    String id,
    Category category,
    boolean recommended,
    boolean trawlExtension,
    String description) {}
