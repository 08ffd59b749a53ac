package io.trawl.jobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.testing.DemoWarehouse;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The demo's governance step: its suppression rule, the compliance views and the summary. */
class DemoGovernanceTest {
  @Test
  void demoSuppressesArchiveBackupsAndReportsCompliance() {
    DemoWarehouse demo = DemoWarehouse.get();
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out())
        .contains("Suppression rule reviewed-archive-backups archived")
        .contains("Compliance (views compliance_violations and compliance_summary):")
        .contains("HIPAA", "PCI DSS", "GDPR", "CCPA", "SOX");
    var spark = SharedSpark.session();
    List<Row> archived =
        spark
            .sql("SELECT DISTINCT bucket FROM " + demo.table("findings") + " WHERE archived")
            .collectAsList();
    assertThat(archived).extracting(r -> r.getString(0)).containsExactly("acme-archive");
    assertThat(
            spark
                .sql(
                    "SELECT count(*) FROM "
                        + demo.table("compliance_violations")
                        + " WHERE bucket = 'acme-archive'")
                .first()
                .getLong(0))
        .isZero();
    assertThat(spark.sql("SELECT * FROM " + demo.table("compliance_summary")).count()).isEqualTo(5);
  }
}
