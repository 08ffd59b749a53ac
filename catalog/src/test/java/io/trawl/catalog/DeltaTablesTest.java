package io.trawl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.tables.DeltaTable;
import io.trawl.TrawlException;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.catalog.testing.TableRows;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeltaTablesTest {
  private static SparkSession spark;
  private static TrawlCatalog catalog;

  @BeforeAll
  static void createAllTables() {
    spark = SharedSpark.session();
    catalog = TrawlCatalog.of(SharedSpark.newFolder("delta-tables").toUri().toString());
    for (TrawlTable table : TrawlTable.values()) {
      DeltaTables.ensureTable(spark, catalog, table);
    }
  }

  @Test
  void ensureTableCreatesEachTableWithItsSchemaPartitioningAndComments() {
    for (TrawlTable table : TrawlTable.values()) {
      StructType stored = DeltaTable.forPath(spark, catalog.tablePath(table)).toDF().schema();
      assertThat(stored.fieldNames())
          .as(table.tableName())
          .containsExactly(table.schema().fieldNames());
      for (StructField expected : table.schema().fields()) {
        StructField actual = stored.apply(expected.name());
        assertThat(withoutNullability(actual.dataType()))
            .as("%s.%s", table, expected.name())
            .isEqualTo(withoutNullability(expected.dataType()));
        assertThat(actual.nullable())
            .as("%s.%s", table, expected.name())
            .isEqualTo(expected.nullable());
        assertThat(actual.getComment().isDefined()).isTrue();
        assertThat(actual.getComment().get()).isEqualTo(expected.getComment().get());
      }
      Row detail = spark.sql("DESCRIBE DETAIL delta.`" + catalog.tablePath(table) + "`").first();
      assertThat(detail.<String>getAs("description")).isEqualTo(table.description());
      assertThat(detail.getList(detail.fieldIndex("partitionColumns")))
          .as(table.tableName())
          .containsExactlyElementsOf(table.partitionColumns());
      // Athena reads only conservative protocols: no deletion vectors, no column mapping.
      assertThat(detail.<Integer>getAs("minReaderVersion")).isEqualTo(1);
      assertThat(detail.<Integer>getAs("minWriterVersion")).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void nestedCommentsAreStoredInTheDeltaLog() {
    StructType stored =
        DeltaTable.forPath(spark, catalog.tablePath(TrawlTable.CLASSIFICATION_RESULTS))
            .toDF()
            .schema();
    StructType detection =
        (StructType)
            ((org.apache.spark.sql.types.ArrayType) stored.apply("detections").dataType())
                .elementType();
    assertThat(detection.apply("severity").getComment().get()).contains("Low, Medium or High");
  }

  @Test
  void ensureTableIsIdempotent() {
    long before =
        DeltaTable.forPath(spark, catalog.tablePath(TrawlTable.JOB_RUNS)).history().count();
    DeltaTables.ensureTable(spark, catalog, TrawlTable.JOB_RUNS);
    long after =
        DeltaTable.forPath(spark, catalog.tablePath(TrawlTable.JOB_RUNS)).history().count();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void replaceRunTwiceKeepsOneCopyAndLeavesOtherRunsAlone() {
    TrawlTable table = TrawlTable.DETECTIONS;
    DeltaTables.replaceRun(spark, catalog, table, "run-a", detections("run-a", 3));
    DeltaTables.replaceRun(spark, catalog, table, "run-b", detections("run-b", 2));
    DeltaTables.replaceRun(spark, catalog, table, "run-a", detections("run-a", 4));
    DeltaTables.replaceRun(spark, catalog, table, "run-a", detections("run-a", 4));

    Dataset<Row> stored = DeltaTables.read(spark, catalog, table);
    assertThat(stored.where("run_id = 'run-a'").count()).isEqualTo(4);
    assertThat(stored.where("run_id = 'run-b'").count()).isEqualTo(2);
    assertThat(
            stored
                .select("key")
                .where("run_id = 'run-b'")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrder("k0", "k1");
  }

  @Test
  void writesStreamRowsIntoParquetInsteadOfSortingEachTaskByItsDate() throws Exception {
    // Every row of a run shares its partition value, so Spark's sort before a partitioned write
    // would only buffer the task's rows in execution memory (tens of MB here; the inventory of
    // 10^6 objects took 400 MB). TrawlSpark's concurrent writers make the write stream instead.
    TrawlTable table = TrawlTable.DETECTIONS;
    long streamed =
        peakExecutionMemory(
            () -> DeltaTables.replaceRun(spark, catalog, table, "s", detections("s", 300_000)));
    String configured = spark.conf().get(TrawlSpark.CONCURRENT_WRITERS);
    long sorted;
    try {
      spark.conf().set(TrawlSpark.CONCURRENT_WRITERS, "0");
      sorted =
          peakExecutionMemory(
              () -> DeltaTables.replaceRun(spark, catalog, table, "t", detections("t", 300_000)));
    } finally {
      spark.conf().set(TrawlSpark.CONCURRENT_WRITERS, configured);
    }
    assertThat(configured).isEqualTo(TrawlSpark.CONCURRENT_WRITERS_DEFAULT);
    assertThat(sorted).as("peak execution memory with Spark's sort").isGreaterThan(16_000_000L);
    assertThat(streamed).as("peak execution memory streaming").isLessThan(1_000_000L);
    assertThat(DeltaTables.read(spark, catalog, table).where("run_id = 's'").count())
        .isEqualTo(300_000);
  }

  /** The highest peak execution memory (sort buffers) of a task of {@code r} that wrote rows. */
  private static long peakExecutionMemory(Runnable r) throws Exception {
    java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
    org.apache.spark.scheduler.SparkListener listener =
        new org.apache.spark.scheduler.SparkListener() {
          @Override
          public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            // Only the tasks that write the rows: Delta's log replay aggregates in memory too.
            if (end.taskMetrics() != null
                && end.taskMetrics().outputMetrics().recordsWritten() >= 1_000) {
              peak.accumulateAndGet(end.taskMetrics().peakExecutionMemory(), Math::max);
            }
          }
        };
    spark.sparkContext().addSparkListener(listener);
    try {
      r.run();
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    return peak.get();
  }

  @Test
  void replaceRunWithRowsOfAnotherRunFailsAndChangesNothing() {
    TrawlTable table = TrawlTable.JOB_RUNS;
    DeltaTables.replaceRun(spark, catalog, table, "run-1", jobRun("run-1"));
    long version =
        DeltaTable.forPath(spark, catalog.tablePath(table)).history(1).first().getLong(0);

    assertThatThrownBy(
            () -> DeltaTables.replaceRun(spark, catalog, table, "run-1", jobRun("run-2")))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("trawl.job_runs");
    assertThat(DeltaTable.forPath(spark, catalog.tablePath(table)).history(1).first().getLong(0))
        .isEqualTo(version);
  }

  @Test
  void runIdsAreEscapedInTheReplacePredicate() {
    String odd = "it's a \\ run";
    DeltaTables.replaceRun(spark, catalog, TrawlTable.JOB_RUNS, odd, jobRun(odd));
    DeltaTables.replaceRun(spark, catalog, TrawlTable.JOB_RUNS, odd, jobRun(odd));
    assertThat(
            DeltaTables.read(spark, catalog, TrawlTable.JOB_RUNS)
                .where(functions.col("run_id").equalTo(odd))
                .count())
        .isEqualTo(1);
  }

  @Test
  void replaceSnapshotReplacesOneInventorySnapshot() {
    DeltaTables.replaceSnapshot(spark, catalog, "snap-1", objects("snap-1", 3));
    DeltaTables.replaceSnapshot(spark, catalog, "snap-2", objects("snap-2", 1));
    DeltaTables.replaceSnapshot(spark, catalog, "snap-1", objects("snap-1", 2));

    Dataset<Row> stored = DeltaTables.read(spark, catalog, TrawlTable.OBJECTS);
    assertThat(stored.where("snapshot_id = 'snap-1'").count()).isEqualTo(2);
    assertThat(stored.where("snapshot_id = 'snap-2'").count()).isEqualTo(1);
  }

  @Test
  void appendAccumulates() {
    TrawlTable table = TrawlTable.BUCKET_PROFILES;
    Dataset<Row> rows =
        TableRows.of(
            spark,
            table,
            Map.of("run_id", "append-run", "bucket", "b1", "run_date", Date.valueOf("2026-01-02")));
    DeltaTables.append(spark, catalog, table, rows);
    DeltaTables.append(spark, catalog, table, rows);
    assertThat(DeltaTables.read(spark, catalog, table).where("run_id = 'append-run'").count())
        .isEqualTo(2);
  }

  @Test
  void ensureTableUpgradesATableWrittenByAnOlderVersion() {
    // A warehouse from before sensitivity scores: bucket_profiles without its newer columns.
    TrawlCatalog old = TrawlCatalog.of(SharedSpark.newFolder("old-warehouse").toUri().toString());
    TrawlTable table = TrawlTable.BUCKET_PROFILES;
    List<String> newer = List.of("sensitivity_score", "suppressed_identifier_types");
    StructType olderSchema = new StructType();
    for (StructField field : table.schema().fields()) {
      if (!newer.contains(field.name())) {
        olderSchema = olderSchema.add(field);
      }
    }
    DeltaTable.createIfNotExists(spark)
        .location(DeltaTables.qualified(spark, old.tablePath(table)))
        .addColumns(olderSchema)
        .partitionedBy("run_date")
        .execute();
    spark
        .createDataFrame(
            List.of(
                org.apache.spark.sql.RowFactory.create(
                    Arrays.stream(olderSchema.fieldNames())
                        .map(
                            n ->
                                switch (n) {
                                  case "run_id" -> "old-run";
                                  case "bucket" -> "b-old";
                                  case "run_date" -> Date.valueOf("2026-01-01");
                                  default -> null;
                                })
                        .toArray())),
            olderSchema)
        .write()
        .format("delta")
        .mode("append")
        .save(old.tablePath(table));

    DeltaTables.ensureTable(spark, old, table);

    StructType upgraded = DeltaTable.forPath(spark, old.tablePath(table)).toDF().schema();
    assertThat(upgraded.fieldNames()).contains(newer.toArray(new String[0]));
    assertThat(upgraded.apply("sensitivity_score").getComment().get())
        .isEqualTo(table.schema().apply("sensitivity_score").getComment().get());
    // The new code can write a run, and the old row is still there with nulls in the new columns.
    DeltaTables.replaceRun(
        spark,
        old,
        table,
        "new-run",
        TableRows.of(
            spark,
            table,
            Map.of(
                "run_id",
                "new-run",
                "bucket",
                "b-new",
                "sensitivity_score",
                70,
                "run_date",
                Date.valueOf("2026-01-02"))));
    Dataset<Row> stored = DeltaTables.read(spark, old, table);
    assertThat(stored.where("run_id = 'new-run'").first().<Integer>getAs("sensitivity_score"))
        .isEqualTo(70);
    assertThat(
            stored
                .where("run_id = 'old-run'")
                .first()
                .isNullAt(stored.schema().fieldIndex("sensitivity_score")))
        .isTrue();
    // A second ensureTable finds nothing to add.
    long versions = DeltaTable.forPath(spark, old.tablePath(table)).history().count();
    DeltaTables.ensureTable(spark, old, table);
    assertThat(DeltaTable.forPath(spark, old.tablePath(table)).history().count())
        .isEqualTo(versions);
  }

  @Test
  void deleteRunRemovesOnlyThatRun() {
    TrawlTable table = TrawlTable.FINDINGS;
    DeltaTables.append(spark, catalog, table, finding("del-1"));
    DeltaTables.append(spark, catalog, table, finding("del-2"));
    DeltaTables.deleteRun(spark, catalog, table, "del-1");
    Dataset<Row> stored = DeltaTables.read(spark, catalog, table);
    assertThat(stored.where("run_id = 'del-1'").count()).isZero();
    assertThat(stored.where("run_id = 'del-2'").count()).isEqualTo(1);
  }

  @Test
  void conformReordersAndWidensByName() {
    Dataset<Row> rows =
        detections("run-c", 1)
            .withColumn("count", functions.lit(7).cast("int")) // int widens to bigint
            .select(reversedColumns(TrawlTable.DETECTIONS));
    Dataset<Row> conformed = DeltaTables.conform(catalog, TrawlTable.DETECTIONS, rows);
    assertThat(conformed.schema().fieldNames())
        .containsExactly(TrawlTable.DETECTIONS.schema().fieldNames());
    assertThat(conformed.first().<Long>getAs("count")).isEqualTo(7L);
  }

  @Test
  void conformReordersNestedStructFieldsByNameAndKeepsNestedComments() {
    // The writer builds detections with its fields in another order than the table's.
    StructType occurrence = TrawlSchemas.OCCURRENCE;
    List<StructField> reversed = new java.util.ArrayList<>(Arrays.asList(occurrence.fields()));
    java.util.Collections.reverse(reversed);
    String occurrences =
        "CAST(array() AS array<"
            + new StructType(reversed.toArray(new StructField[0])).catalogString()
            + ">)";
    Dataset<Row> rows =
        TableRows.of(
                spark,
                TrawlTable.CLASSIFICATION_RESULTS,
                Map.of("run_id", "nested-run", "bucket", "b", "key", "k"))
            .drop("detections")
            .withColumn(
                "detections",
                functions.expr(
                    "array(named_struct('occurrences', "
                        + occurrences
                        + ", 'severity', 'High', 'count', 2, 'category', 'FINANCIAL_INFORMATION',"
                        + " 'identifier_type', 'MANAGED', 'type', 'CREDIT_CARD_NUMBER'))"));
    DeltaTables.replaceRun(spark, catalog, TrawlTable.CLASSIFICATION_RESULTS, "nested-run", rows);

    Row detection =
        DeltaTables.read(spark, catalog, TrawlTable.CLASSIFICATION_RESULTS)
            .where("run_id = 'nested-run'")
            .selectExpr("detections[0] AS d")
            .first()
            .getStruct(0);
    assertThat(detection.<String>getAs("type")).isEqualTo("CREDIT_CARD_NUMBER");
    assertThat(detection.<Long>getAs("count")).isEqualTo(2L);
    assertThat(detection.<String>getAs("severity")).isEqualTo("High");
    StructType stored =
        DeltaTable.forPath(spark, catalog.tablePath(TrawlTable.CLASSIFICATION_RESULTS))
            .toDF()
            .schema();
    assertThat(stored.apply("detections").getComment().get())
        .isEqualTo(
            TrawlTable.CLASSIFICATION_RESULTS.schema().apply("detections").getComment().get());
    assertThat(
            ((StructType)
                    ((org.apache.spark.sql.types.ArrayType) stored.apply("detections").dataType())
                        .elementType())
                .apply("count")
                .getComment()
                .isDefined())
        .isTrue();
  }

  @Test
  void conformNamesEveryMissingAndUnknownColumn() {
    Dataset<Row> rows =
        detections("run-d", 1).drop("bucket", "key").withColumn("oops", functions.lit(1));
    assertThatThrownBy(() -> DeltaTables.conform(catalog, TrawlTable.DETECTIONS, rows))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("trawl.detections")
        .hasMessageContaining("[bucket, key]")
        .hasMessageContaining("[oops]");
  }

  @Test
  void conformRejectsIncompatibleTypes() {
    Dataset<Row> rows = detections("run-e", 1).withColumn("count", functions.lit("many"));
    assertThatThrownBy(() -> DeltaTables.conform(catalog, TrawlTable.DETECTIONS, rows))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("do not match the table schema");
  }

  @Test
  void notNullColumnsAreEnforced() {
    Dataset<Row> rows =
        TableRows.of(spark, TrawlTable.OBJECTS, Map.of("bucket", "b", "snapshot_id", "snap-null"));
    assertThatThrownBy(() -> DeltaTables.replaceSnapshot(spark, catalog, "snap-null", rows))
        .isInstanceOf(TrawlException.class);
    assertThat(
            DeltaTables.read(spark, catalog, TrawlTable.OBJECTS)
                .where("snapshot_id = 'snap-null'")
                .count())
        .isZero();
  }

  private static org.apache.spark.sql.Column[] reversedColumns(TrawlTable table) {
    List<String> names = Arrays.asList(table.schema().fieldNames().clone());
    java.util.Collections.reverse(names);
    return names.stream().map(functions::col).toArray(org.apache.spark.sql.Column[]::new);
  }

  private static Dataset<Row> detections(String runId, int n) {
    return spark
        .range(n)
        .selectExpr(
            "'" + runId + "' AS run_id",
            "'job-1' AS job_id",
            "'111122223333' AS account_id",
            "'bucket-1' AS bucket",
            "concat('k', id) AS key",
            "'CREDIT_CARD_NUMBER' AS type",
            "'MANAGED' AS identifier_type",
            "'FINANCIAL_INFORMATION' AS category",
            "id + 1 AS count",
            "'High' AS severity",
            "1 AS occurrences_recorded",
            "array('card') AS keywords",
            "array('luhn') AS validators",
            "array('4111********1111') AS masked_samples",
            "'line 1 col 5' AS first_location",
            "DATE'2026-01-02' AS run_date");
  }

  private static Dataset<Row> jobRun(String runId) {
    return TableRows.of(
        spark,
        TrawlTable.JOB_RUNS,
        Map.of(
            "run_id",
            runId,
            "job_id",
            "job-1",
            "status",
            "COMPLETE",
            "started_at",
            Timestamp.valueOf("2026-01-02 03:04:05"),
            "run_date",
            Date.valueOf("2026-01-02")));
  }

  private static Dataset<Row> finding(String runId) {
    return TableRows.of(
        spark,
        TrawlTable.FINDINGS,
        Map.of(
            "run_id", runId, "finding_id", "f-" + runId, "run_date", Date.valueOf("2026-01-02")));
  }

  private static Dataset<Row> objects(String snapshotId, int n) {
    return spark
        .range(n)
        .selectExpr(
            "CAST(NULL AS STRING) AS account_id",
            "'bucket-1' AS bucket",
            "concat('dir/f', id, '.csv') AS key",
            "id * 10 AS size",
            "TIMESTAMP'2026-01-01 00:00:00' AS last_modified",
            "'etag' AS etag",
            "'STANDARD' AS storage_class",
            "'SSE-S3' AS encryption_status",
            "'csv' AS extension",
            "CAST(NULL AS STRING) AS version_id",
            "'listing' AS source",
            "'file:/estate' AS estate_uri",
            "'" + snapshotId + "' AS snapshot_id",
            "TIMESTAMP'2026-01-02 00:00:00' AS snapshot_time",
            "DATE'2026-01-02' AS snapshot_date");
  }

  private static DataType withoutNullability(DataType type) {
    // Compare shapes only; comments and nullability are asserted separately.
    return DataType.fromDDL(type.sql().replace(" NOT NULL", ""));
  }
}
