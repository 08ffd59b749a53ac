package io.trawl.extraction;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * zip, tar and gzip, streamed entry by entry (no spooling, so an 8 GB zip needs no disk): each file
 * goes through {@link Extraction#extractEmbedded} with its path inside the object. A tar inside a
 * gzip (tar.gz, tgz) is one archive level and its entries keep their own paths. Encrypted zip
 * entries are listed as unprocessed (UNABLE_TO_PARSE_FILE); a zip whose files are all encrypted is
 * itself UNABLE_TO_PARSE_FILE.
 */
final class ArchiveExtractor {
  private ArchiveExtractor() {}

  static void zip(InputStream in, String path, int depth, Extraction x) throws IOException {
    ZipArchiveInputStream zip =
        new ZipArchiveInputStream(in, StandardCharsets.UTF_8.name(), true, true);
    int files = 0;
    int encrypted = 0;
    int unprocessedBefore = x.unprocessed.size();
    long unprocessedCountBefore = x.unprocessedCount;
    ZipArchiveEntry entry;
    while ((entry = zip.getNextEntry()) != null) {
      if (entry.isDirectory()) {
        continue;
      }
      files++;
      String entryPath = Extraction.join(path, entry.getName());
      if (!zip.canReadEntryData(entry)) {
        boolean isEncrypted = entry.getGeneralPurposeBit().usesEncryption();
        encrypted += isEncrypted ? 1 : 0;
        x.unprocessed(
            entryPath,
            isEncrypted
                ? StatusReason.UNABLE_TO_PARSE_FILE
                : StatusReason.UNSUPPORTED_FILE_TYPE_EXCEPTION);
        continue;
      }
      x.extractEmbedded(shield(zip), entry.getName(), entryPath, entry.getSize(), depth);
    }
    if (files > 0 && encrypted == files) {
      // Nothing readable at all: the archive itself cannot be parsed.
      x.unprocessed.subList(unprocessedBefore, x.unprocessed.size()).clear();
      x.unprocessedCount = unprocessedCountBefore;
      throw ExtractionStop.file(StatusReason.UNABLE_TO_PARSE_FILE, "all entries encrypted");
    }
  }

  static void tar(InputStream in, String path, int depth, Extraction x) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      if (!entry.isFile()) {
        continue;
      }
      x.extractEmbedded(
          shield(tar),
          entry.getName(),
          Extraction.join(path, entry.getName()),
          entry.getSize(),
          depth);
    }
  }

  static void gzip(InputStream in, String name, String path, int depth, Extraction x)
      throws IOException {
    GzipCompressorInputStream gz = new GzipCompressorInputStream(in, true);
    String inner = gz.getMetaData().getFileName();
    if (inner == null || inner.isBlank()) {
      inner = innerName(name);
    }
    inner = inner.substring(inner.lastIndexOf('/') + 1);
    BufferedInputStream content = new BufferedInputStream(gz, 1024);
    content.mark(512);
    byte[] header = content.readNBytes(512);
    content.reset();
    if (header.length == 512 && TypeDetection.indexOf(header, 512, "ustar") == 257) {
      tar(content, path, depth, x);
      return;
    }
    x.extractEmbedded(content, inner, Extraction.join(path, inner), -1, depth);
  }

  /** The name of a gzip file's content: {@code a.csv.gz} -> {@code a.csv}, {@code a.tgz} -> tar. */
  static String innerName(String name) {
    String last = name == null ? "content" : name.substring(name.lastIndexOf('/') + 1);
    String lower = last.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tgz")) {
      return last.substring(0, last.length() - 4) + ".tar";
    }
    if (lower.endsWith(".gz")) {
      return last.substring(0, last.length() - 3);
    }
    if (lower.endsWith(".gzip")) {
      return last.substring(0, last.length() - 5);
    }
    return last;
  }

  /** Keeps an entry's extractor from closing the archive stream under it. */
  private static InputStream shield(InputStream archive) {
    return new FilterInputStream(archive) {
      @Override
      public void close() {}
    };
  }
}
