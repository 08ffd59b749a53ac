package io.trawl.detection;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Macie's rules that turn an object's detections into a finding's type and severity. */
public final class FindingRules {
  private FindingRules() {}

  /**
   * {@code SensitiveData:S3Object/<Category>} or {@code /Multiple}; null if nothing was detected.
   */
  public static String findingType(List<Detection> detections) {
    Set<Category> categories = EnumSet.noneOf(Category.class);
    detections.forEach(d -> categories.add(d.category()));
    if (categories.isEmpty()) {
      return null;
    }
    return categories.size() == 1
        ? categories.iterator().next().findingType()
        : Category.MULTIPLE_FINDING_TYPE;
  }

  /** The highest severity among the detections ("highest wins"); null if there are none. */
  public static Severity severity(List<Detection> detections) {
    Severity max = null;
    for (Detection d : detections) {
      max = Severity.max(max, d.severity());
    }
    return max;
  }
}
