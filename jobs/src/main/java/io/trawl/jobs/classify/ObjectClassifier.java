package io.trawl.jobs.classify;

import io.trawl.detection.DetectionEngine;
import io.trawl.detection.ObjectScan;
import io.trawl.extraction.ClassificationStatus;
import io.trawl.extraction.ContentExtractor;
import io.trawl.extraction.ExtractionOutcome;
import io.trawl.extraction.ObjectSource;
import io.trawl.extraction.StatusReason;
import io.trawl.extraction.StorageFailures;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies one object at a time inside an executor task: skip what Macie skips without reading
 * it, open the object once (one GET, no HEAD when the size is known), extract, detect. Never throws
 * for a bad object: every object ends in a result with Macie's status and reason.
 */
public final class ObjectClassifier {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectClassifier.class);

  /** Storage classes Macie cannot analyse without a restore (macie.md 7.1). */
  static final Set<String> UNSUPPORTED_STORAGE_CLASSES =
      Set.of("GLACIER", "DEEP_ARCHIVE", "EXPRESS_ONEZONE", "OUTPOSTS");

  private final DetectionEngine engine;
  private final ContentExtractor extractor;
  private final Configuration conf;

  public ObjectClassifier(DetectionEngine engine, ContentExtractor extractor, Configuration conf) {
    this.engine = engine;
    this.extractor = extractor;
    this.conf = conf;
  }

  public ObjectResult classify(ObjectRef o) {
    return classify(o, null);
  }

  /**
   * True if classifying {@code o} reads its bytes and they are at most {@code maxBytes}: such an
   * object can be fetched ahead, whole, with {@link #fetch}.
   */
  public boolean fetchable(ObjectRef o, long maxBytes) {
    return o.size() >= 0
        && o.size() <= maxBytes
        && !UNSUPPORTED_STORAGE_CLASSES.contains(
            o.storageClass() == null ? "" : o.storageClass().toUpperCase(Locale.ROOT))
        && extractor.reads(o.key(), o.size());
  }

  /**
   * Reads {@code o} whole (one GET), for {@link #classify(ObjectRef, Fetched)}; never throws: a
   * failure is kept and replayed when the object is classified. Safe to call from several threads.
   */
  public Fetched fetch(ObjectRef o) {
    Path path = ObjectLocator.path(o.estateUri(), o.bucket(), o.key());
    long[] read = {0};
    try (InputStream in = new CountingStream(open(path, o), read)) {
      return new Fetched(in.readAllBytes(), null);
    } catch (IOException | RuntimeException e) {
      return new Fetched(null, e);
    }
  }

  /** An object's bytes read ahead, or why they could not be. */
  public record Fetched(byte[] bytes, Exception failure) {}

  /**
   * Classifies {@code o}; with {@code fetched} (from {@link #fetch}) its bytes come from memory
   * instead of a new GET.
   */
  public ObjectResult classify(ObjectRef o, Fetched fetched) {
    long start = System.currentTimeMillis();
    String storageClass = o.storageClass() == null ? "" : o.storageClass().toUpperCase(Locale.ROOT);
    if (UNSUPPORTED_STORAGE_CLASSES.contains(storageClass)) {
      return result(
          o,
          ClassificationStatus.skipped(StatusReason.INVALID_OBJECT_STATE),
          null,
          0,
          0,
          List.of(),
          List.of(),
          start);
    }
    Path path = ObjectLocator.path(o.estateUri(), o.bucket(), o.key());
    long[] bytesRead = {0};
    Throwable[] storageFailure = {null};
    ObjectScan scan = engine.newScan();
    ExtractionOutcome outcome;
    try {
      outcome =
          extractor.extract(
              new ObjectSource(
                  o.key(),
                  o.size(),
                  () -> {
                    try {
                      return new CountingStream(
                          fetched == null ? open(path, o) : replay(fetched), bytesRead);
                    } catch (IOException | RuntimeException e) {
                      storageFailure[0] = e;
                      throw e;
                    }
                  }),
              scan);
    } catch (RuntimeException e) {
      // The extractor promises not to throw for bad input; if it does, the object still gets a
      // result, and the log keeps the class of the problem (never its content).
      LOG.warn("extraction failed for {}/{}: {}", o.bucket(), o.key(), e.getClass().getName());
      storageFailure[0] = storageFailure[0] == null ? e : storageFailure[0];
      outcome = null;
    }
    if (storageFailure[0] != null) {
      StatusReason reason = StorageFailures.reasonFor(storageFailure[0]);
      if (reason != null || outcome == null) {
        return result(
            o,
            ClassificationStatus.skipped(
                reason == null ? StatusReason.UNABLE_TO_PARSE_FILE : reason),
            outcome == null ? null : outcome.mimeType(),
            0,
            bytesRead[0],
            List.of(),
            List.of(),
            start);
      }
    }
    return result(
        o,
        outcome.status(),
        outcome.mimeType(),
        outcome.sizeClassified(),
        bytesRead[0],
        scan.detections(),
        outcome.unprocessedFiles(),
        start);
  }

  private static InputStream replay(Fetched fetched) throws IOException {
    if (fetched.failure() instanceof IOException io) {
      throw io;
    }
    if (fetched.failure() instanceof RuntimeException re) {
      throw re;
    }
    return new java.io.ByteArrayInputStream(fetched.bytes());
  }

  private InputStream open(Path path, ObjectRef o) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    if (o.size() >= 0) {
      // With the length known the connector needs no HEAD before the GET. S3A (Hadoop 3.3.4)
      // ignores a status it did not create and sends a HEAD anyway, so give it its own kind.
      long lastModified = o.lastModified() == null ? 0 : o.lastModified();
      FileStatus known =
          S3aStatus.isS3a(fs)
              ? S3aStatus.of(path, o.size(), lastModified)
              : new FileStatus(o.size(), false, 1, 0, lastModified, path);
      try {
        FSDataInputStream in =
            fs.openFile(path)
                .withFileStatus(known)
                .opt("fs.s3a.experimental.input.fadvise", "sequential")
                .build()
                .get();
        return in;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted opening " + path, e);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        throw new IOException(cause);
      } catch (IllegalArgumentException e) {
        // Some connectors reject a status they did not create; fall back to a plain open.
        return fs.open(path);
      }
    }
    return fs.open(path);
  }

  private static ObjectResult result(
      ObjectRef o,
      ClassificationStatus status,
      String mime,
      long sizeClassified,
      long bytesRead,
      List<io.trawl.detection.Detection> detections,
      List<String> unprocessed,
      long start) {
    long now = System.currentTimeMillis();
    return new ObjectResult(
        o, status, mime, sizeClassified, bytesRead, detections, unprocessed, now, now - start);
  }

  /**
   * S3A's own file status, in a nested class so that hadoop-aws is only loaded when S3A is in use
   * (EMRFS clusters may not ship it). No etag or version: the inventory's may be stale or quoted
   * differently, and S3A would then refuse the GET; the object's first response sets them.
   */
  private static final class S3aStatus {
    static boolean isS3a(FileSystem fs) {
      return fs.getClass().getName().equals("org.apache.hadoop.fs.s3a.S3AFileSystem");
    }

    static FileStatus of(Path path, long size, long lastModified) {
      return new org.apache.hadoop.fs.s3a.S3AFileStatus(
          size, lastModified, path, 32L << 20, "", null, null);
    }
  }

  /** Counts the bytes actually read from storage (for job_runs and cost). */
  private static final class CountingStream extends FilterInputStream {
    private final long[] counter;

    CountingStream(InputStream in, long[] counter) {
      super(in);
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counter[0]++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        counter[0] += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      counter[0] += skipped;
      return skipped;
    }
  }
}
