package io.trawl.catalog;

import io.delta.tables.DeltaTable;
import io.trawl.TrawlErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and writes Trawl's Delta tables by path. Every write is one Delta commit; {@link
 * #replaceRun} and {@link #replaceSnapshot} replace exactly the rows of one run or snapshot, so a
 * rerun never duplicates and other runs are untouched. Tables keep Delta's most widely readable
 * protocol (reader 1, writer 2: no deletion vectors, no column mapping) so Athena can read them.
 */
public final class DeltaTables {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaTables.class);

  /** Table properties set at creation; they keep the protocol readable by Athena. */
  static final java.util.Map<String, String> TABLE_PROPERTIES =
      java.util.Map.of("delta.enableDeletionVectors", "false");

  private DeltaTables() {}

  /**
   * Creates the empty Delta table at {@code catalog.tablePath(table)} with its schema, column
   * comments, partitioning and table comment, unless a Delta table is already there; an existing
   * table written by an older Trawl gains the columns added since (see {@link #addMissingColumns}).
   */
  public static void ensureTable(SparkSession spark, TrawlCatalog catalog, TrawlTable table) {
    String path = catalog.tablePath(table);
    // Two jobs starting at once race to create (or upgrade) the same table: the loser sees a
    // concurrent commit, or a log folder whose first commit is not written yet. Both settle in
    // moments, and creating or upgrading is idempotent, so look again before giving up.
    for (int attempt = 1; ; attempt++) {
      try {
        if (DeltaTable.isDeltaTable(spark, path)) {
          addMissingColumns(spark, catalog, table, path);
          return;
        }
        var builder =
            DeltaTable.createIfNotExists(spark)
                .location(qualified(spark, path))
                .addColumns(table.schema())
                .partitionedBy(table.partitionColumns().toArray(new String[0]))
                .comment(table.description());
        TABLE_PROPERTIES.forEach(builder::property);
        builder.execute();
        return;
      } catch (Exception e) {
        if (attempt < CONCURRENT_COMMIT_ATTEMPTS) {
          LOG.warn(
              "{}: creating the table raced another writer ({}), looking again (attempt {})",
              catalog.qualifiedName(table),
              firstLine(e.getMessage()),
              attempt);
          sleepQuietly(200L * attempt);
          continue;
        }
        throw TrawlErrors.catalogError(
            catalog.qualifiedName(table),
            "cannot create Delta table at " + path + ": " + firstLine(e.getMessage()),
            e);
      }
    }
  }

  /**
   * Upgrades a table written by an older Trawl: top-level columns the table definition has and the
   * stored table lacks are added (nullable, with their comments) in one {@code ALTER TABLE ... ADD
   * COLUMNS} commit, so a warehouse survives an upgrade without a manual migration. Older rows read
   * the new columns as null. Columns are never dropped or retyped: that would lose data.
   */
  static void addMissingColumns(
      SparkSession spark, TrawlCatalog catalog, TrawlTable table, String path) {
    StructType stored = DeltaTable.forPath(spark, path).toDF().schema();
    Set<String> present = lowerNames(stored);
    List<String> additions = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      if (!present.contains(field.name().toLowerCase(Locale.ROOT))) {
        String comment = field.getComment().isDefined() ? field.getComment().get() : "";
        additions.add(
            "`"
                + field.name()
                + "` "
                + field.dataType().sql()
                + " COMMENT '"
                + comment.replace("\\", "\\\\").replace("'", "\\'")
                + "'");
      }
    }
    if (additions.isEmpty()) {
      return;
    }
    spark.sql(
        "ALTER TABLE delta.`"
            + qualified(spark, path)
            + "` ADD COLUMNS ("
            + String.join(", ", additions)
            + ")");
  }

  /** Creates every missing Trawl table. */
  public static void ensureAll(SparkSession spark, TrawlCatalog catalog) {
    for (TrawlTable table : TrawlTable.values()) {
      ensureTable(spark, catalog, table);
    }
  }

  /**
   * Replaces every row of run {@code runId} with {@code rows} in one commit (Delta {@code
   * replaceWhere} on the table's run id column), creating the table if needed. Every row must carry
   * that run id; Delta rejects the commit otherwise.
   */
  public static void replaceRun(
      SparkSession spark, TrawlCatalog catalog, TrawlTable table, String runId, Dataset<Row> rows) {
    if (table.runIdColumn() == null) {
      throw new IllegalArgumentException(
          table.tableName() + " has no run id; use replaceSnapshot for objects");
    }
    overwriteWhere(spark, catalog, table, table.runIdColumn(), runId, rows);
  }

  /**
   * Replaces every row of inventory snapshot {@code snapshotId} in {@code objects} with {@code
   * rows} in one commit, creating the table if needed.
   */
  public static void replaceSnapshot(
      SparkSession spark, TrawlCatalog catalog, String snapshotId, Dataset<Row> rows) {
    overwriteWhere(spark, catalog, TrawlTable.OBJECTS, "snapshot_id", snapshotId, rows);
  }

  /** Appends {@code rows} in one commit, creating the table if needed. */
  public static void append(
      SparkSession spark, TrawlCatalog catalog, TrawlTable table, Dataset<Row> rows) {
    Dataset<Row> conformed = conform(catalog, table, rows);
    ensureTable(spark, catalog, table);
    try {
      conformed.write().format("delta").mode("append").save(catalog.tablePath(table));
    } catch (Exception e) {
      throw TrawlErrors.catalogError(
          catalog.qualifiedName(table), "append failed: " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * Deletes every row of run {@code runId} in one commit (for writers that then append a run in
   * several batches). Does nothing if the table does not exist.
   */
  public static void deleteRun(
      SparkSession spark, TrawlCatalog catalog, TrawlTable table, String runId) {
    if (table.runIdColumn() == null) {
      throw new IllegalArgumentException(table.tableName() + " has no run id");
    }
    String path = catalog.tablePath(table);
    try {
      if (DeltaTable.isDeltaTable(spark, path)) {
        DeltaTable.forPath(spark, path).delete(equalsPredicate(table.runIdColumn(), runId));
      }
    } catch (Exception e) {
      throw TrawlErrors.catalogError(
          catalog.qualifiedName(table),
          "cannot delete the rows of run " + runId + ": " + firstLine(e.getMessage()),
          e);
    }
  }

  /** Reads the table by path. */
  public static Dataset<Row> read(SparkSession spark, TrawlCatalog catalog, TrawlTable table) {
    return spark.read().format("delta").load(catalog.tablePath(table));
  }

  /**
   * Reconciles {@code rows} to the table's schema by name: columns and nested struct fields are
   * reordered, numeric types widened, and the table's comments carried over. Fails with a {@link
   * io.trawl.TrawlException} naming every missing or unknown column.
   */
  public static Dataset<Row> conform(TrawlCatalog catalog, TrawlTable table, Dataset<Row> rows) {
    Set<String> wanted = lowerNames(table.schema());
    Set<String> given = lowerNames(rows.schema());
    Set<String> missing = new TreeSet<>(wanted);
    missing.removeAll(given);
    Set<String> unknown = new TreeSet<>(given);
    unknown.removeAll(wanted);
    if (!missing.isEmpty() || !unknown.isEmpty()) {
      List<String> problems = new ArrayList<>();
      if (!missing.isEmpty()) {
        problems.add("rows lack columns " + missing);
      }
      if (!unknown.isEmpty()) {
        problems.add("rows have columns the table does not " + unknown);
      }
      throw TrawlErrors.catalogError(
          catalog.qualifiedName(table), String.join("; ", problems), null);
    }
    try {
      // NOT NULL is enforced by Delta at write time; Dataset.to would reject nullable inputs.
      return rows.to((StructType) nullable(table.schema()));
    } catch (Exception e) {
      throw TrawlErrors.catalogError(
          catalog.qualifiedName(table),
          "rows do not match the table schema: " + firstLine(e.getMessage()),
          e);
    }
  }

  private static void overwriteWhere(
      SparkSession spark,
      TrawlCatalog catalog,
      TrawlTable table,
      String column,
      String value,
      Dataset<Row> rows) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(column + " must not be blank");
    }
    Dataset<Row> conformed = conform(catalog, table, rows);
    ensureTable(spark, catalog, table);
    // Delta commits optimistically: a concurrent writer's commit to the same table (another run
    // in this driver, say) makes ours fail with a conflict. Replacing one run's rows is
    // idempotent, so retrying the whole write is safe; past a few attempts fail cleanly.
    for (int attempt = 1; ; attempt++) {
      try {
        conformed
            .write()
            .format("delta")
            .mode("overwrite")
            .option("replaceWhere", equalsPredicate(column, value))
            .save(catalog.tablePath(table));
        return;
      } catch (Exception e) {
        if (isConcurrentCommit(e)) {
          if (attempt < CONCURRENT_COMMIT_ATTEMPTS) {
            LOG.warn(
                "{}: concurrent commit while replacing {} {} (attempt {}), retrying",
                catalog.qualifiedName(table),
                column,
                value,
                attempt);
            sleepQuietly(200L * attempt);
            continue;
          }
          throw TrawlErrors.concurrentWrite(
              catalog.qualifiedName(table), column, value, attempt, e);
        }
        throw TrawlErrors.catalogError(
            catalog.qualifiedName(table),
            "cannot replace the rows of " + column + " " + value + ": " + firstLine(e.getMessage()),
            e);
      }
    }
  }

  /** How many times a run's replace is tried when other writers' commits conflict with it. */
  static final int CONCURRENT_COMMIT_ATTEMPTS = 5;

  /** True if {@code e} (or a cause) is Delta's optimistic-concurrency conflict. */
  static boolean isConcurrentCommit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.apache.spark.sql.delta.DeltaConcurrentModificationException) {
        return true;
      }
    }
    return false;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The fully qualified form of a path ({@code file:/x}, {@code s3a://b/x}). Delta's path-only
   * create compares the given location with its own qualified form as strings, so {@code file:///x}
   * would be refused as a second, different location.
   */
  static String qualified(SparkSession spark, String path) {
    Path hadoopPath = new Path(path);
    try {
      FileSystem fs = hadoopPath.getFileSystem(spark.sessionState().newHadoopConf());
      return fs.makeQualified(hadoopPath).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + path, e);
    }
  }

  /** {@code column = 'value'} with the value escaped as a Spark SQL string literal. */
  static String equalsPredicate(String column, String value) {
    String literal = value.replace("\\", "\\\\").replace("'", "\\'");
    return "`" + column + "` = '" + literal + "'";
  }

  private static Set<String> lowerNames(StructType schema) {
    Set<String> names = new TreeSet<>();
    for (String name : schema.fieldNames()) {
      names.add(name.toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private static DataType nullable(DataType type) {
    if (type instanceof StructType struct) {
      StructField[] fields = struct.fields().clone();
      for (int i = 0; i < fields.length; i++) {
        StructField f = fields[i];
        fields[i] = new StructField(f.name(), nullable(f.dataType()), true, f.metadata());
      }
      return new StructType(fields);
    }
    if (type instanceof ArrayType array) {
      return new ArrayType(nullable(array.elementType()), true);
    }
    if (type instanceof MapType map) {
      return new MapType(nullable(map.keyType()), nullable(map.valueType()), true);
    }
    return type;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
