package io.trawl.detection;

import java.util.List;

/**
 * Detection state for one object: feed it content through the {@link ContentSink} methods, then
 * read {@link #detections()}. Not thread-safe; one per object.
 */
public interface ObjectScan extends ContentSink {

  /**
   * The detections found so far, after allow lists and ignore words, one per identifier with at
   * least one occurrence (custom identifiers below their lowest severity threshold are dropped),
   * sorted by type.
   */
  List<Detection> detections();
}
