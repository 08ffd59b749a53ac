package io.trawl.spark;

import io.trawl.detection.Detection;
import io.trawl.detection.DetectionEngine;
import io.trawl.detection.EngineConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark SQL functions over the detection engine. The functions only convert types and delegate; the
 * engine is broadcast once, so each executor JVM deserialises and compiles it once (lazily, on
 * first use), never per row.
 *
 * <ul>
 *   <li>{@code trawl_detect(text)}: {@code array<struct<type, category, count, severity>>}, one
 *       element per identifier found (severity as in Macie findings: Low, Medium, High);
 *   <li>{@code trawl_mask(text)}: the text with every detected value replaced by its masked form;
 *   <li>{@code trawl_is_sensitive(text)}: true if anything is detected.
 * </ul>
 *
 * All three return null for a null text.
 */
public final class TrawlFunctions {
  public static final String DETECT = "trawl_detect";
  public static final String MASK = "trawl_mask";
  public static final String IS_SENSITIVE = "trawl_is_sensitive";

  /** The element type of {@code trawl_detect}'s result. */
  public static final StructType DETECTION =
      new StructType()
          .add("type", DataTypes.StringType, false)
          .add("category", DataTypes.StringType, false)
          .add("count", DataTypes.LongType, false)
          .add("severity", DataTypes.StringType, false);

  /** The result type of {@code trawl_detect}. */
  public static final DataType DETECTIONS = ArrayType.apply(DETECTION, false);

  private TrawlFunctions() {}

  /** Registers the functions with an engine over the shipped catalog built from {@code config}. */
  public static void register(SparkSession spark, EngineConfig config) {
    register(spark, DetectionEngine.create(config));
  }

  /** Registers the functions over an engine built by the caller (e.g. with its own catalog). */
  public static void register(SparkSession spark, DetectionEngine engine) {
    Broadcast<DetectionEngine> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(engine);
    spark.udf().register(DETECT, new Detect(shared), DETECTIONS);
    spark.udf().register(MASK, new Mask(shared), DataTypes.StringType);
    spark.udf().register(IS_SENSITIVE, new IsSensitive(shared), DataTypes.BooleanType);
  }

  static final class Detect implements UDF1<String, List<Row>> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<DetectionEngine> engine;

    Detect(Broadcast<DetectionEngine> engine) {
      this.engine = engine;
    }

    @Override
    public List<Row> call(String text) {
      if (text == null) {
        return null;
      }
      List<Row> rows = new ArrayList<>();
      for (Detection d : engine.value().detect(text)) {
        rows.add(
            RowFactory.create(
                d.type(), d.category().name(), d.count(), d.severity().description()));
      }
      return rows;
    }
  }

  static final class Mask implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<DetectionEngine> engine;

    Mask(Broadcast<DetectionEngine> engine) {
      this.engine = engine;
    }

    @Override
    public String call(String text) {
      return text == null ? null : engine.value().mask(text);
    }
  }

  static final class IsSensitive implements UDF1<String, Boolean> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<DetectionEngine> engine;

    IsSensitive(Broadcast<DetectionEngine> engine) {
      this.engine = engine;
    }

    @Override
    public Boolean call(String text) {
      return text == null ? null : !engine.value().detect(text).isEmpty();
    }
  }
}
