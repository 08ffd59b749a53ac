package io.trawl.extraction.samples;

import java.util.List;

/**
 * A table to render as CSV, TSV, a spreadsheet sheet, JSON records, Parquet or Avro: a header row
 * and data rows (each as long as the header).
 */
public record SampleTable(List<String> header, List<List<String>> rows) {
  public SampleTable {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "row has " + row.size() + " values for " + header.size() + " columns");
      }
    }
  }

  /** A table from a header and rows given as arrays. */
  public static SampleTable of(List<String> header, String[]... rows) {
    return new SampleTable(header, java.util.Arrays.stream(rows).map(List::of).toList());
  }
}
