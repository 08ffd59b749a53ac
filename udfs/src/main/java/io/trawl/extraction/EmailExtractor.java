package io.trawl.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Email messages (eml), streamed with mime4j. Header fields (decoded) and inline text bodies go out
 * as text lines numbered continuously through the message; each attachment, or any non-text part,
 * is extracted by its own type between {@code beginEmbedded(name)} and {@code endEmbedded()}, like
 * a file in an archive.
 */
final class EmailExtractor {
  private EmailExtractor() {}

  static void extract(InputStream in, String path, int depth, Extraction x) throws IOException {
    LineBlocks lines = new LineBlocks(x.sink);
    MimeStreamParser parser =
        new MimeStreamParser(
            MimeConfig.PERMISSIVE, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
    parser.setContentDecoding(true);
    parser.setContentHandler(new Handler(lines, path, depth, x));
    try {
      parser.parse(in);
    } catch (MimeException e) {
      throw ExtractionStop.file(StatusReason.MALFORMED_FILE, "malformed email");
    }
    lines.flush();
    x.filesAnalysed++;
  }

  private static final class Handler extends AbstractContentHandler {
    private final LineBlocks lines;
    private final String path;
    private final int depth;
    private final Extraction x;
    private int parts;

    Handler(LineBlocks lines, String path, int depth, Extraction x) {
      this.lines = lines;
      this.path = path;
      this.depth = depth;
      this.x = x;
    }

    @Override
    public void field(Field field) {
      String value = DecoderUtil.decodeEncodedWords(field.getBody(), DecodeMonitor.SILENT);
      lines.line(field.getName() + ": " + value.replace("\r\n", " ").replace('\n', ' '));
      x.classifiedBytes += field.getName().length() + 2 + value.length();
    }

    @Override
    public void body(BodyDescriptor bd, InputStream is) throws IOException {
      parts++;
      String filename = null;
      boolean attachment = false;
      if (bd instanceof MaximalBodyDescriptor m) {
        filename = m.getContentDispositionFilename();
        if (filename == null) {
          filename = m.getContentTypeParameters().get("name");
        }
        attachment = "attachment".equalsIgnoreCase(m.getContentDispositionType());
      }
      String mime =
          bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
      if (filename == null && !attachment && mime.startsWith("text/")) {
        BudgetedStream counted = new BudgetedStream(is, x.deadline, false);
        Reader reader = new InputStreamReader(counted, charset(bd.getCharset()));
        char[] buf = new char[16 * 1024];
        int n;
        while ((n = reader.read(buf)) > 0) {
          lines.append(buf, 0, n);
        }
        lines.line("");
        x.classifiedBytes += counted.count();
        return;
      }
      String name =
          filename != null
              ? DecoderUtil.decodeEncodedWords(filename, DecodeMonitor.SILENT)
              : "part-" + parts;
      name = name.substring(name.lastIndexOf('/') + 1);
      lines.flush(); // keep document order: the message's text so far, then the attachment
      x.extractEmbedded(is, name, Extraction.join(path, name), -1, depth);
    }

    private static Charset charset(String name) {
      try {
        return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
      } catch (RuntimeException e) {
        return StandardCharsets.ISO_8859_1;
      }
    }
  }
}
