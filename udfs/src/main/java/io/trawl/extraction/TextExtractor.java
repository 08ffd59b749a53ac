package io.trawl.extraction;

import io.trawl.detection.ContentSink;
import java.io.IOException;
import java.io.Reader;

/** Non-binary text (txt, log, md, yaml, xml, html, ...): the raw file as numbered line blocks. */
final class TextExtractor {
  private TextExtractor() {}

  static void extract(Reader reader, ContentSink sink) throws IOException {
    LineBlocks lines = new LineBlocks(sink);
    char[] buf = new char[64 * 1024];
    int n;
    while ((n = reader.read(buf, 0, buf.length)) > 0) {
      lines.append(buf, 0, n);
    }
    lines.flush();
  }
}
