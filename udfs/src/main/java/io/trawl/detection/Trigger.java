package io.trawl.detection;

/**
 * The cheap shape prefilter of a managed identifier that needs no keyword: where the engine runs
 * the identifier's regex when no keyword or anchor narrows the search.
 */
public enum Trigger {
  /** No shape prefilter: the identifier relies on keywords, anchors or a finder. */
  NONE,
  /** Windows around runs of digits (with space, '-', '.', '/' separators) of enough digits. */
  DIGITS,
  /** Windows around an IBAN shape: two upper-case letters followed by two digits. */
  IBAN,
  /**
   * Windows around digit runs shaped like an IP address: three '.' separators (an IPv4 dotted quad)
   * or a group of four digits next to ':' (an IPv6 group), with at least {@code triggerMinDigits}
   * digits.
   */
  IP,
  /** The regex scans the whole text (last resort). */
  FULL
}
