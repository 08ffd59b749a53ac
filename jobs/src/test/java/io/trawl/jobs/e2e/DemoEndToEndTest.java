package io.trawl.jobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.cli.TrawlCli;
import io.trawl.jobs.testing.DemoWarehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@code trawl demo} through the CLI, as a new user runs it: it must finish, print a summary per
 * bucket, and leave real findings in registered tables. (In this test JVM the CLI reuses the shared
 * session; its tables go to their own database.)
 */
class DemoEndToEndTest {

  @Test
  void demoFindsTheSeededDataAndNothingOutOfScope() {
    SparkSession spark = SharedSpark.session();
    DemoWarehouse demo = DemoWarehouse.get();
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out())
        .contains(
            "acme-payments", "acme-hr-exports", "acme-dev-configs", "HIGHEST", "bin/trawl sql");

    List<String> types =
        spark
            .sql("SELECT DISTINCT type FROM demo_shared.detections")
            .as(Encoders.STRING())
            .collectAsList();
    assertThat(types)
        .contains(
            "USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER", "AWS_CREDENTIALS", "EMPLOYEE_ID");
    // Out of scope (scratch/) and allow-listed (the sandbox card) never appear.
    assertThat(
            spark
                .sql(
                    "SELECT count(*) FROM demo_shared.classification_results WHERE key LIKE"
                        + " 'scratch/%'")
                .first()
                .getLong(0))
        .isZero();
    assertThat(
            spark
                .sql("SELECT count(*) FROM demo_shared.detections WHERE key = 'docs/testing.md'")
                .first()
                .getLong(0))
        .isZero();
    // Every format in the estate got a result; bad objects were skipped with a reason.
    assertThat(
            spark
                .sql(
                    "SELECT count(*) FROM demo_shared.classification_results WHERE status_code ="
                        + " 'SKIPPED' AND status_reason IS NULL")
                .first()
                .getLong(0))
        .isZero();
    assertThat(
            spark
                .sql(
                    "SELECT status_reason FROM demo_shared.classification_results WHERE key ="
                        + " 'img/logo.png'")
                .as(Encoders.STRING())
                .collectAsList())
        .containsExactly("UNSUPPORTED_FILE_TYPE_EXCEPTION");
    assertThat(
            spark.sql("SELECT count(DISTINCT bucket) FROM demo_shared.findings").first().getLong(0))
        .isGreaterThanOrEqualTo(5);

    // The sql subcommand queries the same catalog (the database is current).
    StringWriter sqlOut = new StringWriter();
    int sqlCode =
        TrawlCli.execute(
            new PrintWriter(sqlOut),
            new PrintWriter(new StringWriter()),
            "sql",
            "--home",
            demo.home().toString(),
            "--database",
            DemoWarehouse.DATABASE,
            "--format",
            "csv",
            "SELECT count(DISTINCT bucket) AS buckets FROM findings");
    assertThat(sqlCode).isZero();
    assertThat(sqlOut.toString().lines().toList()).first().isEqualTo("buckets");
    StringWriter badErr = new StringWriter();
    assertThat(
            TrawlCli.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(badErr),
                "sql",
                "--home",
                demo.home().toString(),
                "--database",
                DemoWarehouse.DATABASE,
                "SELECT nope FROM findings"))
        .isEqualTo(2);
    assertThat(badErr.toString()).startsWith("trawl: query failed");
  }
}
