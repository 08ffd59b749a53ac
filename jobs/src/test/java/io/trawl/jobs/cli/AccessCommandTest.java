package io.trawl.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trawl access} refuses bad arguments in a line, before Spark starts. */
class AccessCommandTest {
  @TempDir Path tmp;

  private int run(StringWriter err, String... args) {
    return TrawlCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
  }

  @Test
  void needsAtLeastOneKindOfLog() {
    StringWriter err = new StringWriter();
    assertThat(run(err, "access", "--home", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--server-logs or --cloudtrail");
  }

  @Test
  void anUnknownConfigFieldIsBadJson() throws Exception {
    Path config = tmp.resolve("c.json");
    Files.writeString(config, "{\"windowMinute\": 30}");
    StringWriter err = new StringWriter();
    assertThat(
            run(
                err,
                "access",
                "--home",
                tmp.toString(),
                "--server-logs",
                tmp.toUri().toString(),
                "--config",
                config.toString()))
        .isEqualTo(3);
    assertThat(err.toString()).contains("unknown access config field 'windowMinute'");
  }

  @Test
  void helpDescribesTheOptions() {
    StringWriter out = new StringWriter();
    int code =
        TrawlCli.execute(
            new PrintWriter(out), new PrintWriter(new StringWriter()), "access", "--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("--server-logs", "--cloudtrail", "--run-id", "--config");
  }
}
