package io.trawl.jobs.classify;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.hadoop.fs.Path;

/**
 * Where an object's bytes are: {@code s3a://bucket/key} (or {@code s3://}) for S3 estates, and
 * {@code <estate root>/<bucket>/<key>} for folder estates, where each top-level folder is a bucket.
 */
public final class ObjectLocator implements Serializable {
  private static final long serialVersionUID = 1L;

  private ObjectLocator() {}

  /** True for schemes whose authority is the bucket. */
  public static boolean isObjectStore(String scheme) {
    String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    return s.equals("s3") || s.equals("s3a") || s.equals("s3n") || s.equals("gs");
  }

  /** The path of an object, given the estate URI recorded at inventory time. */
  public static Path path(String estateUri, String bucket, String key) {
    URI estate = URI.create(estateUri);
    try {
      if (isObjectStore(estate.getScheme())) {
        return new Path(new URI(estate.getScheme(), bucket, "/" + key, null));
      }
      String root = estate.getPath().endsWith("/") ? estate.getPath() : estate.getPath() + "/";
      return new Path(
          new URI(
              estate.getScheme() == null ? "file" : estate.getScheme(),
              estate.getAuthority(),
              root + bucket + "/" + key,
              null));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot build a path for " + bucket + "/" + key, e);
    }
  }
}
