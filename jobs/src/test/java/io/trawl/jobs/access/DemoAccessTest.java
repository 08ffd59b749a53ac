package io.trawl.jobs.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.testing.DemoWarehouse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code trawl demo} ends with the access analysis of its generated logs (shared demo run). */
class DemoAccessTest {
  @Test
  void theDemoPrintsTheTopAnomaliesAndFindsEveryKind() {
    DemoWarehouse demo = DemoWarehouse.get();
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out())
        .contains("Top unusual access to sensitive data")
        .contains("ANONYMOUS_SENSITIVE_READ");
    List<String> kinds =
        SharedSpark.session()
            .sql(
                "SELECT DISTINCT explode(anomaly_types) FROM "
                    + demo.table("access_anomalies")
                    + " WHERE run_id = '"
                    + DemoAccess.RUN_ID
                    + "'")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            java.util.Arrays.stream(AccessAnalysis.AnomalyType.values())
                .map(Enum::name)
                .toArray(String[]::new));
    assertThat(
            SharedSpark.session()
                .sql("SELECT count(*) FROM " + demo.table("sensitive_access"))
                .first()
                .getLong(0))
        .isPositive();
  }
}
