package io.trawl.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The governance subcommands' help and argument errors (no Spark session is started). */
class GovernanceCommandsTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TrawlCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void subcommandsAreListedWithHelp() {
    assertThat(run("--help").out())
        .contains("export", "findings-filter", "compliance", "remediate");
    for (String sub : new String[] {"export", "findings-filter", "compliance", "remediate"}) {
      Run r = run(sub, "--help");
      assertThat(r.code()).as(sub).isZero();
      assertThat(r.out()).as(sub).contains("--home");
    }
    assertThat(run("remediate", "--help").out()).contains("--apply", "--tag", "--s3-endpoint");
  }

  @Test
  void badArgumentsAreUsageErrors(@TempDir Path tmp) throws IOException {
    Run format = run("export", "--format", "sarif", "--out", tmp.resolve("x").toString());
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err())
        .contains("--format must be one of macie, eventbridge, asff, ocsf, csv");

    Run missing = run("findings-filter", "--filter", tmp.resolve("nope.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such filter file");

    Path bad = tmp.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"name\":\"bad-filter\",\"action\":\"ARCHIVE\",\"findingCriteria\":{\"criterion\":"
            + "{\"bucketName\":{\"eq\":[\"x\"]}}}}");
    Run unsupported = run("findings-filter", "--filter", bad.toString());
    assertThat(unsupported.code()).isEqualTo(3);
    assertThat(unsupported.err()).contains("unsupported field path 'bucketName'");

    Run framework = run("compliance", "--framework", "ISO27001");
    assertThat(framework.code()).isEqualTo(2);
    assertThat(framework.err()).contains("unknown framework 'ISO27001'");

    Run tag = run("remediate", "--tag", "k=it's");
    assertThat(tag.code()).isEqualTo(2);
  }
}
