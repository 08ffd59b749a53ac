package io.trawl.detection;

/** Macie's data identifier type. */
public enum IdentifierType {
  MANAGED,
  CUSTOM
}
