package io.trawl.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.cli.TrawlCli;
import io.trawl.jobs.spark.Rows;
import io.trawl.jobs.testing.DemoWarehouse;
import io.trawl.jobs.testing.HeadlessChromium;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report in a real browser (headless Chromium): the demo's page, and a page with posture and
 * compliance data, load without script errors and every chart has a size. The compliance views and
 * bucket_risk rows are tiny stand-ins with exactly the columns the "exports" and "scores" stages
 * write, in a database of their own ({@code report_full}) over the shared demo's tables, so the
 * shared demo database is never changed.
 */
class ReportBrowserTest {
  private static final Pattern BODY = Pattern.compile("<body([^>]*)>");
  private static final String FULL = "report_full";

  private static DemoWarehouse demo;
  private static HeadlessChromium chromium;

  @BeforeAll
  static void setUp() {
    demo = DemoWarehouse.get();
    chromium = HeadlessChromium.find();
  }

  @Test
  void demoWritesAReportThatRendersCleanly() throws Exception {
    Path page = demo.home().toAbsolutePath().resolve("demo/report.html");
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("HTML report: " + page);
    // On this branch the demo has neither posture nor compliance views; once the scoring and
    // export stages join the demo, their charts must render too.
    SparkSession spark = SharedSpark.session();
    boolean posture =
        spark.catalog().tableExists(demo.database(), "bucket_risk")
            && !spark.table(demo.table("bucket_risk")).isEmpty();
    boolean compliance =
        spark.catalog().tableExists(demo.database(), "compliance_summary")
            && spark.catalog().tableExists(demo.database(), "compliance_violations");
    boolean complianceChart =
        compliance && !spark.table(demo.table("compliance_summary")).isEmpty();

    String dom = chromium.dumpDom(page);
    Map<String, String> body = bodyAttributes(dom);

    assertThat(body).containsEntry("data-ready", "true").containsEntry("data-errors", "0");
    // Objects, bytes, data types and severity over runs, plus the matrix and compliance chart.
    assertThat(Integer.parseInt(body.get("data-charts")))
        .isEqualTo(4 + (posture ? 1 : 0) + (complianceChart ? 1 : 0));
    assertThat(body.get("data-charts-rendered")).isEqualTo(body.get("data-charts"));
    assertThat(dom.contains("id=\"posture-empty\"")).isEqualTo(!posture);
    assertThat(dom.contains("id=\"compliance-missing\"")).isEqualTo(!compliance);
    assertThat(dom).contains("CREDIT_CARD_NUMBER").contains("acme-");
  }

  @Test
  void noPostureAndNoComplianceStatesRenderCleanly() throws Exception {
    Path page = SharedSpark.newFolder("report").resolve("bare.html");
    Files.writeString(page, HtmlReport.render(HtmlReportTest.sample(List.of(), null)));

    String dom = chromium.dumpDom(page);
    Map<String, String> body = bodyAttributes(dom);

    assertThat(body).containsEntry("data-ready", "true").containsEntry("data-errors", "0");
    assertThat(body.get("data-charts")).isEqualTo("4");
    assertThat(body.get("data-charts-rendered")).isEqualTo("4");
    assertThat(dom)
        .contains("id=\"posture-empty\"")
        .contains("No posture yet")
        .contains("id=\"compliance-missing\"");
  }

  @Test
  void postureMatrixAndComplianceRenderWhenTheirTablesExist() throws Exception {
    createFullDatabase();
    Path page = SharedSpark.newFolder("report").resolve("report.html");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        TrawlCli.execute(
            new PrintWriter(out),
            new PrintWriter(err),
            "report",
            "--home",
            demo.home().toString(),
            "--database",
            FULL,
            "--run-id",
            "demo",
            "--out",
            page.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Report written to " + page);

    String dom = chromium.dumpDom(page);
    Map<String, String> body = bodyAttributes(dom);

    assertThat(body).containsEntry("data-ready", "true").containsEntry("data-errors", "0");
    assertThat(Integer.parseInt(body.get("data-charts"))).isEqualTo(6);
    assertThat(body.get("data-charts-rendered")).isEqualTo(body.get("data-charts"));
    assertThat(dom)
        .doesNotContain("id=\"posture-empty\"")
        .doesNotContain("id=\"compliance-missing\"")
        .contains("Buckets by sensitivity and exposure score")
        .contains("NON_COMPLIANT")
        .contains("Block public access &amp; encrypt");

    Path png =
        chromium.screenshot(
            page, Path.of("target/report-screenshot.png").toAbsolutePath(), 1200, 2600);
    System.out.println("report screenshot: " + png);
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(20_000);
    assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("PNG");
  }

  @Test
  void anUnknownRunIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        TrawlCli.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "report",
            "--home",
            demo.home().toString(),
            "--database",
            demo.database(),
            "--run-id",
            "no-such-run",
            "--out",
            SharedSpark.newFolder("report").resolve("r.html").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no run no-such-run");
  }

  /** The check itself can fail: a page with a broken script reports the error in its DOM. */
  @Test
  void theBrowserCheckSeesScriptErrors() throws Exception {
    String html =
        HtmlReport.render(HtmlReportTest.sample(List.of(), null))
            .replace(
                "<pre id=\"page-errors\">",
                "<script>notDefined();</script><pre id=\"page-errors\">");
    Path page = SharedSpark.newFolder("report").resolve("broken.html");
    Files.writeString(page, html);

    String dom = chromium.dumpDom(page);

    assertThat(bodyAttributes(dom)).containsEntry("data-errors", "1");
    assertThat(dom).contains("notDefined is not defined");
  }

  private static Map<String, String> bodyAttributes(String dom) {
    Matcher m = BODY.matcher(dom);
    assertThat(m.find()).as("a <body> in the DOM:\n%s", dom).isTrue();
    Map<String, String> attrs = new LinkedHashMap<>();
    Matcher a = Pattern.compile("([\\w-]+)=\"([^\"]*)\"").matcher(m.group(1));
    while (a.find()) {
      attrs.put(a.group(1), a.group(2));
    }
    return attrs;
  }

  /** Views over the demo's tables, a real bucket_risk table and stand-in compliance views. */
  private static void createFullDatabase() {
    SparkSession spark = SharedSpark.session();
    spark.sql("CREATE DATABASE IF NOT EXISTS " + FULL);
    for (String t : List.of("job_runs", "findings", "detections", "bucket_profiles")) {
      spark.sql("CREATE OR REPLACE VIEW " + FULL + "." + t + " AS SELECT * FROM " + demo.table(t));
    }
    TrawlCatalog catalog =
        new TrawlCatalog(FULL, SharedSpark.newFolder("report-risk").toUri().toString());
    List<Row> rows = new ArrayList<>();
    List<Row> buckets =
        spark
            .sql(
                "SELECT bucket, objects_sensitive FROM "
                    + demo.table("bucket_profiles")
                    + " ORDER BY bucket")
            .collectAsList();
    int i = 0;
    for (Row b : buckets) {
      int sensitivity = b.getLong(1) > 0 ? 60 + 5 * i : 10 + 3 * i;
      int exposure = (i * 37) % 100;
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("run_id", "score-1");
      v.put("account_id", "000000000000");
      v.put("bucket", b.getString(0));
      v.put("sensitivity_score", sensitivity);
      v.put("exposure_score", exposure);
      v.put("risk_score", (sensitivity + exposure) / 2);
      v.put("risk_level", i % 4 == 0 ? "CRITICAL" : i % 4 == 1 ? "HIGH" : "LOW");
      v.put("updated_at", Timestamp.valueOf("2026-11-20 10:00:00"));
      v.put("run_date", Date.valueOf("2026-11-20"));
      rows.add(Rows.of(TrawlTable.BUCKET_RISK.schema(), v));
      i++;
    }
    DeltaTables.append(
        spark,
        catalog,
        TrawlTable.BUCKET_RISK,
        spark.createDataFrame(rows, TrawlTable.BUCKET_RISK.schema()));
    spark.sql("DROP TABLE IF EXISTS " + FULL + ".bucket_risk");
    spark.sql(
        "CREATE TABLE "
            + FULL
            + ".bucket_risk USING DELTA LOCATION '"
            + catalog.tablePath(TrawlTable.BUCKET_RISK)
            + "'");
    spark.sql(
        "CREATE OR REPLACE VIEW "
            + FULL
            + ".compliance_summary AS SELECT * FROM VALUES"
            + " ('PCI-DSS', 7L, 2L, 5L, 'HIGH', 'NON_COMPLIANT'),"
            + " ('HIPAA', 7L, 0L, 0L, CAST(NULL AS STRING), 'COMPLIANT')"
            + " AS t(framework, buckets_evaluated, buckets_violating, violations,"
            + " highest_severity, status)");
    spark.sql(
        "CREATE OR REPLACE VIEW "
            + FULL
            + ".compliance_violations AS SELECT * FROM VALUES"
            + " ('PCI-DSS', '3.4', 'UNENCRYPTED_CARDHOLDER_DATA', 'HIGH', '000000000000',"
            + " 'acme-finance', 'exports/cards.csv', array('CREDIT_CARD_NUMBER'), 4L,"
            + " 'card numbers in a bucket without default encryption',"
            + " 'Block public access & encrypt', 'demo'),"
            + " ('PCI-DSS', '7.1', 'PUBLIC_CARDHOLDER_DATA', 'MEDIUM', '000000000000',"
            + " 'acme-public', CAST(NULL AS STRING), array('CREDIT_CARD_NUMBER'), 1L,"
            + " 'bucket readable by anyone', 'Turn on Block Public Access', 'demo')"
            + " AS t(framework, requirement, violation_type, severity, account_id, bucket, key,"
            + " identifier_types, objects, reason, remediation, run_id)");
  }
}
