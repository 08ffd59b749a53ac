package io.trawl.jobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.demo.DemoScores;
import io.trawl.jobs.testing.DemoWarehouse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The demo's scoring step, on the shared demo warehouse: every demo bucket has a sensitivity, an
 * exposure and a risk score with reasons, and the policy findings are exactly what its posture file
 * says.
 */
class DemoScoresTest {

  @Test
  void everyDemoBucketIsScoredAndPolicyFindingsMatchThePosture() {
    SparkSession spark = SharedSpark.session();
    DemoWarehouse demo = DemoWarehouse.get();
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("SENSITIVITY", "EXPOSURE", "RISK", "TOP REASON");

    List<Row> risk =
        spark
            .sql(
                "SELECT bucket, sensitivity_score, exposure_score, risk_score, risk_level,"
                    + " risk_reasons, policy_finding_types FROM "
                    + demo.table("bucket_risk")
                    + " WHERE run_id = '"
                    + DemoScores.RUN_ID
                    + "'")
            .collectAsList();
    Map<String, Row> byBucket = new HashMap<>();
    risk.forEach(r -> byBucket.put(r.getString(0), r));
    assertThat(byBucket.keySet())
        .containsExactlyInAnyOrder(
            "acme-hr-exports",
            "acme-payments",
            "acme-app-logs",
            "acme-dev-configs",
            "acme-public-website",
            "acme-health-records",
            "acme-archive");
    for (Row r : risk) {
      assertThat(r.isNullAt(1) || r.isNullAt(2) || r.isNullAt(3)).as(r.getString(0)).isFalse();
      assertThat(r.getInt(1)).isBetween(-1, 100).isNotEqualTo(0);
      assertThat(r.getList(5)).isNotEmpty();
    }
    assertThat(byBucket.get("acme-hr-exports").getInt(1)).isBetween(51, 99);
    assertThat(byBucket.get("acme-payments").getInt(1)).isBetween(51, 99);
    assertThat(byBucket.get("acme-hr-exports").getList(5).toString())
        .contains("shared with external account " + DemoScores.PARTNER_ACCOUNT);

    Map<String, TreeSet<String>> expected =
        Map.of(
            "acme-public-website",
            new TreeSet<>(
                List.of(
                    "Policy:IAMUser/S3BucketPublic", "Policy:IAMUser/S3BlockPublicAccessDisabled")),
            "acme-hr-exports",
            new TreeSet<>(List.of("Policy:IAMUser/S3BucketSharedExternally")),
            "acme-app-logs",
            new TreeSet<>(List.of("Policy:IAMUser/S3BucketEncryptionDisabled")),
            "acme-archive",
            new TreeSet<>(List.of("Policy:IAMUser/S3BucketReplicatedExternally")));
    Map<String, TreeSet<String>> found = new HashMap<>();
    for (Row f :
        spark
            .sql(
                "SELECT bucket, type FROM "
                    + demo.table("findings")
                    + " WHERE category = 'POLICY' AND run_id = '"
                    + DemoScores.RUN_ID
                    + "'")
            .collectAsList()) {
      found.computeIfAbsent(f.getString(0), k -> new TreeSet<>()).add(f.getString(1));
    }
    assertThat(found).isEqualTo(expected);
    for (Row r : risk) {
      assertThat(new TreeSet<>(r.<String>getList(6)))
          .as(r.getString(0))
          .isEqualTo(expected.getOrDefault(r.getString(0), new TreeSet<>()));
    }
    assertThat(byBucket.get("acme-public-website").getString(4)).isIn("HIGH", "CRITICAL", "MEDIUM");
  }
}
