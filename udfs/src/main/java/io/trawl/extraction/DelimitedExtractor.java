package io.trawl.extraction;

import io.trawl.detection.ContentSink;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV and TSV, streamed cell by cell. The first record is the header: its raw text goes out as text
 * line 1 (so sensitive data in a column name is reported as a line range, like Macie), and its
 * values name the columns of later cells. Rows count records from 1 (the header), so a quoted value
 * spanning lines stays in one row. RFC 4180 quoting with doubled quotes; stray quotes inside an
 * unquoted value are kept as text. Memory is bounded: the header keeps at most {@link
 * #MAX_HEADER_CHARS} characters, and a cell longer than {@link LineBlocks#BLOCK_CHARS} goes out in
 * pieces with the same row and column.
 */
final class DelimitedExtractor {
  static final int MAX_HEADER_CHARS = 16 * 1024 * 1024;
  private static final int MAX_COLUMN_NAME_CHARS = 1024;

  private DelimitedExtractor() {}

  static void extract(Reader reader, char separator, ContentSink sink) throws IOException {
    new Parser(reader, separator, sink).run();
  }

  private static final class Parser {
    private final Reader reader;
    private final char separator;
    private final ContentSink sink;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int limit;
    private final StringBuilder cell = new StringBuilder();
    private final StringBuilder headerLine = new StringBuilder();
    private final List<String> columnNames = new ArrayList<>();
    private long row = 1;
    private long column = 1;
    private boolean cellHasContent;

    Parser(Reader reader, char separator, ContentSink sink) {
      this.reader = reader;
      this.separator = separator;
      this.sink = sink;
    }

    private int next() throws IOException {
      if (pos == limit) {
        limit = reader.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return -1;
        }
      }
      char c = buf[pos++];
      if (row == 1 && headerLine.length() < MAX_HEADER_CHARS) {
        headerLine.append(c);
      }
      return c;
    }

    private void unread() {
      pos--;
      if (row == 1 && headerLine.length() > 0 && headerLine.length() < MAX_HEADER_CHARS) {
        headerLine.setLength(headerLine.length() - 1);
      }
    }

    void run() throws IOException {
      int c;
      boolean any = false;
      while ((c = next()) >= 0) {
        any = true;
        if (c == '"' && cell.length() == 0 && !cellHasContent) {
          quoted();
          continue;
        }
        if (c == separator) {
          endCell();
        } else if (c == '\n' || c == '\r') {
          if (c == '\r') {
            int d = next();
            if (d >= 0 && d != '\n') {
              unread();
            }
          }
          endRecord();
          any = false;
        } else {
          append((char) c);
        }
      }
      if (any) {
        endRecord();
      }
    }

    private void quoted() throws IOException {
      cellHasContent = true;
      int c;
      while ((c = next()) >= 0) {
        if (c == '"') {
          int d = next();
          if (d == '"') {
            append('"');
            continue;
          }
          if (d >= 0) {
            unread();
          }
          return;
        }
        append((char) c);
      }
    }

    private void append(char c) {
      if (row == 1 && cell.length() >= MAX_COLUMN_NAME_CHARS) {
        return; // a column name only needs its start; the header's text goes out as line 1
      }
      cell.append(c);
      if (row > 1 && cell.length() >= LineBlocks.BLOCK_CHARS) {
        emit();
      }
    }

    private void emit() {
      if (cell.length() > 0) {
        sink.cell(cell, row, column, columnName(column), null);
        cell.setLength(0);
      }
    }

    private void endCell() {
      if (row == 1) {
        columnNames.add(cell.toString());
        cell.setLength(0);
      } else {
        emit();
      }
      cellHasContent = false;
      column++;
    }

    private void endRecord() {
      endCell();
      if (row == 1) {
        int len = headerLine.length();
        while (len > 0
            && (headerLine.charAt(len - 1) == '\n' || headerLine.charAt(len - 1) == '\r')) {
          len--;
        }
        headerLine.setLength(len);
        if (len > 0) {
          // The header's raw text, as one or more lines if quoted names hold line breaks.
          LineBlocks lines = new LineBlocks(sink);
          lines.append(headerLine);
          lines.flush();
        }
        headerLine.setLength(0);
        headerLine.trimToSize();
      }
      row++;
      column = 1;
    }

    private String columnName(long col) {
      if (col - 1 < columnNames.size()) {
        String name = columnNames.get((int) (col - 1));
        return name.isEmpty() ? null : name;
      }
      return null;
    }
  }
}
