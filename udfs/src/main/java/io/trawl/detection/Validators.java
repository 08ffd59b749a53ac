package io.trawl.detection;

import io.trawl.TrawlErrors;
import java.util.Map;

/** The registry of validators and finders by name. STUB: issue 3 fills the maps. */
public final class Validators {
  private static final Map<String, Validator> VALIDATORS = Map.of();
  private static final Map<String, MatchFinder> FINDERS = Map.of();

  private Validators() {}

  public static Validator validator(String name) {
    Validator v = VALIDATORS.get(name);
    if (v == null) {
      throw TrawlErrors.unknownIdentifier("validator", name, "known: " + VALIDATORS.keySet());
    }
    return v;
  }

  public static MatchFinder finder(String name) {
    MatchFinder f = FINDERS.get(name);
    if (f == null) {
      throw TrawlErrors.unknownIdentifier("finder", name, "known: " + FINDERS.keySet());
    }
    return f;
  }
}
