package io.trawl.detection;

import java.io.Serializable;

/**
 * A check a match must pass before it counts (Luhn, mod-97, check digits, issuance rules). One
 * class per validator, registered by name in {@link Validators}.
 */
public interface Validator extends Serializable {

  /** The name identifiers use in the catalog, e.g. {@code LUHN}. */
  String name();

  /** True if {@code match} (the matched text, separators included) passes the check. */
  boolean isValid(CharSequence match);
}
