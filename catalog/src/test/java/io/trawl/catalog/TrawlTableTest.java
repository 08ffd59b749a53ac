package io.trawl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Table definitions, without Spark running. */
class TrawlTableTest {
  @ParameterizedTest
  @EnumSource(TrawlTable.class)
  void everyColumnAndNestedFieldHasAComment(TrawlTable table) {
    List<String> uncommented = new ArrayList<>();
    collectUncommented(table.tableName(), table.schema(), uncommented);
    assertThat(uncommented).isEmpty();
    assertThat(table.description()).isNotBlank();
    assertThat(table.grain()).startsWith("one row per");
  }

  @ParameterizedTest
  @EnumSource(TrawlTable.class)
  void partitionedByOneDateAndNeverByBucketOrKey(TrawlTable table) {
    assertThat(table.partitionColumns()).hasSize(1).doesNotContain("bucket", "key");
    StructField partition = table.schema().apply(table.partitionColumns().get(0));
    assertThat(partition.dataType()).isEqualTo(DataTypes.DateType);
  }

  @ParameterizedTest
  @EnumSource(TrawlTable.class)
  void namesAreLowerSnakeCase(TrawlTable table) {
    assertThat(table.tableName()).matches("[a-z][a-z_]*");
    assertThat(table.columnNames())
        .allMatch(n -> n.matches("[a-z][a-z0-9_]*"))
        .doesNotHaveDuplicates();
    assertThat(TrawlTable.fromTableName(table.tableName().toUpperCase())).isEqualTo(table);
  }

  @Test
  void everyRunTableHasARunIdButObjectsDoNot() {
    assertThat(TrawlTable.OBJECTS.runIdColumn()).isNull();
    for (TrawlTable table : TrawlTable.values()) {
      if (table != TrawlTable.OBJECTS) {
        assertThat(table.columnNames()).as(table.tableName()).contains(table.runIdColumn());
        // A sampling plan is replaced as a whole by its plan id, the rest by the run that wrote it.
        assertThat(table.runIdColumn())
            .isEqualTo(table == TrawlTable.SAMPLING_PLANS ? "plan_id" : "run_id");
      }
    }
  }

  @Test
  void objectsRequiredColumnsAreNotNull() {
    StructType objects = TrawlTable.OBJECTS.schema();
    List<String> required = new ArrayList<>();
    for (StructField f : objects.fields()) {
      if (!f.nullable()) {
        required.add(f.name());
      }
    }
    assertThat(required)
        .containsExactly(
            "bucket",
            "key",
            "extension",
            "source",
            "snapshot_id",
            "snapshot_time",
            "snapshot_date");
  }

  @Test
  void classificationResultsNestDetectionsAndOccurrences() {
    DataType detections = TrawlTable.CLASSIFICATION_RESULTS.schema().apply("detections").dataType();
    assertThat(detections.catalogString())
        .isEqualTo(
            "array<struct<type:string,identifier_type:string,category:string,count:bigint,"
                + "severity:string,occurrences:array<struct<location_type:string,line_start:bigint,"
                + "line_end:bigint,start_column:bigint,cell_row:bigint,cell_column:bigint,"
                + "column_name:string,cell_reference:string,record_index:bigint,json_path:string,"
                + "page_number:bigint,embedded_file_path:string,masked_sample:string,"
                + "value_hash:string,keyword:string,validator:string>>>>");
    assertThat(
            TrawlTable.BUCKET_PROFILES
                .schema()
                .apply("top_identifier_types")
                .dataType()
                .catalogString())
        .isEqualTo("array<struct<type:string,count:bigint>>");
  }

  @Test
  void unknownTableNameIsRejected() {
    assertThatThrownBy(() -> TrawlTable.fromTableName("no_such_table"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void catalogPathsAndNames() {
    TrawlCatalog catalog = TrawlCatalog.of("s3a://lake/trawl/tables/");
    assertThat(catalog.database()).isEqualTo("trawl");
    assertThat(catalog.tablePath(TrawlTable.FINDINGS))
        .isEqualTo("s3a://lake/trawl/tables/findings");
    assertThat(catalog.qualifiedName(TrawlTable.JOB_RUNS)).isEqualTo("trawl.job_runs");
    assertThat(catalog.databaseLocation()).isEqualTo("s3a://lake/trawl/tables/trawl.db");
    assertThat(TrawlCatalog.toS3Uri("s3a://lake/x")).isEqualTo("s3://lake/x");
    assertThat(TrawlCatalog.toS3Uri("file:/tmp/x")).isEqualTo("file:/tmp/x");
    assertThat(new TrawlCatalog("audit_2", "file:/w").tablePath(TrawlTable.OBJECTS))
        .isEqualTo("file:/w/objects");
    assertThat(TrawlCatalog.local(java.nio.file.Path.of("/data/wh")).tablePath(TrawlTable.OBJECTS))
        .isEqualTo("file:/data/wh/objects");
    assertThatThrownBy(() -> new TrawlCatalog("Trawl-DB", "file:/w"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void collectUncommented(String path, DataType type, List<String> out) {
    if (type instanceof StructType struct) {
      for (StructField f : struct.fields()) {
        String fieldPath = path + "." + f.name();
        if (f.getComment().isEmpty() || f.getComment().get().isBlank()) {
          out.add(fieldPath);
        }
        collectUncommented(fieldPath, f.dataType(), out);
      }
    } else if (type instanceof ArrayType array) {
      collectUncommented(path + "[]", array.elementType(), out);
    }
  }
}
