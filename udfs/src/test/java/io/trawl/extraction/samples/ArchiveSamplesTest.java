package io.trawl.extraction.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

/** Generated archives are reproducible: the demo estate built by two JVMs must be identical. */
class ArchiveSamplesTest {
  static final Map<String, byte[]> ENTRIES = new LinkedHashMap<>();

  static {
    ENTRIES.put("backup/people.csv", "name\nJohn\n".getBytes(StandardCharsets.UTF_8));
    ENTRIES.put("backup/README", "Old backup.\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void entriesCarryAFixedTimeNotNow() throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(
                new ByteArrayInputStream(ArchiveSamples.tarGz(ENTRIES))))) {
      int n = 0;
      for (TarArchiveEntry e = tar.getNextTarEntry(); e != null; e = tar.getNextTarEntry()) {
        assertThat(e.getModTime()).as(e.getName()).isEqualTo(ArchiveSamples.ENTRY_TIME);
        n++;
      }
      assertThat(n).isEqualTo(2);
    }
    try (ZipArchiveInputStream zip =
        new ZipArchiveInputStream(new ByteArrayInputStream(ArchiveSamples.zip(ENTRIES)))) {
      for (ZipArchiveEntry e = zip.getNextZipEntry(); e != null; e = zip.getNextZipEntry()) {
        assertThat(e.getTime()).as(e.getName()).isEqualTo(ArchiveSamples.ENTRY_TIME.getTime());
      }
    }
    assertThat(ArchiveSamples.tarGz(ENTRIES)).isEqualTo(ArchiveSamples.tarGz(ENTRIES));
    assertThat(ArchiveSamples.zip(ENTRIES)).isEqualTo(ArchiveSamples.zip(ENTRIES));
  }
}
