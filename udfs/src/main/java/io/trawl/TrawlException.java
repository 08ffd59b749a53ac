package io.trawl;

/**
 * A user-facing error: bad input, an unreadable estate, an unknown identifier. Built only by {@link
 * TrawlErrors}; the CLI turns {@link #code()} into its exit code and prints {@link #getMessage()}
 * as a one-line reason. Messages never contain raw sensitive values.
 */
public class TrawlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem this is; each kind has its own process exit code. */
  public enum Code {
    INVALID_ARGUMENT(2),
    INVALID_JSON(3),
    INVALID_DATA_IDENTIFIER(4),
    UNKNOWN_IDENTIFIER(5),
    UNREADABLE_ESTATE(6),
    CATALOG_ERROR(7),
    JOB_FAILED(8);

    private final int exitCode;

    Code(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Code code;

  TrawlException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
