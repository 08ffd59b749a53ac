package io.trawl.extraction;

import java.io.InputStream;
import java.io.Writer;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Word, PowerPoint and Excel files. They need random access (zip package or OLE2 container), so the
 * file is spooled locally (within the 512 MB quota). Office Open XML packages pass the {@link
 * OoxmlGuard} first. Word and PowerPoint text comes from Tika as numbered text lines; Excel goes to
 * {@link ExcelExtractor} for cells. All parses run under the watchdog. An OLE2 file without a
 * telling extension is identified by Tika's container detector; an encrypted Office file is
 * UNABLE_TO_PARSE_FILE.
 */
final class OfficeExtractor {
  private OfficeExtractor() {}

  static void extract(InputStream in, FileKind kind, Extraction x) throws Exception {
    try (Spool spool = Spool.of(in, ".office")) {
      FileKind route = kind == FileKind.OLE2 ? ole2Kind(spool, x) : kind;
      if (route.isOoxml()) {
        OoxmlGuard.check(spool.path(), x.limits);
      }
      x.tools
          .watchdog()
          .run(
              () -> {
                if (route == FileKind.EXCEL) {
                  ExcelExtractor.xlsx(spool.path(), x.sink);
                } else if (route == FileKind.EXCEL_OLE2) {
                  ExcelExtractor.xls(spool.path(), x.sink);
                } else {
                  text(spool, x);
                }
                return null;
              },
              x.deadline);
    }
  }

  private static FileKind ole2Kind(Spool spool, Extraction x) throws Exception {
    MediaType type;
    try (TikaInputStream tis = TikaInputStream.get(spool.path())) {
      type = x.tools.tikaDetector().detect(tis, new Metadata());
    }
    String base = type.getBaseType().toString();
    if (base.equals("application/x-tika-ooxml-protected")) {
      throw ExtractionStop.file(StatusReason.UNABLE_TO_PARSE_FILE, "encrypted Office file");
    }
    if (base.equals("application/msword")) {
      return FileKind.WORD_OLE2;
    }
    if (base.equals("application/vnd.ms-excel")) {
      return FileKind.EXCEL_OLE2;
    }
    if (base.equals("application/vnd.ms-powerpoint")) {
      return FileKind.POWERPOINT_OLE2;
    }
    throw ExtractionStop.file(StatusReason.UNSUPPORTED_FILE_TYPE_EXCEPTION, base);
  }

  private static void text(Spool spool, Extraction x) throws Exception {
    LineBlocks lines = new LineBlocks(x.sink);
    Writer writer =
        new Writer() {
          @Override
          public void write(char[] cbuf, int off, int len) {
            lines.append(cbuf, off, len);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    try (TikaInputStream tis = TikaInputStream.get(spool.path())) {
      x.tools
          .tikaParser()
          .parse(tis, new BodyContentHandler(writer), new Metadata(), new ParseContext());
    }
    lines.flush();
  }
}
