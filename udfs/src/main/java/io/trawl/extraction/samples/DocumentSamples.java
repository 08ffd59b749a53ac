package io.trawl.extraction.samples;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hslf.usermodel.HSLFSlide;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writers for documents: PDF (PDFBox, one page per list of lines), Word docx (POI XWPF, one
 * paragraph per line), Excel xlsx and xls (one sheet per table, header in row 1), PowerPoint pptx
 * and ppt (one slide per list of lines), and a password-protected docx. Legacy Word .doc cannot be
 * written: POI's HWPF only edits existing files.
 */
public final class DocumentSamples {
  private DocumentSamples() {}

  /** A PDF with one page per element of {@code pages}, Helvetica, one text line per string. */
  public static byte[] pdf(List<List<String>> pages) {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 11);
          content.setLeading(14);
          content.newLineAtOffset(60, 720);
          for (String line : lines) {
            content.showText(winAnsi(line));
            content.newLine();
          }
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Helvetica's WinAnsi encoding has no other characters; replace them rather than fail. */
  private static String winAnsi(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7F || c >= 0xA0 && c <= 0xFF ? c : '?');
    }
    return sb.toString();
  }

  /** A Word document with a title paragraph, then one paragraph per line. */
  public static byte[] docx(String title, List<String> lines) {
    try (XWPFDocument document = new XWPFDocument()) {
      var heading = document.createParagraph();
      heading.setStyle("Title");
      heading.createRun().setText(title);
      for (String line : lines) {
        document.createParagraph().createRun().setText(line);
      }
      return write(fixedDates(document)::write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sets the document's created and modified dates, which POI otherwise sets to "now": the same
   * sample generated twice (the demo estate, by two JVMs) must be the same bytes.
   */
  private static <T extends org.apache.poi.ooxml.POIXMLDocument> T fixedDates(T document) {
    var core = document.getProperties().getCoreProperties();
    core.setCreated(java.util.Optional.of(ArchiveSamples.ENTRY_TIME));
    core.setModified(java.util.Optional.of(ArchiveSamples.ENTRY_TIME));
    return document;
  }

  /** {@link #docx} encrypted with {@code password} (agile encryption, as Word 2010+ does). */
  public static byte[] encryptedDocx(String title, List<String> lines, String password) {
    byte[] plain = docx(title, lines);
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword(password);
      try (OutputStream os = encryptor.getDataStream(fs)) {
        os.write(plain);
      }
      return write(fs::writeFilesystem);
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt sample docx", e);
    }
  }

  /** An xlsx workbook with one sheet per entry (in order), header in row 1. */
  public static byte[] xlsx(Map<String, SampleTable> sheets) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      fill(workbook, sheets);
      return write(fixedDates(workbook)::write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An xls (BIFF8) workbook with one sheet per entry (in order), header in row 1. */
  public static byte[] xls(Map<String, SampleTable> sheets) {
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      fill(workbook, sheets);
      return write(workbook::write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fill(Workbook workbook, Map<String, SampleTable> sheets) {
    for (Map.Entry<String, SampleTable> e : sheets.entrySet()) {
      Sheet sheet = workbook.createSheet(e.getKey());
      SampleTable table = e.getValue();
      Row header = sheet.createRow(0);
      for (int c = 0; c < table.header().size(); c++) {
        header.createCell(c).setCellValue(table.header().get(c));
      }
      for (int r = 0; r < table.rows().size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> values = table.rows().get(r);
        for (int c = 0; c < values.size(); c++) {
          row.createCell(c).setCellValue(values.get(c));
        }
      }
    }
  }

  /** A pptx deck with one slide per element of {@code slides}, one text paragraph per line. */
  public static byte[] pptx(List<List<String>> slides) {
    try (XMLSlideShow show = new XMLSlideShow()) {
      for (List<String> lines : slides) {
        XSLFSlide slide = show.createSlide();
        XSLFTextBox box = slide.createTextBox();
        box.setAnchor(new Rectangle2D.Double(50, 50, 600, 400));
        box.clearText();
        for (String line : lines) {
          box.addNewTextParagraph().addNewTextRun().setText(line);
        }
      }
      return write(fixedDates(show)::write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A legacy ppt deck with one slide per element of {@code slides}. */
  public static byte[] ppt(List<List<String>> slides) {
    try (HSLFSlideShow show = new HSLFSlideShow()) {
      for (List<String> lines : slides) {
        HSLFSlide slide = show.createSlide();
        HSLFTextBox box = slide.createTextBox();
        box.setAnchor(new Rectangle2D.Double(50, 50, 600, 400));
        box.setText(String.join("\r", lines));
      }
      return write(show::write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static byte[] write(Writer writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out);
    return out.toByteArray();
  }
}
