package io.trawl.jobs.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.TrawlException;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compliance views over tiny findings and bucket_risk tables, and their Athena DDL. */
class ComplianceViewsTest {
  private static SparkSession spark;
  private static TrawlCatalog catalog;
  private static List<Row> violations;
  private static List<Row> summary;

  @BeforeAll
  static void setUp() {
    spark = SharedSpark.session();
    catalog =
        new TrawlCatalog(
            "compliance_test",
            TrawlCatalog.local(SharedSpark.newFolder("compliance")).warehouseRoot());
    GovernanceRows.write(spark, catalog);
    ComplianceViews.create(spark, catalog, ComplianceFrameworks.load());
    // Queried once: each query of the views plans and runs the whole rule set.
    violations = spark.table("compliance_test.compliance_violations").collectAsList();
    summary = spark.table("compliance_test.compliance_summary").collectAsList();
  }

  @Test
  void violationsAreExactlyTheExpectedOnes() {
    List<String> rows = new ArrayList<>();
    for (Row r : violations) {
      rows.add(
          String.join(
              " | ",
              r.getString(0),
              r.getString(2),
              r.getString(3),
              r.getString(5),
              r.isNullAt(6) ? "-" : r.getString(6),
              String.join("+", r.<String>getList(7)),
              String.valueOf(r.getLong(8)),
              r.getString(11)));
    }
    assertThat(rows)
        .containsExactlyInAnyOrder(
            "HIPAA | PHI_IN_PUBLIC_BUCKET | High | health-public | - | UK_NHS_NUMBER | 2 | r1",
            "GDPR | EU_PERSONAL_DATA_IN_PUBLIC_BUCKET | High | health-public | - | UK_NHS_NUMBER | 2"
                + " | r1",
            "PCI DSS | CARDHOLDER_DATA_OUTSIDE_CDE | High | logs | dump.txt |"
                + " CREDIT_CARD_NUMBER+CREDIT_CARD_SECURITY_CODE | 1 | r1",
            "PCI DSS | SENSITIVE_AUTHENTICATION_DATA_STORED | High | logs | dump.txt |"
                + " CREDIT_CARD_SECURITY_CODE | 1 | r1",
            "CCPA | POSTURE_UNKNOWN | Low | no-posture | - | USA_SOCIAL_SECURITY_NUMBER | 1 | r1",
            "CCPA | POSTURE_UNKNOWN | Low | no-posture | - | USA_SOCIAL_SECURITY_NUMBER | 1 | r1");
  }

  @Test
  void violationsExplainAndSayWhatToDo() {
    Row v =
        violations.stream()
            .filter(x -> x.getString(2).equals("PHI_IN_PUBLIC_BUCKET"))
            .findFirst()
            .orElseThrow();
    Row r = org.apache.spark.sql.RowFactory.create(v.getString(9), v.getString(10), v.getString(4));
    assertThat(r.getString(0))
        .isEqualTo(
            "Protected health information (UK_NHS_NUMBER) found in 2 object(s) of bucket"
                + " health-public: the bucket is public (effectivePermission PUBLIC)");
    assertThat(r.getString(1)).contains("Block Public Access");
    assertThat(r.getString(2)).isEqualTo(GovernanceRows.ACCOUNT);
    Row u =
        violations.stream()
            .filter(x -> x.getString(2).equals("POSTURE_UNKNOWN"))
            .findFirst()
            .orElseThrow();
    Row unknown = org.apache.spark.sql.RowFactory.create(u.getString(9), u.getString(10));
    assertThat(unknown.getString(0)).contains("posture this rule needs is unknown");
    assertThat(unknown.getString(1)).contains("bucket risk scoring");
  }

  @Test
  void viewsHaveTheAgreedColumns() {
    assertThat(spark.table("compliance_test.compliance_violations").schema().simpleString())
        .isEqualTo(
            "struct<framework:string,requirement:string,violation_type:string,severity:string,"
                + "account_id:string,bucket:string,key:string,identifier_types:array<string>,"
                + "objects:bigint,reason:string,remediation:string,run_id:string>");
    assertThat(spark.table("compliance_test.compliance_summary").schema().simpleString())
        .isEqualTo(
            "struct<framework:string,buckets_evaluated:bigint,buckets_violating:bigint,"
                + "violations:bigint,highest_severity:string,status:string>");
  }

  @Test
  void summaryPerFramework() {
    List<String> rows = new ArrayList<>();
    for (Row r : summary) {
      rows.add(
          r.getString(0)
              + " "
              + r.getLong(1)
              + " "
              + r.getLong(2)
              + " "
              + r.getLong(3)
              + " "
              + r.getString(4)
              + " "
              + r.getString(5));
    }
    assertThat(rows)
        .containsExactlyInAnyOrder(
            "HIPAA 4 1 1 High NON_COMPLIANT",
            "PCI DSS 4 1 2 High NON_COMPLIANT",
            "GDPR 4 1 1 High NON_COMPLIANT",
            "CCPA 4 1 2 Low NON_COMPLIANT",
            "SOX 4 0 0 null COMPLIANT");
  }

  @Test
  void cardholderTagIsConfigurable() {
    TrawlCatalog other = new TrawlCatalog("compliance_tag_test", catalog.warehouseRoot());
    ComplianceViews.create(
        spark,
        other,
        ComplianceFrameworks.load()
            .withCardholderTag(ComplianceFrameworks.Tag.parse("team=ops"))
            .only(List.of("pci_dss")));
    List<Row> rows =
        spark
            .sql(
                "SELECT bucket, violation_type FROM compliance_tag_test.compliance_violations"
                    + " WHERE violation_type = 'CARDHOLDER_DATA_OUTSIDE_CDE'")
            .collectAsList();
    // Now logs is the cardholder environment and payments is outside it.
    assertThat(rows).extracting(r -> r.getString(0)).containsExactly("payments");
    assertThatThrownBy(() -> ComplianceFrameworks.load().only(List.of("ISO27001")))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("unknown framework");
  }

  @Test
  void everyFrameworkHasRulesWithRemediation() {
    ComplianceFrameworks fw = ComplianceFrameworks.load();
    assertThat(fw.frameworks())
        .extracting(ComplianceFrameworks.Framework::name)
        .containsExactly("HIPAA", "PCI DSS", "GDPR", "CCPA", "SOX");
    for (ComplianceFrameworks.Rule r : fw.rules()) {
      assertThat(r.identifierTypes()).as(r.violationType()).isNotEmpty();
      assertThat(r.remediation().length()).as(r.violationType()).isGreaterThan(60);
    }
  }

  /** The checked-in Athena DDL must match the frameworks; regenerate with REGENERATE. */
  @Test
  void athenaDdlIsUpToDate() throws IOException {
    Path repoRoot = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    Path file = repoRoot.resolve(ComplianceViews.ATHENA_VIEWS);
    String expected = ComplianceViews.athenaDdl(ComplianceFrameworks.load(), "trawl");
    if (Boolean.getBoolean("trawl.regenerate")) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "")
        .as("%s is stale; regenerate with: %s", file, ComplianceViews.REGENERATE)
        .isEqualTo(expected);
    // Athena (Trino) syntax, not Spark's.
    assertThat(expected).contains("ARRAY['").contains("array_agg(").doesNotContain("collect_list");
  }
}
