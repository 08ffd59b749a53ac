package io.trawl.detection;

import java.io.Serializable;
import java.util.List;

/**
 * The compiled detection engine: build once per executor (it is Serializable and rebuilds its
 * compiled state after deserialisation), then one {@link ObjectScan} per object. STUB: issue 3.
 */
public final class DetectionEngine implements Serializable {
  private static final long serialVersionUID = 1L;

  private final EngineConfig config;

  private DetectionEngine(EngineConfig config) {
    this.config = config;
  }

  public static DetectionEngine create(EngineConfig config) {
    return new DetectionEngine(config);
  }

  public EngineConfig config() {
    return config;
  }

  public ObjectScan newScan() {
    throw new UnsupportedOperationException("issue 3");
  }

  /** Detects in one piece of unstructured text (line 1 onwards). */
  public List<Detection> detect(String text) {
    ObjectScan scan = newScan();
    scan.text(text, 1);
    return scan.detections();
  }
}
