package io.trawl.extraction;

import io.trawl.detection.ContentSink;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Excel cells with Macie's cell locations: 1-based row and column, {@code cellReference} like
 * {@code Sheet2!C5} (the sheet name as written, unquoted), and the column name taken from the first
 * row of each sheet (whose own cells have no column name). xlsx is read with POI's SAX event API
 * (bounded memory: only shared strings and styles are held); xls with HSSF.
 */
final class ExcelExtractor {
  private ExcelExtractor() {}

  static void xlsx(Path file, ContentSink sink) throws Exception {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      SharedStringsLite strings;
      try (InputStream data = reader.getSharedStringsData()) {
        strings = SharedStringsLite.read(data);
      } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException
          | IllegalArgumentException e) {
        strings = SharedStringsLite.read(null); // a workbook without shared strings
      }
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          Cells cells = new Cells(sink, sheets.getSheetName());
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(
              new XSSFSheetXMLHandler(styles, null, strings, cells, new WholeNumbers(), false));
          xml.parse(new InputSource(sheet));
        }
      }
    }
  }

  static void xls(Path file, ContentSink sink) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
        HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true)) {
      DataFormatter formatter = new WholeNumbers();
      for (Sheet sheet : workbook) {
        Cells cells = new Cells(sink, sheet.getSheetName());
        for (Row row : sheet) {
          cells.startRow(row.getRowNum());
          for (Cell cell : row) {
            String value =
                cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)
                    ? formatter.formatRawCellContents(
                        cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(),
                        cell.getCellStyle().getDataFormatString())
                    : formatter.formatCellValue(cell);
            cells.cell(
                CellReference.convertNumToColString(cell.getColumnIndex()) + (row.getRowNum() + 1),
                value,
                null);
          }
          cells.endRow(row.getRowNum());
        }
      }
    }
  }

  /**
   * Excel's General format shows long numbers in scientific notation ({@code 4.11111E+15}), which
   * would hide card and account numbers stored as numbers; whole numbers in General format are
   * written out in full instead.
   */
  static final class WholeNumbers extends DataFormatter {
    @Override
    public String formatRawCellContents(
        double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if ((formatString == null || "General".equalsIgnoreCase(formatString))
          && value == Math.rint(value)
          && Math.abs(value) < 1e17) {
        return Long.toString((long) value);
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
  }

  /** Receives one sheet's cells in order and sends them to the sink. */
  private static final class Cells implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final ContentSink sink;
    private final String sheetName;
    private final Map<Integer, String> columnNames = new HashMap<>();
    private int headerRow = -1;
    private int currentRow;

    Cells(ContentSink sink, String sheetName) {
      this.sink = sink;
      this.sheetName = sheetName;
    }

    @Override
    public void startRow(int rowNum) {
      currentRow = rowNum;
      if (headerRow < 0) {
        headerRow = rowNum;
      }
    }

    @Override
    public void endRow(int rowNum) {}

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      if (formattedValue == null || formattedValue.isEmpty() || cellReference == null) {
        return;
      }
      // Parse "BC12" by hand: POI's CellReference uses a regex per cell.
      int col = 0;
      int i = 0;
      while (i < cellReference.length() && Character.isLetter(cellReference.charAt(i))) {
        col = col * 26 + (Character.toUpperCase(cellReference.charAt(i)) - 'A' + 1);
        i++;
      }
      col--;
      int row = currentRow;
      if (i < cellReference.length()) {
        try {
          row = Integer.parseInt(cellReference, i, cellReference.length(), 10) - 1;
        } catch (NumberFormatException e) {
          row = currentRow;
        }
      }
      String columnName = null;
      if (row == headerRow) {
        columnNames.put(col, formattedValue);
      } else {
        columnName = columnNames.get(col);
      }
      String reference = sheetName + "!" + CellReference.convertNumToColString(col) + (row + 1);
      sink.cell(formattedValue, row + 1L, col + 1L, columnName, reference);
    }

    @Override
    public void headerFooter(String text, boolean isHeader, String tagName) {}
  }
}
