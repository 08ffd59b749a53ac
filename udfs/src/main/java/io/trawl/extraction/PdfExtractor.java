package io.trawl.extraction;

import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF with PDFBox, one {@code page(text, n)} per page. PDF needs random access, so the file is
 * spooled locally (within the 1,024 MB quota) and PDFBox caches streams in temporary files rather
 * than memory. The parse runs under the watchdog. A password-protected file is
 * UNABLE_TO_PARSE_FILE; a corrupt one MALFORMED_FILE.
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
                  PDFTextStripper stripper = new PDFTextStripper();
                  stripper.setSortByPosition(true);
                  int pages = document.getNumberOfPages();
                  for (int page = 1; page <= pages; page++) {
                    if (Thread.currentThread().isInterrupted()) {
                      throw ExtractionStop.object(StatusReason.TIME_CUT_OFF_REACHED, null);
                    }
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    String text = stripper.getText(document);
                    if (!text.isBlank()) {
                      x.sink.page(text, page);
                    }
                  }
                }
                return null;
              },
              x.deadline);
    }
  }
}
