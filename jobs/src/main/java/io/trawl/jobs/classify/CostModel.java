package io.trawl.jobs.classify;

import java.io.Serializable;

/**
 * A simple, documented estimate of what a run costs on AWS and what Macie would charge for the same
 * bytes. Prices are US East list prices (performance.md 4.1 and macie.md 12).
 *
 * @param getPerThousand S3 GET price per 1,000 requests
 * @param vcpuHour compute price per vCPU-hour (EMR on EC2 on-demand, Graviton, incl. EMR uplift)
 * @param mbPerSecondPerVcpu measured end-to-end throughput per vCPU used to convert bytes to time
 * @param maciePerGb Macie's price per GB analysed (first 50 TB tier)
 */
public record CostModel(
    double getPerThousand, double vcpuHour, double mbPerSecondPerVcpu, double maciePerGb)
    implements Serializable {

  public static CostModel defaults() {
    return new CostModel(0.0004, 0.048, 30.0, 1.00);
  }

  /** Estimated Trawl cost: one GET per object read plus compute at the modelled throughput. */
  public double trawlCost(long objectsRead, long bytesRead) {
    double requests = objectsRead / 1000.0 * getPerThousand;
    double vcpuHours = bytesRead / 1e6 / mbPerSecondPerVcpu / 3600.0;
    return requests + vcpuHours * vcpuHour;
  }

  /** What Macie would charge: uncompressed bytes classified at its per-GB price. */
  public double macieCost(long bytesClassified) {
    return bytesClassified / 1e9 * maciePerGb;
  }
}
