package io.trawl.detection;

/**
 * Where an occurrence is, in Macie's occurrence shapes ({@code reference/macie.md} 5.3). Exactly
 * one kind per occurrence: {@code lineRanges}, {@code cells}, {@code records} or {@code pages}.
 */
public sealed interface Location
    permits Location.LineRange, Location.Cell, Location.RecordPath, Location.Page {

  /**
   * Lines from the start of the file (1-based) to the start and end of the data, and the 1-based
   * column of its first character on the start line.
   */
  record LineRange(long start, long end, long startColumn) implements Location {}

  /**
   * A cell: 1-based row (a header row counts as row 1) and column (1 = A); {@code columnName} when
   * known; {@code cellReference} like {@code Sheet2!C5} for workbooks and null for CSV/TSV.
   */
  record Cell(long row, long column, String columnName, String cellReference) implements Location {}

  /**
   * A record: 0-based record index (always 0 for JSON, the line for JSON Lines) and the JSONPath of
   * the field, or null when the sensitive data was in an element name.
   */
  record RecordPath(long recordIndex, String jsonPath) implements Location {}

  /** A PDF page, 1-based. */
  record Page(long pageNumber) implements Location {}
}
