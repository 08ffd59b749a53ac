package io.trawl.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local temporary copy of a file for the formats that need random access (PDF, Office, Parquet).
 * The copy is bounded by the format's size limit and deleted on close.
 */
final class Spool implements AutoCloseable {
  private final Path path;

  private Spool(Path path) {
    this.path = path;
  }

  static Spool of(InputStream in, String suffix) throws IOException {
    // The temp directory may not exist yet (a fresh executor or test working directory).
    Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    Path file = Files.createTempFile(dir, "trawl-extract-", suffix);
    try (OutputStream out = Files.newOutputStream(file)) {
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new Spool(file);
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      path.toFile().deleteOnExit();
    }
  }
}
