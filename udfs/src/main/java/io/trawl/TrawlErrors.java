package io.trawl;

/**
 * The one place user-facing errors are made. Each message says what is wrong, where, and how to fix
 * it, in one line.
 */
public final class TrawlErrors {
  private TrawlErrors() {}

  public static TrawlException invalidArgument(String format, Object... args) {
    return new TrawlException(
        TrawlException.Code.INVALID_ARGUMENT, String.format(format, args), null);
  }

  public static TrawlException invalidJson(String source, String problem, Throwable cause) {
    return new TrawlException(
        TrawlException.Code.INVALID_JSON, String.format("%s: %s", source, problem), cause);
  }

  public static TrawlException invalidDataIdentifier(String name, String format, Object... args) {
    return new TrawlException(
        TrawlException.Code.INVALID_DATA_IDENTIFIER,
        String.format("custom data identifier '%s': %s", name, String.format(format, args)),
        null);
  }

  /** A managed identifier catalog entry (or the catalog file itself) is invalid. */
  public static TrawlException invalidManagedIdentifier(
      String source, String id, String format, Object... args) {
    return new TrawlException(
        TrawlException.Code.INVALID_DATA_IDENTIFIER,
        String.format(
            "managed data identifier catalog %s%s: %s",
            source, id == null ? "" : ", identifier '" + id + "'", String.format(format, args)),
        null);
  }

  /** An allow list is invalid. */
  public static TrawlException invalidAllowList(String name, String format, Object... args) {
    return new TrawlException(
        TrawlException.Code.INVALID_ARGUMENT,
        String.format("allow list '%s': %s", name, String.format(format, args)),
        null);
  }

  public static TrawlException unknownIdentifier(String kind, String id, String hint) {
    return new TrawlException(
        TrawlException.Code.UNKNOWN_IDENTIFIER,
        String.format("unknown %s '%s'%s", kind, id, hint == null ? "" : "; " + hint),
        null);
  }

  public static TrawlException unreadableEstate(String uri, Throwable cause) {
    return new TrawlException(
        TrawlException.Code.UNREADABLE_ESTATE,
        String.format(
            "cannot read estate %s: %s", uri, cause == null ? "not found" : cause.getMessage()),
        cause);
  }

  /** Access logs (server access logs or CloudTrail files) that cannot be found or listed. */
  public static TrawlException unreadableAccessLogs(String uri, Throwable cause) {
    return new TrawlException(
        TrawlException.Code.UNREADABLE_ESTATE,
        String.format(
            "cannot read access logs %s: %s; give a folder, file or glob of server access logs"
                + " (--server-logs) or CloudTrail files (--cloudtrail)",
            uri, cause == null ? "no such file or folder" : cause.getMessage()),
        cause);
  }

  public static TrawlException catalogError(String table, String problem, Throwable cause) {
    return new TrawlException(
        TrawlException.Code.CATALOG_ERROR,
        String.format("catalog table %s: %s", table, problem),
        cause);
  }

  /**
   * Another writer kept committing to {@code table} while a run tried to replace its rows: the run
   * id was not written (nothing half-written either) and rerunning it is safe.
   */
  public static TrawlException concurrentWrite(
      String table, String column, String value, int attempts, Throwable cause) {
    return new TrawlException(
        TrawlException.Code.CATALOG_ERROR,
        String.format(
            "catalog table %s: another job committed to the table at the same time %d times in a"
                + " row, so the rows of %s %s were not written; rerun it (rerunning replaces, never"
                + " duplicates). Concurrent writers must share one Delta log protocol: on S3 from"
                + " several clusters use the DynamoDB LogStore (docs/operations.md)",
            table, attempts, column, value),
        cause);
  }

  public static TrawlException jobFailed(String job, String problem, Throwable cause) {
    return new TrawlException(
        TrawlException.Code.JOB_FAILED, String.format("%s failed: %s", job, problem), cause);
  }

  /** A Macie findings filter (CreateFindingsFilter JSON) is invalid. */
  public static TrawlException invalidFindingsFilter(String source, String format, Object... args) {
    return new TrawlException(
        TrawlException.Code.INVALID_JSON,
        String.format("findings filter %s: %s", source, String.format(format, args)),
        null);
  }
}
