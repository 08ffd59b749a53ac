package io.trawl.extraction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trawl.detection.ContentSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.StringReader;

/**
 * JSON and JSON Lines with Jackson's streaming parser: every scalar goes out as a record with its
 * JSONPath and the element names on its path; every field name goes out once more as a record with
 * a null path, so a detection in a name has no JSONPath (Macie's rule).
 *
 * <p>Malformed input: a JSON file of up to {@link #VALIDATE_BYTES} is checked before anything is
 * delivered and, when malformed, analysed as text lines like Macie does (COMPLETE); a larger file
 * is streamed and ends UNABLE_TO_PARSE_FILE where it breaks (PARTIAL if records were delivered). In
 * JSON Lines each line stands alone: a malformed line is analysed as a text line. Nesting deeper
 * than the limit ends the file with JSON_NESTING_LEVEL_OVER_LIMIT.
 */
final class JsonExtractor {
  /** JSON files up to this size are validated first; larger ones are streamed once. */
  static final int VALIDATE_BYTES = 8 * 1024 * 1024;

  /** JSON Lines lines longer than this are analysed as text in pieces. */
  static final int MAX_LINE_CHARS = 16 * 1024 * 1024;

  private JsonExtractor() {}

  static void json(InputStream in, TextEncoding encoding, long knownSize, Extraction x)
      throws IOException {
    JsonFactory factory = x.tools.jsonFactory();
    int maxDepth = x.limits.maxJsonNesting();
    if (knownSize < 0 || knownSize <= VALIDATE_BYTES) {
      byte[] head = in.readNBytes(VALIDATE_BYTES + 1);
      if (head.length <= VALIDATE_BYTES) {
        Check check = check(factory, encoding.reader(new ByteArrayInputStream(head)), maxDepth);
        if (check == Check.TOO_DEEP) {
          throw ExtractionStop.file(StatusReason.JSON_NESTING_LEVEL_OVER_LIMIT, null);
        }
        if (check == Check.MALFORMED) {
          TextExtractor.extract(encoding.reader(new ByteArrayInputStream(head)), x.sink);
          return;
        }
        try (JsonParser parser =
            factory.createParser(encoding.reader(new ByteArrayInputStream(head)))) {
          walk(parser, 0, maxDepth, x.sink);
        }
        return;
      }
      in = new SequenceInputStream(new ByteArrayInputStream(head), in);
    }
    try (JsonParser parser = factory.createParser(encoding.reader(in))) {
      walk(parser, 0, maxDepth, x.sink);
    } catch (JsonProcessingException e) {
      throw ExtractionStop.file(StatusReason.UNABLE_TO_PARSE_FILE, "malformed JSON");
    }
  }

  static void jsonLines(Reader reader, Extraction x) throws IOException {
    JsonFactory factory = x.tools.jsonFactory();
    int maxDepth = x.limits.maxJsonNesting();
    Lines lines = new Lines(reader);
    StringBuilder line = new StringBuilder();
    long index = 0;
    while (lines.next(line, index, x)) {
      if (!line.toString().isBlank()) {
        String text = line.toString();
        Check check = check(factory, new StringReader(text), maxDepth);
        if (check == Check.TOO_DEEP) {
          throw ExtractionStop.file(StatusReason.JSON_NESTING_LEVEL_OVER_LIMIT, "line " + index);
        }
        if (check == Check.OK) {
          try (JsonParser parser = factory.createParser(text)) {
            walk(parser, index, maxDepth, x.sink);
          }
        } else {
          // A malformed line is analysed as text, at its own line number.
          x.sink.text(text, index + 1);
        }
      }
      index++;
    }
  }

  /**
   * Lines of a reader without BufferedReader's per-character lock. A line longer than {@link
   * #MAX_LINE_CHARS} cannot be one reasonable record: it is delivered as text pieces carrying its
   * line number (bounded memory) and comes back empty.
   */
  private static final class Lines {
    private final Reader in;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int limit;
    private boolean pendingCr;

    Lines(Reader in) {
      this.in = in;
    }

    /** Reads the next line into {@code line}; false at the end of input. */
    boolean next(StringBuilder line, long index, Extraction x) throws IOException {
      line.setLength(0);
      boolean any = false;
      boolean overlong = false;
      while (true) {
        if (pos == limit) {
          limit = Math.max(in.read(buf, 0, buf.length), 0);
          pos = 0;
          if (limit == 0) {
            break;
          }
        }
        if (pendingCr) {
          pendingCr = false;
          if (buf[pos] == '\n') {
            pos++;
            continue;
          }
        }
        int start = pos;
        while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') {
          pos++;
        }
        line.append(buf, start, pos - start);
        any = true;
        if (line.length() >= MAX_LINE_CHARS) {
          x.sink.text(line, index + 1);
          line.setLength(0);
          overlong = true;
        }
        if (pos < limit) {
          pendingCr = buf[pos] == '\r';
          pos++;
          break;
        }
      }
      if (overlong) {
        if (line.length() > 0) {
          x.sink.text(line, index + 1);
        }
        line.setLength(0);
      }
      return any;
    }
  }

  private enum Check {
    OK,
    MALFORMED,
    TOO_DEEP
  }

  private static Check check(JsonFactory factory, Reader reader, int maxDepth) throws IOException {
    try (JsonParser parser = factory.createParser(reader)) {
      int depth = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token.isStructStart()) {
          if (++depth > maxDepth) {
            return Check.TOO_DEEP;
          }
        } else if (token.isStructEnd()) {
          depth--;
        }
      }
      return Check.OK;
    } catch (JsonProcessingException e) {
      return Check.MALFORMED;
    }
  }

  /** Streams every scalar and field name of the document(s) in {@code parser}. */
  private static void walk(JsonParser parser, long recordIndex, int maxDepth, ContentSink sink)
      throws IOException {
    JsonPaths path = new JsonPaths();
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      switch (token) {
        case START_OBJECT, START_ARRAY -> {
          path.valueStarts();
          if (path.depth() + 1 > maxDepth) {
            throw ExtractionStop.file(StatusReason.JSON_NESTING_LEVEL_OVER_LIMIT, null);
          }
          if (token == JsonToken.START_OBJECT) {
            path.pushObject();
          } else {
            path.pushArray();
          }
        }
        case END_OBJECT, END_ARRAY -> path.pop();
        case FIELD_NAME -> {
          String name = parser.currentName();
          path.field(name);
          sink.record(name, recordIndex, null, path.parentNames());
        }
        case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          path.valueStarts();
          sink.record(parser.getText(), recordIndex, path.path(), path.names());
        }
        default -> path.valueStarts(); // true, false, null: nothing to analyse
      }
    }
  }
}
