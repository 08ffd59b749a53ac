package io.trawl.jobs.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trawl.TrawlException;
import io.trawl.jobs.classify.CostModel;
import org.junit.jupiter.api.Test;

/** The cost model's arithmetic, its JSON configuration, and budget parsing. No Spark. */
class CostModelAndBudgetTest {
  final CostModel cost = CostModel.defaults();

  @Test
  void trawlCostIsRequestsKmsAndComputeAtTheMeasuredThroughput() {
    // 1 GB in 1,000 objects of 1 MB: 1,000 GETs, 1,000/122 s + 1000 MB / 29 MB/s of one vCPU.
    double seconds = 1000 / 122.0 + 1000 / 29.0;
    double expected = 0.0004 + seconds / 3600 * 0.048;
    assertThat(cost.trawlCost(1000, 1_000_000_000L)).isCloseTo(expected, within(1e-12));
    assertThat(cost.trawlCost(1000, 1e9, 1000) - cost.trawlCost(1000, 1e9, 0))
        .isCloseTo(0.003, within(1e-12));
    // Small objects are dominated by the per-object time and the GETs, as performance.md 4.4 says.
    assertThat(cost.trawlCost(250_000, 1e9, 0)).isGreaterThan(cost.trawlCost(1000, 1e9, 0) * 20);
    assertThat(cost.listingCost(1_000_000)).isCloseTo(0.005, within(1e-12));
  }

  @Test
  void macieChargesByTierAndMonitorsObjects() {
    assertThat(cost.macieCost(10_000_000_000L)).isCloseTo(10.0, within(1e-9));
    // 60 TB: 50 TB at $1 and 10 TB at $0.50.
    assertThat(cost.macieCost(60e12)).isCloseTo(50_000 + 5_000, within(1e-6));
    assertThat(cost.macieCost(600e12)).isCloseTo(50_000 + 225_000 + 25_000, within(1e-6));
    assertThat(cost.macieMonitoringCost(3_000_000, 30)).isCloseTo(0.30, within(1e-12));
  }

  @Test
  void jsonOverridesOnlyWhatItNamesAndRejectsUnknownFields() {
    CostModel spot =
        CostModel.fromJson("spot.json", "{\"vcpuHour\": 0.0217, \"kmsPerTenThousand\": 0}");
    assertThat(spot.vcpuHour()).isEqualTo(0.0217);
    assertThat(spot.kmsPerTenThousand()).isZero();
    assertThat(spot.getPerThousand()).isEqualTo(cost.getPerThousand());
    assertThatThrownBy(() -> CostModel.fromJson("x.json", "{\"vcpuHours\": 1}"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("unknown field 'vcpuHours'")
        .hasMessageContaining("vcpuHour");
    assertThatThrownBy(() -> CostModel.fromJson("x.json", "{\"vcpuHour\": \"cheap\"}"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> CostModel.fromJson("x.json", "{\"mbPerSecondPerVcpu\": 0}"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("must be > 0");
    assertThatThrownBy(() -> CostModel.fromJson("x.json", "{\"getPerThousand\": -1}"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> CostModel.fromJson("x.json", "[1]"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> CostModel.fromJson("x.json", "{"))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("x.json");
  }

  @Test
  void budgetsParseInGigabytesObjectsAndDollars() {
    assertThat(Budget.parse("10GB")).isEqualTo(new Budget(Budget.Unit.GB, 10, "10GB"));
    assertThat(Budget.parse("0.5gb").amount()).isEqualTo(0.5);
    assertThat(Budget.parse("500objects").unit()).isEqualTo(Budget.Unit.OBJECTS);
    assertThat(Budget.parse("1 object").amount()).isEqualTo(1);
    assertThat(Budget.parse("$2.50").unit()).isEqualTo(Budget.Unit.USD);
    assertThat(Budget.parse("3USD").amount()).isEqualTo(3);
    for (String bad : new String[] {"10", "ten GB", "$5GB", "1.5objects", "0GB", "-1GB", ""}) {
      assertThatThrownBy(() -> Budget.parse(bad)).as(bad).isInstanceOf(TrawlException.class);
    }
    Budget gb = Budget.parse("1GB");
    assertThat(gb.unitsPerObject(2e6, 0, cost)).isCloseTo(0.002, within(1e-12));
    assertThat(Budget.parse("$1").unitsPerObject(2e6, 1, cost))
        .isCloseTo(cost.trawlCost(1, 2e6, 1), within(1e-15));
  }
}
