package io.trawl.extraction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import org.apache.hadoop.conf.Configuration;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.Parser;

/**
 * The expensive, reusable parts of extraction, built once per {@link ContentExtractor} (so once per
 * Spark task): Tika's configuration, parser and container detector, Jackson's factory, the parse
 * watchdog and a Hadoop configuration for Parquet.
 */
final class ExtractionTools implements AutoCloseable {
  private final TypeDetection detection = new TypeDetection();
  private final Watchdog watchdog = new Watchdog();
  private final JsonFactory jsonFactory;
  private TikaConfig tikaConfig;
  private Parser tikaParser;
  private Configuration hadoopConf;

  ExtractionTools() {
    jsonFactory =
        JsonFactory.builder()
            // Our own nesting check decides; let Jackson go deeper than Macie's 256 so we can
            // tell "too deep" apart from "malformed".
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(2000)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(100_000)
                    .build())
            .build();
  }

  TypeDetection detection() {
    return detection;
  }

  Watchdog watchdog() {
    return watchdog;
  }

  JsonFactory jsonFactory() {
    return jsonFactory;
  }

  synchronized Parser tikaParser() {
    if (tikaParser == null) {
      tikaParser = new AutoDetectParser(tikaConfig());
    }
    return tikaParser;
  }

  synchronized Detector tikaDetector() {
    return tikaConfig().getDetector();
  }

  private TikaConfig tikaConfig() {
    if (tikaConfig == null) {
      tikaConfig = TikaConfig.getDefaultConfig();
    }
    return tikaConfig;
  }

  synchronized Configuration hadoopConf() {
    if (hadoopConf == null) {
      hadoopConf = new Configuration(false);
    }
    return hadoopConf;
  }

  @Override
  public void close() {
    watchdog.close();
  }
}
