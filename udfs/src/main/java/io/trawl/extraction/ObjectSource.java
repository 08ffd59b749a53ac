package io.trawl.extraction;

import java.io.IOException;
import java.io.InputStream;

/**
 * An object to extract: its key (for the extension and messages), its size when known (-1 if not),
 * and a way to open it once. Opening is the caller's single GET; the extractor never re-opens.
 */
public record ObjectSource(String key, long size, Opener opener) {

  /** Opens the object's bytes; the extractor closes the stream. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /** The lower-case extension after the last dot of the last path segment, or "" (Macie's rule). */
  public String extension() {
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
