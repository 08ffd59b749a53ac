package io.trawl.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.jobs.report.ReportData.BucketStats;
import io.trawl.jobs.report.ReportData.ComplianceStatus;
import io.trawl.jobs.report.ReportData.IdentifierStats;
import io.trawl.jobs.report.ReportData.PosturePoint;
import io.trawl.jobs.report.ReportData.RemediationItem;
import io.trawl.jobs.report.ReportData.RunSeverity;
import io.trawl.jobs.report.ReportData.RunSummary;
import io.trawl.jobs.report.ReportData.SensitiveObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering without Spark or a browser: escaping, empty states and self-containment. */
class HtmlReportTest {
  static final String EVIL_BUCKET = "evil<script>alert('b')</script>";
  static final String EVIL_KEY = "dir/\"><img src=x onerror=alert(1)>&.csv";

  /** A report with user data that tries to break out of the page. */
  static ReportData sample(List<PosturePoint> posture, List<ComplianceStatus> compliance) {
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    return new ReportData(
        "trawl",
        new RunSummary("run-2", "nightly <pii>", "COMPLETE", t, 40, 7, 123_456, 7),
        List.of(
            new BucketStats(EVIL_BUCKET, 20, 5, 100_000, 40_000, "High", 80),
            new BucketStats("acme-public", 20, 2, 23_456, 1_000, "Low", null)),
        List.of(
            new IdentifierStats("CREDIT_CARD_NUMBER", "FINANCIAL_INFORMATION", 4, 30),
            new IdentifierStats("EMPLOYEE_ID", "CUSTOM_IDENTIFIER", 1, 3)),
        List.of(
            new RunSeverity("run-1", t.minusSeconds(86_400), 1, 2, 3),
            new RunSeverity("run-2", t, 2, 2, 3)),
        posture,
        compliance,
        compliance == null
            ? List.of()
            : List.of(
                new RemediationItem(
                    "PCI-DSS", "3.4", "HIGH", EVIL_BUCKET, EVIL_KEY, 3, "Encrypt & restrict")),
        List.of(
            new SensitiveObject(
                EVIL_BUCKET,
                EVIL_KEY,
                "High",
                12,
                List.of("CREDIT_CARD_NUMBER"),
                List.of("4***-****-****-1111"))),
        t);
  }

  @Test
  void userDataIsEscapedEverywhere() {
    String html =
        HtmlReport.render(
            sample(
                List.of(new PosturePoint(EVIL_BUCKET, 80, 90, 88, "CRITICAL")),
                List.of(new ComplianceStatus("PCI<DSS>", 2, 1, 3, "HIGH", "NON_COMPLIANT"))));

    assertThat(html)
        .doesNotContain(EVIL_BUCKET)
        .doesNotContain("<img")
        .doesNotContain("<pii>")
        .doesNotContain("PCI<DSS>")
        .contains("evil&lt;script&gt;alert(&#39;b&#39;)&lt;/script&gt;")
        .contains("dir/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;.csv")
        .contains("PCI&lt;DSS&gt;");
    // Only the page's own two scripts: the error collector and the ready marker.
    assertThat(html.split("<script>", -1)).hasSize(3);
  }

  @Test
  void pageLoadsNothingFromAnywhere() {
    String html = HtmlReport.render(sample(List.of(), null));

    assertThat(html)
        .contains("Content-Security-Policy")
        .contains("default-src 'none'")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain(" src=\"")
        .doesNotContain(" href=\"");
  }

  @Test
  void withoutPostureThePageSaysSoAndDrawsNoMatrix() {
    String html = HtmlReport.render(sample(List.of(), null));

    assertThat(html)
        .contains("id=\"posture-empty\"")
        .contains("No posture yet")
        .doesNotContain("Buckets by sensitivity and exposure score");
  }

  @Test
  void withPostureTheMatrixPlotsEveryBucket() {
    String html =
        HtmlReport.render(
            sample(
                List.of(
                    new PosturePoint("a", 80, 90, 88, "CRITICAL"),
                    new PosturePoint("b", 20, 10, 12, "LOW")),
                null));

    assertThat(html).doesNotContain("id=\"posture-empty\"");
    String matrix = html.substring(html.indexOf("Buckets by sensitivity and exposure score"));
    assertThat(matrix.substring(0, matrix.indexOf("</svg>")).split("<circle", -1)).hasSize(3);
  }

  @Test
  void withoutComplianceViewsThePageSaysSo() {
    String html = HtmlReport.render(sample(List.of(), null));

    assertThat(html)
        .contains("id=\"compliance-missing\"")
        .contains("compliance_summary, compliance_violations")
        .doesNotContain("Top remediation items");
  }

  @Test
  void withComplianceViewsStatusAndRemediationAreShown() {
    String html =
        HtmlReport.render(
            sample(
                List.of(),
                List.of(
                    new ComplianceStatus("PCI-DSS", 2, 1, 3, "HIGH", "NON_COMPLIANT"),
                    new ComplianceStatus("HIPAA", 2, 0, 0, null, "COMPLIANT"))));

    assertThat(html)
        .doesNotContain("id=\"compliance-missing\"")
        .contains("Buckets violating each framework")
        .contains(">NON_COMPLIANT<")
        .contains(">COMPLIANT<")
        .contains("Top remediation items")
        .contains("Encrypt &amp; restrict");
  }

  @Test
  void sizesAndCountsAreReadable() {
    assertThat(Html.bytes(999)).isEqualTo("999 B");
    assertThat(Html.bytes(123_456)).isEqualTo("123 kB");
    assertThat(Html.bytes(1_500_000)).isEqualTo("1.5 MB");
    assertThat(Html.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(Html.shorten("abcdefgh", 5)).isEqualTo("abcd\u2026");
  }
}
