package io.trawl.extraction;

import io.trawl.detection.ContentSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ContentSink} that copies everything it receives, with the embedded path current at the
 * time, and can say where a string was delivered in Macie's location terms.
 */
final class RecordingSink implements ContentSink {
  /** One delivery. Exactly one of the location groups is set, by {@code kind}. */
  record Event(
      String kind,
      String value,
      long line,
      long row,
      long column,
      String columnName,
      String cellReference,
      long recordIndex,
      String jsonPath,
      List<String> names,
      long page,
      String embeddedPath) {}

  /** A text location: 1-based line and column of the first character. */
  record LinePosition(long line, long column, String embeddedPath) {}

  final List<Event> events = new ArrayList<>();
  final List<String> embeddedCalls = new ArrayList<>();
  private final Deque<String> embedded = new ArrayDeque<>();
  long textChars;
  int maxBlockChars;

  private String current() {
    return embedded.peek();
  }

  @Override
  public void text(CharSequence block, long firstLine) {
    maxBlockChars = Math.max(maxBlockChars, block.length());
    textChars += block.length();
    events.add(
        new Event(
            "text", block.toString(), firstLine, 0, 0, null, null, 0, null, null, 0, current()));
  }

  @Override
  public void cell(
      CharSequence value, long row, long column, String columnName, String cellReference) {
    events.add(
        new Event(
            "cell",
            value.toString(),
            0,
            row,
            column,
            columnName,
            cellReference,
            0,
            null,
            null,
            0,
            current()));
  }

  @Override
  public void record(
      CharSequence value, long recordIndex, String jsonPath, List<String> pathElementNames) {
    events.add(
        new Event(
            "record",
            value.toString(),
            0,
            0,
            0,
            null,
            null,
            recordIndex,
            jsonPath,
            List.copyOf(pathElementNames),
            0,
            current()));
  }

  @Override
  public void page(CharSequence text, long pageNumber) {
    events.add(
        new Event(
            "page", text.toString(), 0, 0, 0, null, null, 0, null, null, pageNumber, current()));
  }

  @Override
  public void beginEmbedded(String path) {
    embedded.push(path);
    embeddedCalls.add("begin " + path);
  }

  @Override
  public void endEmbedded() {
    embeddedCalls.add("end " + embedded.pop());
  }

  int openEmbedded() {
    return embedded.size();
  }

  /** The first event of {@code kind} whose value contains {@code needle}. */
  Optional<Event> find(String kind, String needle) {
    return events.stream()
        .filter(e -> e.kind().equals(kind) && e.value().contains(needle))
        .findFirst();
  }

  /** Where {@code needle} first appears in delivered text blocks. */
  Optional<LinePosition> lineOf(String needle) {
    for (Event e : events) {
      if (!e.kind().equals("text")) {
        continue;
      }
      int at = e.value().indexOf(needle);
      if (at >= 0) {
        String before = e.value().substring(0, at);
        long newlines = before.chars().filter(c -> c == '\n').count();
        int lineStart = before.lastIndexOf('\n') + 1;
        return Optional.of(
            new LinePosition(e.line() + newlines, at - lineStart + 1, e.embeddedPath()));
      }
    }
    return Optional.empty();
  }

  String allText() {
    StringBuilder sb = new StringBuilder();
    for (Event e : events) {
      sb.append(e.value()).append('\n');
    }
    return sb.toString();
  }
}
