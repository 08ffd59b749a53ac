package io.trawl.jobs.access;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.TrawlErrors;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;

/**
 * Thresholds and windows of the access analysis. Every field has a default ({@link #defaults()}); a
 * JSON file overrides any of them by name and unknown names are rejected. Documented in {@code
 * docs/access.md}.
 *
 * @param windowMinutes length of the tumbling windows anomalies are reported per (default 60)
 * @param timeZone IANA time zone of business hours (default UTC)
 * @param businessHoursStart first local hour of business hours, inclusive (default 7)
 * @param businessHoursEnd local hour business hours end, exclusive (default 20)
 * @param businessDays days of the week that have business hours (default MONDAY to FRIDAY)
 * @param learningDays days at the start of the logs that only build baselines: principals and
 *     networks first seen in them are not "new" (default 7)
 * @param minBaselineWindows active windows a principal needs before its own baseline is trusted for
 *     spikes and off-hours (default 5)
 * @param spikeMinReads fewest High-severity reads in a window that can be a spike (default 10)
 * @param spikeMadMultiplier how many robust standard deviations (1.4826 x MAD, at least 1) above
 *     the principal's median a spike must be (default 6)
 * @param bulkObjectReads object reads in one window that make a bulk download (default 1000)
 * @param bulkBytes bytes sent in one window that make a bulk download (default 5 GiB)
 * @param offHoursMaxShare a principal with more than this share of its active windows outside
 *     business hours works off-hours normally and is not flagged for it (default 0.2)
 * @param probingMinDenied fewest AccessDenied responses in a window that can be probing (default
 *     10)
 * @param probingMinDistinctKeys fewest distinct keys (or buckets) denied in that window (default 5)
 * @param probingMinDeniedShare smallest share of the window's requests that were denied (default
 *     0.5)
 * @param ownerAccountIds accounts that own the estate; a principal of another account reading a
 *     sensitive object is cross-account even where the log does not name the bucket's account
 *     (default none: the bucket's account from CloudTrail or the classification results)
 */
public record AccessAnalysisConfig(
    int windowMinutes,
    String timeZone,
    int businessHoursStart,
    int businessHoursEnd,
    List<DayOfWeek> businessDays,
    int learningDays,
    int minBaselineWindows,
    int spikeMinReads,
    double spikeMadMultiplier,
    long bulkObjectReads,
    long bulkBytes,
    double offHoursMaxShare,
    int probingMinDenied,
    int probingMinDistinctKeys,
    double probingMinDeniedShare,
    List<String> ownerAccountIds)
    implements Serializable {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Checks every value so a bad file fails before Spark starts. */
  public AccessAnalysisConfig {
    businessDays = List.copyOf(businessDays);
    ownerAccountIds = List.copyOf(ownerAccountIds);
    require(windowMinutes >= 1 && windowMinutes <= 1440, "windowMinutes must be 1-1440");
    require(1440 % windowMinutes == 0, "windowMinutes must divide a day (1440)");
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException | NullPointerException e) {
      throw TrawlErrors.invalidArgument("access config: unknown timeZone '%s'", timeZone);
    }
    require(
        businessHoursStart >= 0 && businessHoursStart < businessHoursEnd && businessHoursEnd <= 24,
        "business hours must satisfy 0 <= businessHoursStart < businessHoursEnd <= 24");
    require(learningDays >= 0, "learningDays must be >= 0");
    require(minBaselineWindows >= 1, "minBaselineWindows must be >= 1");
    require(spikeMinReads >= 1, "spikeMinReads must be >= 1");
    require(spikeMadMultiplier > 0, "spikeMadMultiplier must be > 0");
    require(bulkObjectReads >= 1 && bulkBytes >= 1, "bulk thresholds must be >= 1");
    require(offHoursMaxShare >= 0 && offHoursMaxShare <= 1, "offHoursMaxShare must be 0-1");
    require(probingMinDenied >= 1 && probingMinDistinctKeys >= 1, "probing minimums must be >= 1");
    require(
        probingMinDeniedShare >= 0 && probingMinDeniedShare <= 1,
        "probingMinDeniedShare must be 0-1");
  }

  /** The documented defaults. */
  public static AccessAnalysisConfig defaults() {
    return new AccessAnalysisConfig(
        60,
        "UTC",
        7,
        20,
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY),
        7,
        5,
        10,
        6.0,
        1000,
        5L * 1024 * 1024 * 1024,
        0.2,
        10,
        5,
        0.5,
        List.of());
  }

  /**
   * The defaults overridden by the fields of a JSON object, e.g. {@code {"timeZone":
   * "Europe/Berlin", "bulkObjectReads": 200}}.
   *
   * @param source where the JSON came from, for messages
   */
  public static AccessAnalysisConfig fromJson(String source, String json) {
    try {
      JsonNode given = MAPPER.readTree(json);
      if (given == null || !given.isObject()) {
        throw TrawlErrors.invalidJson(source, "the access config must be a JSON object", null);
      }
      ObjectNode merged = MAPPER.valueToTree(defaults());
      var names = given.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!merged.has(name)) {
          throw TrawlErrors.invalidJson(
              source,
              "unknown access config field '" + name + "'; known fields: " + fieldNames(merged),
              null);
        }
        merged.set(name, given.get(name));
      }
      return MAPPER.treeToValue(merged, AccessAnalysisConfig.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      if (e.getCause() instanceof io.trawl.TrawlException te) {
        throw te;
      }
      throw TrawlErrors.invalidJson(source, e.getOriginalMessage(), e);
    }
  }

  /** This configuration as JSON (every field), e.g. to print the effective settings. */
  public String toJson() {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The time zone of business hours. */
  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  private static String fieldNames(ObjectNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return String.join(", ", out);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw TrawlErrors.invalidArgument("access config: %s", message);
    }
  }
}
