package io.trawl.extraction.samples;

import java.util.List;

/**
 * Content to render in any {@link SampleFormat}: a title, free-text lines (for text, PDF, Word,
 * PowerPoint, HTML, email bodies) and a table (for CSV, TSV, spreadsheets, JSON, Parquet, Avro).
 */
public record SampleDocument(String title, List<String> lines, SampleTable table) {
  public SampleDocument {
    lines = List.copyOf(lines);
  }
}
