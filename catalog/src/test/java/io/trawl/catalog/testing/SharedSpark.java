package io.trawl.catalog.testing;

import io.trawl.catalog.TrawlSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM: embedded Derby allows one metastore per process and Spark one
 * context, so every Spark test class shares it. It runs {@code local[2]} with two shuffle
 * partitions in a fresh temp folder (under {@code java.io.tmpdir}, which surefire points into
 * {@code target}), and is stopped when the JVM exits. Exported in the catalog test-jar for the jobs
 * module.
 */
public final class SharedSpark {
  private static SparkSession session;
  private static Path home;

  private SharedSpark() {}

  /** The shared session, created on first use. */
  public static synchronized SparkSession session() {
    if (session == null) {
      home = newHome();
      session =
          TrawlSpark.localSession(
              home,
              "trawl-tests",
              Map.of(
                  "spark.master", "local[2]",
                  "spark.sql.shuffle.partitions", "2",
                  "spark.default.parallelism", "2"));
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop-shared-spark"));
    }
    return session;
  }

  /** The session's home folder (metastore, warehouse, scratch). */
  public static synchronized Path home() {
    session();
    return home;
  }

  /** A new empty folder under the session's home, for one test's tables or files. */
  public static Path newFolder(String prefix) {
    try {
      return Files.createTempDirectory(home(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path newHome() {
    try {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      Files.createDirectories(tmp);
      return Files.createTempDirectory(tmp, "trawl-spark-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
