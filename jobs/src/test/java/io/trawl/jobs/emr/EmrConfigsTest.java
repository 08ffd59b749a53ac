package io.trawl.jobs.emr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.jobs.testing.SparkConfKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file under {@code emr-configs/}: valid JSON, known configuration classifications and keys,
 * classes that exist, and step / job-run arguments that parse with TrawlCli's picocli model.
 */
class EmrConfigsTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Path DIR = TrawlArgs.repoRoot().resolve("emr-configs");

  /** Classifications EMR documents for these settings. */
  private static final Set<String> CLASSIFICATIONS =
      Set.of("spark-defaults", "spark-hive-site", "hive-site", "delta-defaults", "emrfs-site");

  @Test
  void everyJsonFileParses() throws IOException {
    List<Path> files = jsonFiles();

    assertThat(files).hasSizeGreaterThanOrEqualTo(9);
    for (Path f : files) {
      JsonNode n = read(f);
      assertThat(n.isContainerNode()).as("%s", f).isTrue();
    }
  }

  @Test
  void clusterConfigurationUsesGlueAsMetastoreAndEnablesDelta() throws IOException {
    JsonNode config = read(DIR.resolve("cluster-configurations.json"));
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    for (JsonNode c : config) {
      String name = c.get("Classification").asText();
      assertThat(CLASSIFICATIONS).as("classification %s", name).contains(name);
      byName.put(name, c.get("Properties"));
      c.get("Properties")
          .fields()
          .forEachRemaining(
              e ->
                  SparkConfKeys.assertKnownSetting(
                      "cluster-configurations.json " + name, e.getKey(), e.getValue().asText()));
    }

    assertThat(byName.get("spark-hive-site").get("hive.metastore.client.factory.class").asText())
        .isEqualTo("com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory");
    assertThat(byName.get("delta-defaults").get("delta.enabled").asText()).isEqualTo("true");
    JsonNode spark = byName.get("spark-defaults");
    assertThat(spark.get("spark.sql.extensions").asText())
        .isEqualTo(io.trawl.catalog.TrawlSpark.DELTA_EXTENSION);
    assertThat(spark.get("spark.sql.catalog.spark_catalog").asText())
        .isEqualTo(io.trawl.catalog.TrawlSpark.DELTA_CATALOG);
    // Partition dates (run_date, snapshot_date) are UTC dates, as locally.
    assertThat(spark.get("spark.sql.session.timeZone").asText()).isEqualTo("UTC");
  }

  @Test
  void everyStepParsesWithTheCli() throws IOException {
    TrawlArgs args = new TrawlArgs();
    Set<String> actions =
        Set.of("TERMINATE_CLUSTER", "CANCEL_AND_WAIT", "CONTINUE", "TERMINATE_JOB_FLOW");
    List<Path> stepFiles;
    try (Stream<Path> s = Files.list(DIR)) {
      stepFiles = s.filter(p -> p.getFileName().toString().startsWith("step-")).sorted().toList();
    }
    Set<String> subcommands = new TreeSet<>();
    for (Path f : stepFiles) {
      for (JsonNode step : read(f)) {
        String where = f.getFileName() + " " + step.get("Name").asText();
        assertThat(actions).as(where).contains(step.get("ActionOnFailure").asText());
        JsonNode jar = step.get("HadoopJarStep");
        assertThat(jar.get("Jar").asText()).as(where).isEqualTo("command-runner.jar");
        List<String> argv = strings(jar.get("Args"));
        assertThat(argv.get(0)).as(where).isEqualTo("spark-submit");
        args.checkSparkSubmit(where, argv);
        subcommands.add(argv.get(argv.indexOf("--class") + 3));
      }
    }
    args.report("EMR steps");

    assertThat(subcommands)
        .contains("inventory", "classify", "report", "score", "export", "plan", "discover");
    assertThat(args.checked()).anyMatch(c -> c.startsWith("classify"));
    assertThat(args.checked()).anyMatch(c -> c.startsWith("report"));
  }

  @Test
  void serverlessJobRunBodyIsComplete() throws IOException {
    TrawlArgs args = new TrawlArgs();
    try (Stream<Path> s = Files.list(DIR.resolve("serverless"))) {
      for (Path f : s.sorted().toList()) {
        String where = "serverless/" + f.getFileName();
        JsonNode body = read(f);
        assertThat(body.get("executionRoleArn").asText()).as(where).startsWith("arn:aws:iam::");
        assertThat(body.hasNonNull("clientToken")).as(where).isTrue();
        JsonNode submit = body.get("jobDriver").get("sparkSubmit");
        assertThat(submit.get("entryPoint").asText()).as(where).endsWith(".jar");
        List<String> params =
            Arrays.asList(submit.get("sparkSubmitParameters").asText().trim().split("\\s+"));
        List<String> argv = new ArrayList<>(List.of("spark-submit"));
        argv.addAll(params);
        argv.add(submit.get("entryPoint").asText());
        argv.addAll(strings(submit.get("entryPointArguments")));
        args.checkSparkSubmit(where, argv);
        assertThat(params)
            .as("%s: Glue metastore and Delta on the command line", where)
            .contains(
                "spark.hadoop.hive.metastore.client.factory.class="
                    + "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory",
                "spark.sql.extensions=" + io.trawl.catalog.TrawlSpark.DELTA_EXTENSION);
        for (JsonNode c : body.path("configurationOverrides").path("applicationConfiguration")) {
          assertThat(c.get("classification").asText()).isEqualTo("spark-defaults");
          c.get("properties")
              .fields()
              .forEachRemaining(
                  e -> SparkConfKeys.assertKnownSetting(where, e.getKey(), e.getValue().asText()));
        }
      }
    }
    args.report("EMR Serverless");
    assertThat(args.checked()).isNotEmpty();
  }

  @Test
  void jobRolePolicyIsLeastPrivilege() throws IOException {
    JsonNode policy = read(DIR.resolve("iam/trawl-job-role-policy.json"));
    assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
    Set<String> actions = new TreeSet<>();
    // Account-level calls that IAM only grants on every resource.
    Set<String> accountLevel = Set.of("s3:GetAccountPublicAccessBlock", "s3:ListAllMyBuckets");
    for (JsonNode st : policy.get("Statement")) {
      String sid = st.get("Sid").asText();
      assertThat(st.get("Effect").asText()).as(sid).isEqualTo("Allow");
      List<String> stActions = strings(st.get("Action"));
      for (String a : stActions) {
        assertThat(a).as(sid).matches("(s3|glue|kms):[A-Z][A-Za-z]+");
      }
      actions.addAll(stActions);
      JsonNode res = st.get("Resource");
      if (res.isTextual() && res.asText().equals("*")) {
        assertThat(accountLevel)
            .as("%s: Resource * only for account-level calls", sid)
            .containsAll(stActions);
      } else {
        assertThat(strings(res)).as(sid).allMatch(r -> r.startsWith("arn:aws:"));
      }
    }

    assertThat(actions)
        .contains(
            "s3:GetObject",
            "s3:ListBucket",
            "s3:PutObject",
            "glue:GetTable",
            "glue:CreateTable",
            "glue:UpdateTable",
            "s3:GetBucketPolicyStatus",
            "s3:GetBucketPublicAccessBlock",
            "s3:GetAccountPublicAccessBlock",
            "s3:PutObjectTagging")
        .doesNotContain("s3:DeleteBucket", "s3:PutBucketPolicy", "glue:DeleteTable");
  }

  /** The checks can fail: a misspelt key, an unknown class and a bad option are caught. */
  @Test
  void theChecksRejectTyposMissingClassesAndBadOptions() {
    assertThat(SparkConfKeys.inSparkRegistry("spark.sql.shuffle.partitions")).isTrue();
    assertThat(SparkConfKeys.inSparkRegistry("spark.sql.extension")).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SparkConfKeys.assertKnownSetting("t", "spark.hadoop.hive.metastor", "x"))
        .isInstanceOf(AssertionError.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SparkConfKeys.assertKnownSetting("t", "spark.serializer", "io.trawl.NoSuch"))
        .isInstanceOf(AssertionError.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TrawlArgs().check("t", List.of("export", "--warehouse", "s3://x/y")))
        .hasMessageContaining("--format");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TrawlArgs().check("t", List.of("scor", "--warehouse", "s3://x/y")))
        .isInstanceOf(AssertionError.class);
  }

  private static List<Path> jsonFiles() throws IOException {
    try (Stream<Path> s = Files.walk(DIR)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static JsonNode read(Path f) throws IOException {
    return JSON.readTree(f.toFile());
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      out.add(n.asText());
    } else {
      n.forEach(e -> out.add(e.asText()));
    }
    return out;
  }
}
