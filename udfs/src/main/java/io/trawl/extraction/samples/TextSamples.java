package io.trawl.extraction.samples;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writers for the non-binary text formats: txt, log, csv, tsv, json, jsonl, xml, html and yaml, all
 * UTF-8. Layouts are documented per method so tests know where each value lands.
 */
public final class TextSamples {
  private static final JsonFactory JSON = new JsonFactory();

  private TextSamples() {}

  /** The lines joined with LF, with a final LF. Line i of the list is line i+1 of the file. */
  public static byte[] text(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(line).append('\n');
    }
    return utf8(sb);
  }

  /** An application log: each line prefixed with a timestamp and level. */
  public static byte[] log(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    int second = 0;
    for (String line : lines) {
      sb.append(String.format("2024-05-01T12:%02d:%02dZ INFO  app - ", second / 60, second % 60));
      sb.append(line).append('\n');
      second += 7;
    }
    return utf8(sb);
  }

  /** RFC 4180 CSV: header then rows, values quoted when they hold a comma, quote or line break. */
  public static byte[] csv(SampleTable table) {
    return delimited(table, ',');
  }

  /** TSV: like {@link #csv} with tabs. */
  public static byte[] tsv(SampleTable table) {
    return delimited(table, '\t');
  }

  private static byte[] delimited(SampleTable table, char separator) {
    StringBuilder sb = new StringBuilder();
    row(sb, table.header(), separator);
    for (List<String> r : table.rows()) {
      row(sb, r, separator);
    }
    return utf8(sb);
  }

  private static void row(StringBuilder sb, List<String> values, char separator) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(separator);
      }
      String v = values.get(i);
      if (v.indexOf(separator) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
        sb.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(v);
      }
    }
    sb.append("\r\n");
  }

  /**
   * A JSON document {@code {"title": ..., "records": [{header: value, ...}, ...]}}, pretty-printed,
   * so row i's column c is at {@code $.records[i].c}.
   */
  public static byte[] json(String title, SampleTable table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("title", title);
      g.writeArrayFieldStart("records");
      for (List<String> r : table.rows()) {
        writeObject(g, table.header(), r);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** JSON Lines: one object per row, so row i is record (line) index i. */
  public static byte[] jsonLines(SampleTable table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (List<String> r : table.rows()) {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
          g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
          writeObject(g, table.header(), r);
        }
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeObject(JsonGenerator g, List<String> header, List<String> row)
      throws IOException {
    g.writeStartObject();
    for (int i = 0; i < header.size(); i++) {
      g.writeStringField(header.get(i), row.get(i));
    }
    g.writeEndObject();
  }

  /**
   * XML: a declaration (line 1), {@code <records>} (line 2), then one line per row {@code
   * <record><col>value</col>...</record>}: row i is on line i+3.
   */
  public static byte[] xml(SampleTable table) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records>\n");
    for (List<String> r : table.rows()) {
      sb.append("  <record>");
      for (int i = 0; i < r.size(); i++) {
        String tag = table.header().get(i).replaceAll("[^A-Za-z0-9_]", "_");
        sb.append('<')
            .append(tag)
            .append('>')
            .append(escape(r.get(i)))
            .append("</")
            .append(tag)
            .append('>');
      }
      sb.append("</record>\n");
    }
    sb.append("</records>\n");
    return utf8(sb);
  }

  /**
   * HTML: six lines of head ({@code <!DOCTYPE>} .. {@code <body>}, the title on line 4), then
   * {@code <p>} per text line: text line i is on file line i+7.
   */
  public static byte[] html(String title, List<String> lines) {
    StringBuilder sb =
        new StringBuilder("<!DOCTYPE html>\n<html>\n<head>\n<title>")
            .append(escape(title))
            .append("</title>\n<meta charset=\"utf-8\">\n</head>\n<body>\n");
    for (String line : lines) {
      sb.append("<p>").append(escape(line)).append("</p>\n");
    }
    sb.append("</body>\n</html>\n");
    return utf8(sb);
  }

  /**
   * YAML: {@code records:} (line 1), then per row a list item with one {@code key: "value"} line
   * per column: row i, column c (0-based) is on line {@code 2 + i * columns + c}.
   */
  public static byte[] yaml(SampleTable table) {
    StringBuilder sb = new StringBuilder("records:\n");
    for (List<String> r : table.rows()) {
      for (int i = 0; i < r.size(); i++) {
        sb.append(i == 0 ? "  - " : "    ")
            .append(table.header().get(i))
            .append(": \"")
            .append(r.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
            .append("\"\n");
      }
    }
    return utf8(sb);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static byte[] utf8(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
