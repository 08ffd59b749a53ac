package io.trawl.extraction.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link SampleDocument} in any {@link SampleFormat}: the entry point for generating a
 * sample estate. Layouts: PDF pages and PowerPoint slides hold {@link #LINES_PER_PAGE} lines each;
 * spreadsheets hold the table on a sheet named {@code Data} after a {@code Summary} sheet with the
 * title; archives hold the lines as {@code notes.txt} and the table as {@code data/table.csv}; an
 * email has the lines as its body and the table attached as {@code table.csv}.
 */
public final class Samples {
  /** Lines per PDF page and per slide. */
  public static final int LINES_PER_PAGE = 20;

  private Samples() {}

  public static byte[] render(SampleFormat format, SampleDocument doc) {
    return switch (format) {
      case TXT -> TextSamples.text(doc.lines());
      case LOG -> TextSamples.log(doc.lines());
      case CSV -> TextSamples.csv(doc.table());
      case TSV -> TextSamples.tsv(doc.table());
      case JSON -> TextSamples.json(doc.title(), doc.table());
      case JSONL -> TextSamples.jsonLines(doc.table());
      case XML -> TextSamples.xml(doc.table());
      case HTML -> TextSamples.html(doc.title(), doc.lines());
      case YAML -> TextSamples.yaml(doc.table());
      case PARQUET -> ColumnarSamples.parquet(doc.table());
      case AVRO -> ColumnarSamples.avro(doc.table());
      case PDF -> DocumentSamples.pdf(pages(doc.lines()));
      case DOCX -> DocumentSamples.docx(doc.title(), doc.lines());
      case XLSX -> DocumentSamples.xlsx(sheets(doc));
      case XLS -> DocumentSamples.xls(sheets(doc));
      case PPTX -> DocumentSamples.pptx(pages(doc.lines()));
      case PPT -> DocumentSamples.ppt(pages(doc.lines()));
      case EML ->
          EmailSamples.eml(
              "Records Team <records@example.com>",
              "Auditor <auditor@example.org>",
              doc.title(),
              doc.lines(),
              Map.of("table.csv", TextSamples.csv(doc.table())));
      case ZIP -> ArchiveSamples.zip(entries(doc));
      case TAR -> ArchiveSamples.tar(entries(doc));
      case TAR_GZ -> ArchiveSamples.tarGz(entries(doc));
      case GZ -> ArchiveSamples.gzip("table.csv", TextSamples.csv(doc.table()));
    };
  }

  private static Map<String, byte[]> entries(SampleDocument doc) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("notes.txt", TextSamples.text(doc.lines()));
    entries.put("data/table.csv", TextSamples.csv(doc.table()));
    return entries;
  }

  private static Map<String, SampleTable> sheets(SampleDocument doc) {
    Map<String, SampleTable> sheets = new LinkedHashMap<>();
    sheets.put("Summary", SampleTable.of(List.of("Title"), new String[] {doc.title()}));
    sheets.put("Data", doc.table());
    return sheets;
  }

  /** Splits lines into pages of {@link #LINES_PER_PAGE}. */
  public static List<List<String>> pages(List<String> lines) {
    List<List<String>> pages = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += LINES_PER_PAGE) {
      pages.add(lines.subList(i, Math.min(lines.size(), i + LINES_PER_PAGE)));
    }
    if (pages.isEmpty()) {
      pages.add(List.of());
    }
    return pages;
  }
}
