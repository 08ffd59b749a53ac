package io.trawl.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextEncodingTest {

  static TextEncoding sniff(byte[] bytes) {
    return TextEncoding.sniff(bytes, bytes.length, false);
  }

  static String read(byte[] bytes) throws IOException {
    TextEncoding encoding = sniff(bytes);
    try (Reader reader = encoding.reader(new ByteArrayInputStream(bytes))) {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[7]; // small buffer: exercises refills mid-sequence
      int n;
      while ((n = reader.read(buf, 0, buf.length)) > 0) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    }
  }

  @Test
  void utf16WithoutBomIsRecognisedByItsZeroBytes() throws IOException {
    String text = "Name: Jos\u00e9, SSN 123-45-6789\n";
    assertThat(sniff(text.getBytes(StandardCharsets.UTF_16LE)).charset())
        .isEqualTo(StandardCharsets.UTF_16LE);
    assertThat(sniff(text.getBytes(StandardCharsets.UTF_16BE)).charset())
        .isEqualTo(StandardCharsets.UTF_16BE);
    assertThat(read(text.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(text);
  }

  @Test
  void utf8MultiByteCharactersSurviveSmallReads() throws IOException {
    String text = "\u65e5\u672c\u8a9e \ud83d\ude00 caf\u00e9 123-45-6789";
    assertThat(sniff(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(TextEncoding.UTF8);
    assertThat(read(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
  }

  @Test
  void latin1WhenNotUtf8AndByteFallbackInsideUtf8() throws IOException {
    byte[] latin1 = "Stra\u00dfe M\u00fcller".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(sniff(latin1).charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(read(latin1)).isEqualTo("Stra\u00dfe M\u00fcller");
    byte[] mixed = {'a', (byte) 0xC3, (byte) 0xA9, 'b', (byte) 0xE9, 'c', (byte) 0xC3};
    try (Reader reader = TextEncoding.UTF8.reader(new ByteArrayInputStream(mixed))) {
      char[] buf = new char[16];
      int n = reader.read(buf, 0, 16);
      StringBuilder sb = new StringBuilder().append(buf, 0, n);
      while ((n = reader.read(buf, 0, 16)) > 0) {
        sb.append(buf, 0, n);
      }
      assertThat(sb.toString()).isEqualTo("a\u00e9b\u00e9c\u00c3");
    }
  }

  @Test
  void zeroBytesOrControlCharactersAreBinary() {
    assertThat(sniff(new byte[] {'a', 'b', 0, 'c', 'd', 'e', 'f', 'g'})).isNull();
    byte[] controls = new byte[200];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) (i % 3 == 0 ? 0x01 : 'x');
    }
    assertThat(sniff(controls)).isNull();
    assertThat(sniff("tab\tand\r\nnewlines\f\u001b[0m".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(TextEncoding.UTF8);
  }
}
