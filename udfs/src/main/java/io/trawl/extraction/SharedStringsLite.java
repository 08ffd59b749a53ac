package io.trawl.extraction;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An xlsx shared strings table held as plain strings. POI's read-only table builds an XMLBeans
 * rich-text object on every lookup, which made cell extraction about ten times slower; here a
 * lookup returns a tiny wrapper. Phonetic runs ({@code rPh}) are left out, as POI does by default.
 */
final class SharedStringsLite extends DefaultHandler implements SharedStrings {
  private final List<String> strings = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private boolean inT;
  private boolean inPhonetic;

  static SharedStringsLite read(InputStream sharedStringsXml) throws Exception {
    SharedStringsLite table = new SharedStringsLite();
    if (sharedStringsXml != null) {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(table);
      xml.parse(new InputSource(sharedStringsXml));
    }
    return table;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    switch (localName) {
      case "si" -> text.setLength(0);
      case "t" -> inT = !inPhonetic;
      case "rPh" -> inPhonetic = true;
      default -> {}
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    switch (localName) {
      case "si" -> strings.add(text.toString());
      case "t" -> inT = false;
      case "rPh" -> inPhonetic = false;
      default -> {}
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inT) {
      text.append(ch, start, length);
    }
  }

  @Override
  public RichTextString getItemAt(int idx) {
    return new Plain(strings.get(idx));
  }

  @Override
  public int getCount() {
    return strings.size();
  }

  @Override
  public int getUniqueCount() {
    return strings.size();
  }

  /** A string without formatting runs; only {@link #getString()} is used by the sheet handler. */
  private record Plain(String value) implements RichTextString {
    @Override
    public String getString() {
      return value;
    }

    @Override
    public String toString() {
      return value;
    }

    @Override
    public int length() {
      return value.length();
    }

    @Override
    public int numFormattingRuns() {
      return 0;
    }

    @Override
    public int getIndexOfFormattingRun(int index) {
      return 0;
    }

    @Override
    public void applyFont(int startIndex, int endIndex, short fontIndex) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void applyFont(int startIndex, int endIndex, Font font) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void applyFont(Font font) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void clearFormatting() {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void applyFont(short fontIndex) {
      throw new UnsupportedOperationException("read-only");
    }
  }
}
