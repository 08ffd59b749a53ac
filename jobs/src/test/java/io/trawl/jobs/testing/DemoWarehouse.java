package io.trawl.jobs.testing;

import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.cli.TrawlCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * The demo's warehouse, built once per test JVM: {@code trawl demo} run through the CLI into its
 * own database on the shared session. Tests that only need realistic tables to query (notebook SQL,
 * the report, secret scans) share it instead of paying for the demo again (about a minute each).
 *
 * @param home the {@code --home} the demo ran with (its estate is under {@code home/demo})
 * @param database the database holding the demo's tables
 * @param exitCode the CLI's exit code
 * @param out everything the demo printed on standard output
 * @param err everything the demo printed on standard error
 * @param logs every log event (message and exception chain) emitted while the demo ran, at the
 *     levels the logging configuration lets through
 */
public record DemoWarehouse(
    Path home, String database, int exitCode, String out, String err, String logs) {
  /** Database the shared demo writes to. */
  public static final String DATABASE = "demo_shared";

  private static DemoWarehouse instance;

  /** Runs the demo on first use and returns the same result afterwards. */
  public static synchronized DemoWarehouse get() {
    if (instance == null) {
      SharedSpark.session();
      Path home = SharedSpark.newFolder("demo-shared");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code;
      StringBuilder logs = new StringBuilder();
      try (LogCapture capture = LogCapture.start(logs)) {
        code =
            TrawlCli.execute(
                new PrintWriter(out),
                new PrintWriter(err),
                "demo",
                "--home",
                home.toString(),
                "--database",
                DATABASE);
      }
      instance =
          new DemoWarehouse(home, DATABASE, code, out.toString(), err.toString(), logs.toString());
    }
    return instance;
  }

  /** The qualified name of a table or view of the demo, e.g. {@code demo_shared.findings}. */
  public String table(String name) {
    return database + "." + name;
  }
}
