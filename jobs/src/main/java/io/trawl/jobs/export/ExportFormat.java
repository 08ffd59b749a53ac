package io.trawl.jobs.export;

import io.trawl.TrawlErrors;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@code trawl export} writes, and the file layout each consumer expects. */
public enum ExportFormat {
  /** Macie's finding JSON as GetFindings returns it: JSON Lines, one finding per line. */
  MACIE("macie"),
  /** EventBridge events (the finding in {@code detail}): JSON Lines, one event per line. */
  EVENTBRIDGE("eventbridge"),
  /**
   * Security Hub ASFF: JSON Lines, each line one {@code BatchImportFindings} request body {@code
   * {"Findings": [...]}} of at most 100 findings.
   */
  ASFF("asff"),
  /** OCSF 1.4.0 Data Security Finding (class 2006): JSON Lines, one event per line. */
  OCSF("ocsf"),
  /** CSV for spreadsheets (RFC 4180, CRLF, header row). */
  CSV("csv");

  private final String cliName;

  ExportFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line. */
  public String cliName() {
    return cliName;
  }

  /** Parses a command-line name (case-insensitive). */
  public static ExportFormat parse(String name) {
    for (ExportFormat f : values()) {
      if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw TrawlErrors.invalidArgument(
        "--format must be one of %s, not %s",
        Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining(", ")), name);
  }
}
