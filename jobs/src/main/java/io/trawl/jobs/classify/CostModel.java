package io.trawl.jobs.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.TrawlErrors;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;

/**
 * A documented estimate of what reading and classifying objects costs on AWS, and of what Macie
 * would charge for the same bytes. Defaults are US East list prices (performance.md 4.1 and
 * macie.md 12) and the throughput Trawl measured on one core (README: 29 MB/s per core for large
 * objects, 122 small objects per second per core). Every field can be changed in a JSON file given
 * with {@code --cost-model FILE}; see docs/cost-model.md.
 *
 * <p>Trawl's cost of analysing {@code n} objects of {@code b} bytes, {@code k} of them SSE-KMS, is
 * {@code n * GET + k * KMS + vcpuHours * vcpuHour} with {@code vcpuHours = (n /
 * smallObjectsPerSecondPerVcpu + b / (mbPerSecondPerVcpu * 1e6)) / 3600}: a fixed time per object
 * (what dominates small objects) plus a time per byte (what dominates large ones).
 *
 * @param getPerThousand S3 GET price per 1,000 requests (default $0.0004)
 * @param listPerThousand S3 LIST price per 1,000 requests (default $0.005)
 * @param objectsPerListPage keys returned by one LIST request (default 1,000, S3's maximum)
 * @param kmsPerTenThousand KMS Decrypt price per 10,000 requests, one per SSE-KMS object read
 *     without an S3 Bucket Key (default $0.03)
 * @param vcpuHour compute price per vCPU-hour (default $0.048: m6g on EMR on-demand, with the EMR
 *     uplift, performance.md 4.2)
 * @param mbPerSecondPerVcpu measured throughput per vCPU on large objects, MB (10^6 bytes) per
 *     second (default 29)
 * @param smallObjectsPerSecondPerVcpu measured objects per second per vCPU on small objects, i.e.
 *     the fixed cost of one object (default 122)
 * @param macieTier1PerGb Macie's price per GB analysed in the first {@code macieTier1Gb} GB of a
 *     month (default $1.00)
 * @param macieTier2PerGb Macie's price per GB for the next GB up to {@code macieTier2Gb} (default
 *     $0.50; macie.md 12 derives it from a quoted Region, unverified for US East)
 * @param macieTier3PerGb Macie's price per GB above {@code macieTier2Gb} (default $0.25, idem)
 * @param macieTier1Gb end of Macie's first price band in GB (default 50,000 = 50 TB)
 * @param macieTier2Gb end of Macie's second price band in GB (default 500,000 = 500 TB)
 * @param macieMonitoringPer100kObjectsMonth Macie's automated discovery object monitoring, per
 *     100,000 objects per month (default $0.01)
 */
public record CostModel(
    double getPerThousand,
    double listPerThousand,
    double objectsPerListPage,
    double kmsPerTenThousand,
    double vcpuHour,
    double mbPerSecondPerVcpu,
    double smallObjectsPerSecondPerVcpu,
    double macieTier1PerGb,
    double macieTier2PerGb,
    double macieTier3PerGb,
    double macieTier1Gb,
    double macieTier2Gb,
    double macieMonitoringPer100kObjectsMonth)
    implements Serializable {

  /** Bytes in one of Macie's billed GB, as Trawl has always counted them. */
  public static final double GB = 1e9;

  public CostModel {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("getPerThousand", getPerThousand);
    values.put("listPerThousand", listPerThousand);
    values.put("objectsPerListPage", objectsPerListPage);
    values.put("kmsPerTenThousand", kmsPerTenThousand);
    values.put("vcpuHour", vcpuHour);
    values.put("mbPerSecondPerVcpu", mbPerSecondPerVcpu);
    values.put("smallObjectsPerSecondPerVcpu", smallObjectsPerSecondPerVcpu);
    values.put("macieTier1PerGb", macieTier1PerGb);
    values.put("macieTier2PerGb", macieTier2PerGb);
    values.put("macieTier3PerGb", macieTier3PerGb);
    values.put("macieTier1Gb", macieTier1Gb);
    values.put("macieTier2Gb", macieTier2Gb);
    values.put("macieMonitoringPer100kObjectsMonth", macieMonitoringPer100kObjectsMonth);
    for (Entry<String, Double> e : values.entrySet()) {
      if (!Double.isFinite(e.getValue()) || e.getValue() < 0) {
        throw TrawlErrors.invalidArgument(
            "cost model: %s must be a number >= 0, got %s", e.getKey(), e.getValue());
      }
    }
    // Rates are divisors: zero would mean infinitely slow.
    if (mbPerSecondPerVcpu == 0 || smallObjectsPerSecondPerVcpu == 0 || objectsPerListPage == 0) {
      throw TrawlErrors.invalidArgument(
          "cost model: mbPerSecondPerVcpu, smallObjectsPerSecondPerVcpu and objectsPerListPage"
              + " must be > 0");
    }
    if (macieTier2Gb < macieTier1Gb) {
      throw TrawlErrors.invalidArgument(
          "cost model: macieTier2Gb (%s) must not be below macieTier1Gb (%s)",
          macieTier2Gb, macieTier1Gb);
    }
  }

  /** US East list prices and Trawl's measured single-core throughput (see the parameters). */
  public static CostModel defaults() {
    return new CostModel(
        0.0004, 0.005, 1000, 0.03, 0.048, 29.0, 122.0, 1.00, 0.50, 0.25, 50_000, 500_000, 0.01);
  }

  /**
   * Reads a cost model from JSON: an object whose fields are this record's parameter names; fields
   * left out keep their defaults; an unknown field or a value that is not a number >= 0 is an error
   * that names it.
   */
  public static CostModel fromJson(String source, String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw TrawlErrors.invalidJson(source, "cost model: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw TrawlErrors.invalidJson(source, "cost model: expected a JSON object", null);
    }
    Map<String, Double> values = defaults().asMap();
    Iterator<Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Entry<String, JsonNode> f = fields.next();
      if (!values.containsKey(f.getKey())) {
        throw TrawlErrors.invalidJson(
            source,
            String.format(
                "cost model: unknown field '%s' (known: %s)",
                f.getKey(), String.join(", ", values.keySet())),
            null);
      }
      if (!f.getValue().isNumber()) {
        throw TrawlErrors.invalidJson(
            source,
            String.format("cost model: %s must be a number, got %s", f.getKey(), f.getValue()),
            null);
      }
      values.put(f.getKey(), f.getValue().doubleValue());
    }
    try {
      return fromMap(values);
    } catch (io.trawl.TrawlException e) {
      throw TrawlErrors.invalidJson(source, e.getMessage(), null);
    }
  }

  /** The fields by name, in declaration order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("getPerThousand", getPerThousand);
    m.put("listPerThousand", listPerThousand);
    m.put("objectsPerListPage", objectsPerListPage);
    m.put("kmsPerTenThousand", kmsPerTenThousand);
    m.put("vcpuHour", vcpuHour);
    m.put("mbPerSecondPerVcpu", mbPerSecondPerVcpu);
    m.put("smallObjectsPerSecondPerVcpu", smallObjectsPerSecondPerVcpu);
    m.put("macieTier1PerGb", macieTier1PerGb);
    m.put("macieTier2PerGb", macieTier2PerGb);
    m.put("macieTier3PerGb", macieTier3PerGb);
    m.put("macieTier1Gb", macieTier1Gb);
    m.put("macieTier2Gb", macieTier2Gb);
    m.put("macieMonitoringPer100kObjectsMonth", macieMonitoringPer100kObjectsMonth);
    return m;
  }

  private static CostModel fromMap(Map<String, Double> m) {
    return new CostModel(
        m.get("getPerThousand"),
        m.get("listPerThousand"),
        m.get("objectsPerListPage"),
        m.get("kmsPerTenThousand"),
        m.get("vcpuHour"),
        m.get("mbPerSecondPerVcpu"),
        m.get("smallObjectsPerSecondPerVcpu"),
        m.get("macieTier1PerGb"),
        m.get("macieTier2PerGb"),
        m.get("macieTier3PerGb"),
        m.get("macieTier1Gb"),
        m.get("macieTier2Gb"),
        m.get("macieMonitoringPer100kObjectsMonth"));
  }

  /** Estimated Trawl cost of reading objects none of which are SSE-KMS (used by job runs). */
  public double trawlCost(long objectsRead, long bytesRead) {
    return trawlCost(objectsRead, bytesRead, 0);
  }

  /** Estimated Trawl cost: GETs, KMS Decrypt calls for SSE-KMS objects, and compute. */
  public double trawlCost(double objectsRead, double bytesRead, double kmsObjects) {
    return objectsRead / 1000.0 * getPerThousand
        + kmsObjects / 10_000.0 * kmsPerTenThousand
        + vcpuHours(objectsRead, bytesRead) * vcpuHour;
  }

  /** vCPU-hours to read and classify: a fixed time per object plus a time per byte. */
  public double vcpuHours(double objects, double bytes) {
    double seconds = objects / smallObjectsPerSecondPerVcpu + bytes / 1e6 / mbPerSecondPerVcpu;
    return seconds / 3600.0;
  }

  /** LIST requests to list this many objects (the inventory's cost when listing live). */
  public double listingCost(long objectsListed) {
    double pages = Math.ceil(objectsListed / objectsPerListPage);
    return pages / 1000.0 * listPerThousand;
  }

  /** What Macie would charge to analyse these (uncompressed) bytes in one month, tier by tier. */
  public double macieCost(long bytesClassified) {
    return macieCost((double) bytesClassified);
  }

  /** As {@link #macieCost(long)} for an expected (fractional) byte count. */
  public double macieCost(double bytes) {
    double gb = bytes / GB;
    double tier1 = Math.min(gb, macieTier1Gb);
    double tier2 = Math.max(0, Math.min(gb, macieTier2Gb) - macieTier1Gb);
    double tier3 = Math.max(0, gb - macieTier2Gb);
    return tier1 * macieTier1PerGb + tier2 * macieTier2PerGb + tier3 * macieTier3PerGb;
  }

  /** Macie's automated discovery object monitoring for these objects over {@code days}. */
  public double macieMonitoringCost(long objectsMonitored, double days) {
    return objectsMonitored / 100_000.0 * macieMonitoringPer100kObjectsMonth * days / 30.0;
  }
}
