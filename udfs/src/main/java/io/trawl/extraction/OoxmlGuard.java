package io.trawl.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Checks a docx/xlsx/pptx file's zip directory before POI inflates anything: the sum of declared
 * uncompressed part sizes and each part's compression ratio (zip bombs), and encrypted parts. POI's
 * own guard still checks the real sizes while inflating, in case the directory lies.
 */
final class OoxmlGuard {
  /** Parts smaller than this are exempt from the ratio check, like POI's grace size. */
  static final long RATIO_GRACE_BYTES = 100 * 1024;

  private OoxmlGuard() {}

  static void check(Path file, ExtractionLimits limits) {
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      long total = 0;
      Enumeration<ZipArchiveEntry> entries = zip.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry entry = entries.nextElement();
        if (entry.getGeneralPurposeBit().usesEncryption()) {
          throw ExtractionStop.file(StatusReason.UNABLE_TO_PARSE_FILE, "encrypted part");
        }
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size < 0) {
          continue;
        }
        total += size;
        if (total > limits.maxOoxmlUncompressedBytes()) {
          throw ExtractionStop.file(StatusReason.OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT, null);
        }
        if (size > RATIO_GRACE_BYTES
            && compressed > 0
            && (double) size / compressed > limits.maxOoxmlCompressionRatio()) {
          throw ExtractionStop.file(StatusReason.OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT, null);
        }
      }
    } catch (IOException e) {
      throw ExtractionStop.file(
          StatusReason.MALFORMED_OR_FILE_SIZE_EXCEEDS_LIMIT, "not a readable zip package");
    }
  }
}
