package io.trawl.jobs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  @Test
  void progressLineSaysWhatIsDoneOutOfTheTotalWithRateAndEta() {
    LongAccumulator objects = new LongAccumulator();
    LongAccumulator bytes = new LongAccumulator();
    try (ProgressReporter p =
        new ProgressReporter("classify r1", objects, bytes, 10, 50_000_000L, 60_000)) {
      assertThat(p.line()).startsWith("0/10 objects, 0.0/50.0 MB").endsWith("ETA unknown");
      objects.add(4);
      bytes.add(20_000_000L);
      assertThat(p.line())
          .startsWith("4/10 objects, 20.0/50.0 MB, ")
          .contains(" MB/s, ETA ")
          .endsWith(" s");
    }
  }
}
