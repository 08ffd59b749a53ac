package io.trawl.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract with scripts: exit codes and one-line reasons on bad input. No Spark. */
class TrawlCliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TrawlCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheSubcommands() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "demo", "inventory", "classify", "sql", "identifiers", "test-custom-data-identifier");
    for (String sub :
        new String[] {
          "demo", "inventory", "classify", "sql", "identifiers", "test-custom-data-identifier"
        }) {
      assertThat(run(sub, "--help").code()).as(sub).isZero();
    }
  }

  @Test
  void noSubcommandIsAUsageError() {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
  }

  @Test
  void identifiersListsMacieIdsAndTheRecommendedSet() throws IOException {
    Run r = run("identifiers");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER", "AWS_CREDENTIALS");
    JsonNode json = new ObjectMapper().readTree(run("identifiers", "--json").out());
    assertThat(json.path("items").size()).isGreaterThanOrEqualTo(120);
    JsonNode recommended =
        new ObjectMapper().readTree(run("identifiers", "--json", "--recommended").out());
    assertThat(recommended.path("items").size()).isEqualTo(35);
    assertThat(recommended.path("items").get(0).path("category").asText())
        .isIn("CREDENTIALS", "FINANCIAL_INFORMATION", "PERSONAL_INFORMATION");
  }

  @Test
  void testCustomDataIdentifierCountsMatches() throws IOException {
    Run r =
        run(
            "test-custom-data-identifier",
            "--regex",
            "EMP-\\d{6}",
            "--keywords",
            "employee",
            "--sample-text",
            "employee EMP-123456 and EMP-654321;" + " padding".repeat(8) + " EMP-111111");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("{\"matchCount\":2}");
    Path body = tmp.resolve("test.json");
    Files.writeString(
        body,
        "{\"regex\":\"EMP-\\\\d{6}\",\"sampleText\":\"EMP-000001 EMP-000002\"}",
        StandardCharsets.UTF_8);
    assertThat(run("test-custom-data-identifier", "--json", body.toString()).out().strip())
        .isEqualTo("{\"matchCount\":2}");
  }

  @Test
  void invalidCustomRegexExitsWithItsOwnCode() {
    Run r = run("test-custom-data-identifier", "--regex", "(a)\\1", "--sample-text", "aa");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).startsWith("trawl: ").contains("custom data identifier");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void badJobJsonExitsWithOneLine() throws IOException {
    Path job = tmp.resolve("job.json");
    Files.writeString(job, "{\"name\": \"x\", \"jobType\": \"ONE_TIME\"", StandardCharsets.UTF_8);
    Run r = run("classify", "--job", job.toString(), "--home", tmp.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("trawl: " + job);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void missingJobFileIsABadArgument() {
    Run r = run("classify", "--job", tmp.resolve("nope.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cannot read");
  }

  @Test
  void unknownIdentifiersAreNamed() throws IOException {
    Path job = tmp.resolve("job.json");
    Files.writeString(
        job,
        "{\"name\":\"x\",\"jobType\":\"ONE_TIME\",\"managedDataIdentifierSelector\":"
            + "\"INCLUDE\",\"managedDataIdentifierIds\":[\"NOT_AN_ID\"],\"s3JobDefinition\":"
            + "{\"bucketDefinitions\":[{\"accountId\":\"1\",\"buckets\":[\"b\"]}]}}",
        StandardCharsets.UTF_8);
    Run r = run("classify", "--job", job.toString(), "--home", tmp.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(5);
    assertThat(r.err()).contains("NOT_AN_ID");
    Files.writeString(
        job,
        "{\"name\":\"x\",\"jobType\":\"ONE_TIME\",\"customDataIdentifierIds\":"
            + "[\"mine\"],\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\"1\",\"buckets\":"
            + "[\"b\"]}]}}",
        StandardCharsets.UTF_8);
    r = run("classify", "--job", job.toString(), "--home", tmp.toString());
    assertThat(r.code()).isEqualTo(5);
    assertThat(r.err()).contains("'mine'", "--custom-data-identifiers");
  }

  @Test
  void unreadableEstateExitsWithItsOwnCode() throws IOException {
    Run r =
        run(
            "inventory",
            "--estate",
            tmp.resolve("missing").toUri().toString(),
            "--home",
            tmp.toString());
    assertThat(r.code()).isEqualTo(6);
    assertThat(r.err()).contains("cannot read estate");
    assertThat(run("inventory", "--home", tmp.toString()).code()).isEqualTo(2);
  }
}
