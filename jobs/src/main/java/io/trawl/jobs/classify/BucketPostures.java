package io.trawl.jobs.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.delta.tables.DeltaTable;
import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.jobs.classify.ScopeFilter.BucketPosture;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Each bucket's latest posture (effective permission, shared access, tags) from {@code
 * bucket_risk}, for jobs whose bucket criteria ask for it. Macie evaluates such criteria against
 * its bucket inventory when a job starts; Trawl's equivalent is the newest scoring run's row per
 * bucket, so run {@code trawl score} (with posture from the AWS API or a posture file) first.
 */
final class BucketPostures {
  private BucketPostures() {}

  /** Latest posture per "account/bucket"; empty if no scoring run has written bucket_risk. */
  static Map<String, BucketPosture> latest(SparkSession spark, TrawlCatalog catalog) {
    Map<String, BucketPosture> out = new HashMap<>();
    if (!DeltaTable.isDeltaTable(spark, catalog.tablePath(TrawlTable.BUCKET_RISK))) {
      return out;
    }
    // One row per bucket, however many scoring runs the table holds: the driver collects only
    // the buckets, never the history.
    for (Row r :
        DeltaTables.read(spark, catalog, TrawlTable.BUCKET_RISK)
            .groupBy(col("account_id"), col("bucket"))
            .agg(
                expr("max_by(struct(effective_permission, shared_access, bucket_tags),"
                        + " updated_at)")
                    .as("p"))
            .collectAsList()) {
      Row p = r.getStruct(2);
      Map<String, String> tags = p.isNullAt(2) ? Map.of() : p.getJavaMap(2);
      out.put(
          r.getString(0) + "/" + r.getString(1),
          new BucketPosture(
              p.isNullAt(0) ? "UNKNOWN" : p.getString(0),
              p.isNullAt(1) ? "UNKNOWN" : p.getString(1),
              new HashMap<>(tags)));
    }
    return out;
  }
}
