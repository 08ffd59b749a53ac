package io.trawl.extraction.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writers for archives: zip (deflated), zip encrypted with traditional PKWARE encryption (what
 * {@code zip -e} makes), tar, tar.gz and gzip. Entries are given as path to bytes, in order;
 * nesting is done by passing an archive's bytes as an entry of another.
 */
public final class ArchiveSamples {
  private ArchiveSamples() {}

  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
        zip.putArchiveEntry(entry);
        zip.write(e.getValue());
        zip.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] tar(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTar(entries, out);
    return out.toByteArray();
  }

  public static byte[] tarGz(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
      writeTar(entries, gz);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeTar(Map<String, byte[]> entries, java.io.OutputStream out) {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A gzip file whose header names its content {@code name} (may be null). */
  public static byte[] gzip(String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GzipParameters parameters = new GzipParameters();
    if (name != null) {
      parameters.setFileName(name);
    }
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out, parameters)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A zip whose entries are stored and encrypted with traditional PKWARE ("ZipCrypto") encryption
   * under {@code password}; {@code unzip -P password} opens it.
   */
  public static byte[] encryptedZip(Map<String, byte[]> entries, String password) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    int count = 0;
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] data = e.getValue();
      CRC32 crc = new CRC32();
      crc.update(data);
      long crcValue = crc.getValue();
      ZipCrypto cipher = new ZipCrypto(password);
      byte[] header = new byte[12];
      for (int i = 0; i < 11; i++) {
        header[i] = (byte) (i * 37 + count); // deterministic "random" header for reproducible files
      }
      header[11] = (byte) (crcValue >>> 24);
      byte[] encrypted = new byte[12 + data.length];
      for (int i = 0; i < 12; i++) {
        encrypted[i] = cipher.encrypt(header[i]);
      }
      for (int i = 0; i < data.length; i++) {
        encrypted[12 + i] = cipher.encrypt(data[i]);
      }
      int offset = out.size();
      // Local file header: version 2.0, flags: encrypted + UTF-8 names, method stored.
      writeInt(out, 0x04034b50);
      writeShort(out, 20);
      writeShort(out, 0x0801);
      writeShort(out, 0);
      writeShort(out, 0);
      writeShort(out, 0x21);
      writeInt(out, crcValue);
      writeInt(out, encrypted.length);
      writeInt(out, data.length);
      writeShort(out, name.length);
      writeShort(out, 0);
      out.writeBytes(name);
      out.writeBytes(encrypted);
      writeInt(central, 0x02014b50);
      writeShort(central, 20);
      writeShort(central, 20);
      writeShort(central, 0x0801);
      writeShort(central, 0);
      writeShort(central, 0);
      writeShort(central, 0x21);
      writeInt(central, crcValue);
      writeInt(central, encrypted.length);
      writeInt(central, data.length);
      writeShort(central, name.length);
      writeShort(central, 0);
      writeShort(central, 0);
      writeShort(central, 0);
      writeShort(central, 0);
      writeInt(central, 0);
      writeInt(central, offset);
      central.writeBytes(name);
      count++;
    }
    int centralOffset = out.size();
    out.writeBytes(central.toByteArray());
    writeInt(out, 0x06054b50);
    writeShort(out, 0);
    writeShort(out, 0);
    writeShort(out, count);
    writeShort(out, count);
    writeInt(out, central.size());
    writeInt(out, centralOffset);
    writeShort(out, 0);
    return out.toByteArray();
  }

  private static void writeShort(ByteArrayOutputStream out, int v) {
    out.write(v & 0xFF);
    out.write((v >>> 8) & 0xFF);
  }

  private static void writeInt(ByteArrayOutputStream out, long v) {
    writeShort(out, (int) (v & 0xFFFF));
    writeShort(out, (int) ((v >>> 16) & 0xFFFF));
  }

  /** Traditional PKWARE encryption (APPNOTE 6.1). */
  private static final class ZipCrypto {
    private static final int[] CRC_TABLE = new int[256];

    static {
      for (int n = 0; n < 256; n++) {
        int c = n;
        for (int k = 0; k < 8; k++) {
          c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
        }
        CRC_TABLE[n] = c;
      }
    }

    private int key0 = 0x12345678;
    private int key1 = 0x23456789;
    private int key2 = 0x34567890;

    ZipCrypto(String password) {
      for (byte b : password.getBytes(StandardCharsets.UTF_8)) {
        update(b);
      }
    }

    private static int crc(int crc, int b) {
      return (crc >>> 8) ^ CRC_TABLE[(crc ^ b) & 0xFF];
    }

    private void update(byte b) {
      key0 = crc(key0, b);
      key1 = (key1 + (key0 & 0xFF)) * 134775813 + 1;
      key2 = crc(key2, key1 >>> 24);
    }

    byte encrypt(byte plain) {
      int temp = (key2 | 2) & 0xFFFF;
      int stream = ((temp * (temp ^ 1)) >>> 8) & 0xFF;
      update(plain);
      return (byte) (plain ^ stream);
    }
  }
}
