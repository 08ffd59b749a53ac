package io.trawl.jobs.classify;

import io.trawl.detection.Detection;
import io.trawl.extraction.ClassificationStatus;
import java.io.Serializable;
import java.util.List;

/**
 * The outcome of classifying one object: Macie's status and reason, what was detected, and what it
 * cost to find out.
 */
public record ObjectResult(
    ObjectRef object,
    ClassificationStatus status,
    String mimeType,
    long sizeClassified,
    long bytesRead,
    List<Detection> detections,
    List<String> unprocessedFiles,
    long classifiedAtMillis,
    long durationMillis)
    implements Serializable {

  public boolean sensitive() {
    return !detections.isEmpty();
  }
}
