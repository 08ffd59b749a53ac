package io.trawl.jobs.emr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.jobs.cli.TrawlCli;
import io.trawl.jobs.testing.SparkConfKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Airflow DAG without Airflow (it cannot be installed here): Python's standard library compiles
 * it and walks its syntax tree ({@code dag_jobs.py}), and the job argument lists it prints are
 * parsed with TrawlCli's picocli model like the EMR steps.
 */
class AirflowDagTest {
  private static final Path DAG = TrawlArgs.repoRoot().resolve("emr-configs/airflow/trawl_dag.py");

  @Test
  void dagCompilesAndEveryJobParsesWithTheCli() throws Exception {
    JsonNode dag = walk();
    TrawlArgs args = new TrawlArgs();
    List<String> jobs = new ArrayList<>();
    dag.get("jobs")
        .fields()
        .forEachRemaining(
            e -> {
              jobs.add(e.getKey());
              List<String> argv = new ArrayList<>();
              e.getValue().forEach(a -> argv.add(a.asText()));
              assertThat(argv.get(0))
                  .as("job %s runs trawl %s", e.getKey(), e.getKey())
                  .isEqualTo(e.getKey());
              args.check("trawl_dag.py " + e.getKey(), argv);
            });
    args.report("Airflow DAG");

    assertThat(jobs).containsSubsequence("inventory", "classify", "score", "export");
    assertThat(args.checked()).anyMatch(c -> c.startsWith("inventory"));
    assertThat(args.checked()).anyMatch(c -> c.startsWith("classify"));
    for (JsonNode c : dag.get("classes")) {
      assertThat(c.asText()).isEqualTo(TrawlCli.class.getName());
      SparkConfKeys.assertClassExists("trawl_dag.py", c.asText());
    }
  }

  @Test
  void dagUsesTheAmazonProviderOperators() throws Exception {
    JsonNode dag = walk();

    assertThat(dag.get("imports").get("EmrAddStepsOperator").asText())
        .isEqualTo("airflow.providers.amazon.aws.operators.emr");
    assertThat(dag.get("imports").get("EmrServerlessStartJobOperator").asText())
        .isEqualTo("airflow.providers.amazon.aws.operators.emr");
    assertThat(dag.get("imports").get("EmrStepSensor").asText())
        .isEqualTo("airflow.providers.amazon.aws.sensors.emr");
    for (String op :
        List.of("EmrAddStepsOperator", "EmrStepSensor", "EmrServerlessStartJobOperator", "DAG")) {
      assertThat(dag.get("calls").path(op).asInt()).as("calls of %s", op).isPositive();
    }
    assertThat(dag.get("dag_ids"))
        .extracting(JsonNode::asText)
        .containsExactly("trawl_emr", "trawl_emr_serverless");
  }

  /** Runs dag_jobs.py on the DAG and returns what it printed. */
  private static JsonNode walk() throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("trawl-dag-");
    Path script = work.resolve("dag_jobs.py");
    try (var in = AirflowDagTest.class.getResourceAsStream("dag_jobs.py")) {
      Files.copy(in, script);
    }
    Path out = work.resolve("out.json");
    Path err = work.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                "python3", script.toString(), DAG.toString(), work.resolve("dag.pyc").toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    // A guard against a hung interpreter, not a timing assertion.
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
    assertThat(p.exitValue())
        .as("python3 dag_jobs.py: %s", Files.readString(err, StandardCharsets.UTF_8))
        .isZero();
    return new ObjectMapper().readTree(out.toFile());
  }
}
