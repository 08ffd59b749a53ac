package io.trawl.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, discover and classify --plan reject bad input before Spark starts. No Spark. */
class PlanningCliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--home";
    all[args.length + 1] = tmp.toString();
    int code = TrawlCli.execute(new PrintWriter(out), new PrintWriter(err), all);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void planAndDiscoverDocumentTheirOptions() {
    Run plan = run("plan", "--help");
    assertThat(plan.code()).isZero();
    assertThat(plan.out())
        .contains("--budget", "--confidence", "--plan-id", "--buckets", "--cost-model");
    Run discover = run("discover", "--help");
    assertThat(discover.code()).isZero();
    assertThat(discover.out()).contains("--budget", "--estate");
    assertThat(run("classify", "--help").out()).contains("--plan", "--cost-model");
  }

  @Test
  void badBudgetsConfidencesAndIntervalsAreUsageErrors() {
    Run noUnit = run("plan", "--budget", "10");
    assertThat(noUnit.code()).isEqualTo(2);
    assertThat(noUnit.err()).contains("budget '10' not understood");
    assertThat(run("discover", "--budget", "0GB").code()).isEqualTo(2);
    Run confidence = run("plan", "--budget", "10GB", "--confidence", "1.5");
    assertThat(confidence.code()).isEqualTo(2);
    assertThat(confidence.err()).contains("--confidence");
    assertThat(run("plan", "--budget", "10GB", "--interval", "agresti").err())
        .contains("wilson or clopper-pearson");
    Run classify = run("classify");
    assertThat(classify.code()).isEqualTo(2);
    assertThat(classify.err()).contains("--job", "--plan");
  }

  @Test
  void aCostModelWithAnUnknownFieldIsABadJsonError() throws IOException {
    Path model = tmp.resolve("cost.json");
    Files.writeString(model, "{\"vcpuHour\": 0.02, \"gpuHour\": 3}");
    Run r = run("plan", "--budget", "10GB", "--cost-model", model.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("unknown field 'gpuHour'");
  }
}
