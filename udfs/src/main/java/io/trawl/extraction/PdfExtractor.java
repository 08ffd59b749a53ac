package io.trawl.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF with PDFBox, one {@code page(text, n)} per page with text, in one pass over the document. PDF
 * needs random access, so the file is spooled locally (within the 1,024 MB quota) and PDFBox caches
 * streams in temporary files rather than memory. The parse runs under the watchdog. A
 * password-protected file is UNABLE_TO_PARSE_FILE; a corrupt one MALFORMED_FILE.
 */
final class PdfExtractor {
  private PdfExtractor() {}

  static void extract(InputStream in, Extraction x) throws Exception {
    try (Spool spool = Spool.of(in, ".pdf")) {
      x.tools
          .watchdog()
          .run(
              () -> {
                try (PDDocument document =
                    Loader.loadPDF(
                        spool.path().toFile(),
                        "",
                        null,
                        null,
                        IOUtils.createTempFileOnlyStreamCache())) {
                  StringBuilder page = new StringBuilder();
                  PDFTextStripper stripper = new PageStripper(page, x);
                  stripper.writeText(document, new BuilderWriter(page));
                }
                return null;
              },
              x.deadline);
    }
  }

  /** Hands each page's text to the sink as the page ends. */
  private static final class PageStripper extends PDFTextStripper {
    private final StringBuilder page;
    private final Extraction x;

    PageStripper(StringBuilder page, Extraction x) {
      this.page = page;
      this.x = x;
    }

    @Override
    protected void startPage(PDPage p) throws IOException {
      if (Thread.currentThread().isInterrupted()) {
        throw ExtractionStop.object(StatusReason.TIME_CUT_OFF_REACHED, null);
      }
      page.setLength(0);
      super.startPage(p);
    }

    @Override
    protected void endPage(PDPage p) throws IOException {
      super.endPage(p);
      if (!page.toString().isBlank()) {
        x.sink.page(page, getCurrentPageNo());
      }
      page.setLength(0);
    }
  }

  /** A writer into a reusable builder. */
  private static final class BuilderWriter extends Writer {
    private final StringBuilder out;

    BuilderWriter(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      out.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
      out.append(str, off, off + len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
