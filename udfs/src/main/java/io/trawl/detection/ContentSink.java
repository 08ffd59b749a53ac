package io.trawl.detection;

import java.util.List;

/**
 * What extraction hands to detection: the text of an object with its structure, streamed. The
 * structure decides where keywords count (Macie 1.1): anywhere within 30 characters in text; also
 * in the column name for cells; also in any element name of the path for records.
 *
 * <p>Calls arrive in document order. Implementations must not keep references to the {@code
 * CharSequence} arguments after returning (extractors reuse buffers).
 */
public interface ContentSink {

  /**
   * A block of unstructured text made of complete lines; its first line is {@code firstLine}
   * (1-based, counted from the start of the file). Large files arrive as several blocks.
   */
  void text(CharSequence block, long firstLine);

  /**
   * One cell of a table (CSV, TSV, Excel). Row and column are 1-based and the header row counts as
   * row 1; {@code columnName} is the header of the column or null; {@code cellReference} is like
   * {@code Sheet2!C5} for workbooks and null for CSV/TSV.
   */
  void cell(CharSequence value, long row, long column, String columnName, String cellReference);

  /**
   * One scalar value in a record (JSON, JSON Lines, Parquet, Avro). {@code jsonPath} is Macie's
   * path ({@code $.a.b[2].c}, already truncated by Macie's rules); {@code pathElementNames} are the
   * element names on the path (no array indices), each of which acts as a keyword.
   */
  void record(CharSequence value, long recordIndex, String jsonPath, List<String> pathElementNames);

  /** The text of one PDF page (1-based). */
  void page(CharSequence text, long pageNumber);

  /**
   * Start of a file inside an archive or email; occurrences until {@link #endEmbedded} carry it.
   */
  void beginEmbedded(String path);

  /** End of the innermost embedded file. */
  void endEmbedded();
}
