package io.trawl.jobs.access;

import io.trawl.catalog.TrawlTable;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark row layouts of the access job that are not tables. */
final class AccessColumns {
  private AccessColumns() {}

  /**
   * Parsed files: {@code kind} (event or rejected), the {@code access_events} columns, then the
   * rejection's reason, excerpt and run date.
   */
  static final StructType INGEST = ingest();

  private static StructType ingest() {
    StructType t = new StructType().add("kind", DataTypes.StringType, false);
    for (StructField f : TrawlTable.ACCESS_EVENTS.schema().fields()) {
      t = t.add(f.name(), f.dataType(), true);
    }
    return t.add("reason", DataTypes.StringType, true)
        .add("excerpt", DataTypes.StringType, true)
        .add("run_date", DataTypes.DateType, true);
  }
}
