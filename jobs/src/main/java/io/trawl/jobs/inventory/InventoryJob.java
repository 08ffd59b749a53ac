package io.trawl.jobs.inventory;

import io.trawl.TrawlErrors;
import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.jobs.inventory.EstateListing.Listed;
import io.trawl.jobs.inventory.EstateListing.Shard;
import io.trawl.jobs.spark.HadoopConfs;
import io.trawl.jobs.spark.Rows;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists an estate into the {@code objects} table as one snapshot: live listings of estate URIs
 * (parallel by prefix on executors) and/or S3 Inventory reports. Rerunning with the same snapshot
 * ID replaces that snapshot.
 */
public final class InventoryJob {
  private static final Logger LOG = LoggerFactory.getLogger(InventoryJob.class);

  /**
   * What to list.
   *
   * @param estates estate URIs to list ({@code s3a://bucket[/prefix]}, {@code file:///dir}, ...)
   * @param s3InventoryManifests {@code manifest.json} URIs of S3 Inventory reports
   * @param accountId the account that owns the listed buckets
   * @param objectScheme scheme used to read objects named in an S3 Inventory report (s3a or s3)
   * @param snapshotId the snapshot to write (null: a new one)
   */
  public record Settings(
      TrawlCatalog catalog,
      List<String> estates,
      List<String> s3InventoryManifests,
      String accountId,
      String objectScheme,
      String snapshotId)
      implements Serializable {}

  /** What was listed. */
  public record Result(String snapshotId, long objects, long bytes, long buckets) {}

  private final SparkSession spark;
  private final Settings settings;

  private InventoryJob(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  public static InventoryJob create(SparkSession spark, Settings settings) {
    return new InventoryJob(spark, settings);
  }

  public Result run() {
    Instant now = Instant.now();
    String snapshotId =
        settings.snapshotId() != null
            ? settings.snapshotId()
            : "snap-" + now.toString().replaceAll("[^0-9]", "").substring(0, 14);
    Snapshot snap =
        new Snapshot(
            snapshotId,
            Timestamp.from(now),
            Date.valueOf(now.atZone(ZoneOffset.UTC).toLocalDate()),
            settings.accountId());
    StructType schema = TrawlTable.OBJECTS.schema();
    Dataset<Row> rows = null;
    if (!settings.estates().isEmpty()) {
      rows = listEstates(snap, schema);
    }
    for (String manifest : settings.s3InventoryManifests()) {
      Dataset<Row> inv =
          S3InventoryReader.read(spark, manifest, settings.objectScheme(), snap, schema);
      rows = rows == null ? inv : rows.unionByName(inv);
    }
    if (rows == null) {
      throw TrawlErrors.invalidArgument("inventory needs --estate or --s3-inventory");
    }
    DeltaTables.ensureTable(spark, settings.catalog(), TrawlTable.OBJECTS);
    DeltaTables.replaceSnapshot(spark, settings.catalog(), snapshotId, rows);
    Row stats =
        spark
            .read()
            .format("delta")
            .load(settings.catalog().tablePath(TrawlTable.OBJECTS))
            .where(org.apache.spark.sql.functions.col("snapshot_id").equalTo(snapshotId))
            .selectExpr("count(*)", "coalesce(sum(size), 0)", "count(distinct bucket)")
            .first();
    Result result = new Result(snapshotId, stats.getLong(0), stats.getLong(1), stats.getLong(2));
    LOG.info(
        "inventory {}: {} objects, {} bytes in {} buckets",
        snapshotId,
        result.objects(),
        result.bytes(),
        result.buckets());
    return result;
  }

  /** What every object row of this snapshot shares. */
  record Snapshot(String id, Timestamp time, Date date, String accountId) implements Serializable {}

  private Dataset<Row> listEstates(Snapshot snap, StructType schema) {
    Map<String, String> confMap = HadoopConfs.capture(spark);
    Configuration conf = HadoopConfs.rebuild(confMap);
    List<Shard> roots = new ArrayList<>();
    for (String estate : settings.estates()) {
      try {
        List<Shard> r = EstateListing.roots(estate, conf);
        LOG.info("estate {}: {} bucket(s)", estate, r.size());
        roots.addAll(r);
      } catch (IOException | RuntimeException e) {
        throw TrawlErrors.unreadableEstate(estate, e);
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Map<String, String>> bconf = jsc.broadcast(new HashMap<>(confMap));
    // Phase 1: each bucket's top level, on executors; sub-folders come back as shards.
    JavaRDD<Object> level =
        jsc.parallelize(roots, Math.max(1, Math.min(roots.size(), 64)))
            .flatMap(
                shard -> {
                  List<Object> out = new ArrayList<>();
                  EstateListing.list(shard, HadoopConfs.rebuild(bconf.value()), out::add, out::add);
                  return out.iterator();
                });
    level.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    List<Shard> subShards = level.filter(o -> o instanceof Shard).map(o -> (Shard) o).collect();
    LOG.info("listing {} prefixes in parallel", subShards.size());
    JavaRDD<Listed> top = level.filter(o -> o instanceof Listed).map(o -> (Listed) o);
    // Phase 2: each prefix recursively, one flat listing stream per task.
    JavaRDD<Listed> deep =
        jsc.parallelize(subShards, Math.max(1, Math.min(subShards.size(), 256)))
            .flatMap(
                shard -> {
                  List<Listed> out = new ArrayList<>();
                  EstateListing.list(
                      shard,
                      HadoopConfs.rebuild(bconf.value()),
                      out::add,
                      s -> {
                        throw new IllegalStateException("recursive shards have no sub-shards");
                      });
                  return out.iterator();
                });
    JavaRDD<Row> rows = top.union(deep).map(l -> toRow(l, snap, schema));
    return spark.createDataFrame(rows, schema);
  }

  static Row toRow(Listed l, Snapshot snap, StructType schema) {
    Map<String, Object> v = new HashMap<>();
    v.put("account_id", snap.accountId());
    v.put("bucket", l.bucket());
    v.put("key", l.key());
    v.put("size", l.size());
    v.put("last_modified", new Timestamp(l.lastModified()));
    v.put("etag", l.etag());
    v.put("extension", extension(l.key()));
    v.put("source", "listing");
    v.put("estate_uri", l.estateUri());
    v.put("snapshot_id", snap.id());
    v.put("snapshot_time", snap.time());
    v.put("snapshot_date", snap.date());
    return Rows.of(schema, v);
  }

  /** Macie's extension rule: after the last dot of the file name, lower case; "" if none. */
  public static String extension(String key) {
    return new io.trawl.extraction.ObjectSource(key, -1, null).extension();
  }
}
