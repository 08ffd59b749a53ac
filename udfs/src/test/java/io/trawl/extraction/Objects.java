package io.trawl.extraction;

import java.io.ByteArrayInputStream;

/** Builds {@link ObjectSource}s over bytes for tests. */
final class Objects {
  private Objects() {}

  static ObjectSource of(String key, byte[] bytes) {
    return new ObjectSource(key, bytes.length, () -> new ByteArrayInputStream(bytes));
  }

  /** An object whose size is not known up front, as when listing gave none. */
  static ObjectSource unsized(String key, byte[] bytes) {
    return new ObjectSource(key, -1, () -> new ByteArrayInputStream(bytes));
  }
}
