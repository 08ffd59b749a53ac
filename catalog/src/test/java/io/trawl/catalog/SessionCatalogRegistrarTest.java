package io.trawl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.testing.SharedSpark;
import io.trawl.catalog.testing.TableRows;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registration in the session catalog, here the Derby-backed Hive metastore Spark embeds. */
class SessionCatalogRegistrarTest {
  private static SparkSession spark;
  private static TrawlCatalog catalog;
  private static SessionCatalogRegistrar registrar;

  @BeforeAll
  static void registerEveryTable() {
    spark = SharedSpark.session();
    catalog = TrawlCatalog.of(SharedSpark.newFolder("registered").toUri().toString());
    DeltaTables.replaceRun(
        spark,
        catalog,
        TrawlTable.FINDINGS,
        "run-1",
        TableRows.of(
            spark,
            TrawlTable.FINDINGS,
            Map.of(
                "run_id", "run-1",
                "finding_id", "f-1",
                "type", "SensitiveData:S3Object/Financial",
                "run_date", Date.valueOf("2026-01-02"))));
    registrar = new SessionCatalogRegistrar(spark);
    registrar.registerAll(catalog);
  }

  @Test
  void registeredTablesAreQueryableByName() {
    List<Row> rows =
        spark
            .sql("SELECT finding_id, type FROM trawl.findings WHERE run_id = 'run-1'")
            .collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(1)).isEqualTo("SensitiveData:S3Object/Financial");
    for (TrawlTable table : TrawlTable.values()) {
      assertThat(spark.table(catalog.qualifiedName(table)).columns())
          .as(table.tableName())
          .containsExactly(table.schema().fieldNames());
    }
  }

  @Test
  void metastoreParametersSayDelta() {
    for (TrawlTable table : TrawlTable.values()) {
      CatalogTable stored =
          spark.sharedState().externalCatalog().getTable("trawl", table.tableName());
      assertThat(stored.properties().get("table_type").get()).isEqualTo("DELTA");
      assertThat(stored.comment().get()).isEqualTo(table.description());
      assertThat(stored.provider().get()).isEqualTo("delta");
      assertThat(stored.tableType().name()).isEqualTo("EXTERNAL");
    }
  }

  @Test
  void columnCommentsShowInDescribe() {
    List<Row> described = spark.sql("DESCRIBE TABLE trawl.findings").collectAsList();
    Row json =
        described.stream()
            .filter(r -> "finding_json".equals(r.getString(0)))
            .findFirst()
            .orElseThrow();
    assertThat(json.getString(2)).contains("GetFindings");
  }

  @Test
  void registeringAgainChangesNothing() {
    CatalogTable before = spark.sharedState().externalCatalog().getTable("trawl", "findings");
    registrar.register(catalog, TrawlTable.FINDINGS);
    registrar.registerAll(catalog);
    CatalogTable after = spark.sharedState().externalCatalog().getTable("trawl", "findings");
    assertThat(after.createTime()).isEqualTo(before.createTime());
    assertThat(after.storage().locationUri()).isEqualTo(before.storage().locationUri());
    assertThat(after.properties().get("table_type").get()).isEqualTo("DELTA");
    assertThat(spark.sql("SELECT * FROM trawl.findings").count()).isEqualTo(1);
  }

  @Test
  void registeringAMovedWarehousePointsTheTableAtTheNewPath() {
    TrawlCatalog moved = TrawlCatalog.of(SharedSpark.newFolder("moved").toUri().toString());
    TrawlTable table = TrawlTable.BUCKET_PROFILES;
    DeltaTables.append(
        spark,
        moved,
        table,
        TableRows.of(spark, table, Map.of("run_id", "moved-run", "bucket", "b")));
    registrar.register(moved, table);
    assertThat(spark.sql("SELECT run_id FROM trawl.bucket_profiles").first().getString(0))
        .isEqualTo("moved-run");
    CatalogTable stored =
        spark.sharedState().externalCatalog().getTable("trawl", table.tableName());
    assertThat(stored.storage().locationUri().get().toString()).contains("moved");
    assertThat(stored.properties().get("table_type").get()).isEqualTo("DELTA");
  }
}
