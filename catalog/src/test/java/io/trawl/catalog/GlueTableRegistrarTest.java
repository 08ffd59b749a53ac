package io.trawl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.TrawlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The Glue registrar against {@link GlueStandIn}, a local stand-in for the Glue API (real Glue is
 * not reachable from tests): the real AWS SDK v2 client sends real requests to it.
 */
class GlueTableRegistrarTest {
  private static final TrawlCatalog CATALOG = TrawlCatalog.of("s3a://lake-bucket/trawl/tables");

  private GlueStandIn standIn;
  private GlueTableRegistrar registrar;

  @BeforeEach
  void start() throws Exception {
    standIn = new GlueStandIn();
    GlueClient client =
        GlueClient.builder()
            .endpointOverride(standIn.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    registrar = new GlueTableRegistrar(client, Optional.of("111122223333"));
  }

  @AfterEach
  void stop() {
    registrar.close();
    standIn.close();
  }

  @Test
  void firstRegistrationCreatesDatabaseAndAthenaNativeDeltaTable() {
    registrar.register(CATALOG, TrawlTable.FINDINGS);

    assertThat(standIn.calls().stream().map(GlueStandIn.Call::operation))
        .containsExactly("GetDatabase", "CreateDatabase", "GetTable", "CreateTable");
    JsonNode db = standIn.calls("CreateDatabase").get(0).body();
    assertThat(db.path("CatalogId").asText()).isEqualTo("111122223333");
    assertThat(db.path("DatabaseInput").path("Name").asText()).isEqualTo("trawl");
    assertThat(db.path("DatabaseInput").path("LocationUri").asText())
        .isEqualTo("s3://lake-bucket/trawl/tables/trawl.db/");

    JsonNode request = standIn.calls("CreateTable").get(0).body();
    assertThat(request.path("CatalogId").asText()).isEqualTo("111122223333");
    assertThat(request.path("DatabaseName").asText()).isEqualTo("trawl");
    JsonNode input = request.path("TableInput");
    assertThat(input.path("Name").asText()).isEqualTo("findings");
    assertThat(input.path("TableType").asText()).isEqualTo("EXTERNAL_TABLE");
    assertThat(input.path("Parameters").path("table_type").asText()).isEqualTo("DELTA");
    assertThat(input.path("Parameters").path("EXTERNAL").asText()).isEqualTo("TRUE");
    assertThat(input.path("Parameters").path("comment").asText())
        .isEqualTo(TrawlTable.FINDINGS.description());
    // Athena wants an explicit empty list for tables without Hive partitions.
    assertThat(input.has("PartitionKeys")).isTrue();
    assertThat(input.path("PartitionKeys").isArray()).isTrue();
    assertThat(input.path("PartitionKeys")).isEmpty();
    assertThat(input.path("StorageDescriptor").path("Location").asText())
        .isEqualTo("s3://lake-bucket/trawl/tables/findings/");
  }

  @Test
  void columnsMirrorTheSchemaWithHiveTypesAndComments() {
    registrar.register(CATALOG, TrawlTable.CLASSIFICATION_RESULTS);
    JsonNode columns =
        standIn
            .calls("CreateTable")
            .get(0)
            .body()
            .path("TableInput")
            .path("StorageDescriptor")
            .path("Columns");
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.path("Name").asText()));
    assertThat(names).containsExactly(TrawlTable.CLASSIFICATION_RESULTS.schema().fieldNames());
    for (JsonNode column : columns) {
      StructField field =
          TrawlTable.CLASSIFICATION_RESULTS.schema().apply(column.path("Name").asText());
      assertThat(column.path("Type").asText()).isEqualTo(field.dataType().catalogString());
      assertThat(column.path("Comment").asText()).isEqualTo(field.getComment().get());
    }
    assertThat(column(columns, "size").path("Type").asText()).isEqualTo("bigint");
    assertThat(column(columns, "run_date").path("Type").asText()).isEqualTo("date");
    assertThat(column(columns, "detections").path("Type").asText())
        .startsWith("array<struct<type:string,identifier_type:string,category:string,count:bigint,")
        .contains("occurrences:array<struct<location_type:string,line_start:bigint,");
  }

  @Test
  void registeringAnUnchangedTableAgainSendsNoUpdate() {
    registrar.register(CATALOG, TrawlTable.JOB_RUNS);
    standIn.clearCalls();
    registrar.register(CATALOG, TrawlTable.JOB_RUNS);
    assertThat(standIn.calls().stream().map(GlueStandIn.Call::operation))
        .containsExactly("GetDatabase", "GetTable");
  }

  @Test
  void aChangedTableIsUpdatedInPlaceKeepingForeignParameters() {
    registrar.register(CATALOG, TrawlTable.DETECTIONS);
    // Athena adds its own parameters when it syncs a Delta table; an update must keep them.
    standIn.storedTable("trawl", "detections").with("Parameters").put("athena_synced", "yes");
    TrawlCatalog moved = TrawlCatalog.of("s3a://other-bucket/trawl");
    standIn.clearCalls();

    registrar.register(moved, TrawlTable.DETECTIONS);

    assertThat(standIn.calls().stream().map(GlueStandIn.Call::operation))
        .containsExactly("GetDatabase", "GetTable", "UpdateTable");
    JsonNode update = standIn.calls("UpdateTable").get(0).body();
    assertThat(update.path("SkipArchive").asBoolean()).isTrue();
    JsonNode input = update.path("TableInput");
    assertThat(input.path("StorageDescriptor").path("Location").asText())
        .isEqualTo("s3://other-bucket/trawl/detections/");
    assertThat(input.path("Parameters").path("table_type").asText()).isEqualTo("DELTA");
    assertThat(input.path("Parameters").path("athena_synced").asText()).isEqualTo("yes");
    assertThat(input.path("PartitionKeys")).isEmpty();
  }

  @Test
  void registerAllCreatesEveryTableOnce() {
    registrar.registerAll(CATALOG);
    assertThat(standIn.calls("CreateDatabase")).hasSize(1);
    assertThat(standIn.calls("CreateTable")).hasSize(TrawlTable.values().length);
    for (TrawlTable table : TrawlTable.values()) {
      assertThat(standIn.storedTable("trawl", table.tableName())).as(table.tableName()).isNotNull();
    }
  }

  @Test
  void glueErrorsBecomeCatalogErrorsWithGluesReason() {
    standIn.fail("CreateTable", "AccessDeniedException", "User is not authorized to CreateTable");
    assertThatThrownBy(() -> registrar.register(CATALOG, TrawlTable.FINDINGS))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("trawl.findings")
        .hasMessageContaining("not authorized to CreateTable")
        .extracting(e -> ((TrawlException) e).code())
        .isEqualTo(TrawlException.Code.CATALOG_ERROR);
  }

  @Test
  void anUnreachableEndpointIsACatalogError() {
    standIn.close();
    assertThatThrownBy(() -> registrar.register(CATALOG, TrawlTable.FINDINGS))
        .isInstanceOf(TrawlException.class)
        .hasMessageContaining("cannot register in Glue");
  }

  @Test
  void factoryBuildsAWorkingClientForAnEndpointOverride() throws Exception {
    // The default credentials chain reads these system properties first; no AWS account is used.
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    try (GlueTableRegistrar fromFactory =
        GlueTableRegistrar.create("eu-west-1", standIn.endpoint())) {
      fromFactory.register(CATALOG, TrawlTable.OBJECTS);
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
    assertThat(standIn.storedTable("trawl", "objects")).isNotNull();
    assertThat(standIn.calls("CreateTable").get(0).body().has("CatalogId")).isFalse();
  }

  @Test
  void factoryPassesTheCrossAccountCatalogId() throws Exception {
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    try (GlueTableRegistrar fromFactory =
        GlueTableRegistrar.create("eu-west-1", standIn.endpoint(), Optional.of("444455556666"))) {
      fromFactory.register(CATALOG, TrawlTable.OBJECTS);
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
    assertThat(standIn.calls("CreateTable").get(0).body().path("CatalogId").asText())
        .isEqualTo("444455556666");
  }

  @Test
  void everyColumnCommentFitsGlueLimit() {
    for (TrawlTable table : TrawlTable.values()) {
      GlueTableRegistrar.columns(table)
          .forEach(
              c ->
                  assertThat(c.comment())
                      .as("%s.%s", table.tableName(), c.name())
                      .isNotBlank()
                      .hasSizeLessThanOrEqualTo(255));
    }
  }

  private static JsonNode column(JsonNode columns, String name) {
    for (JsonNode c : columns) {
      if (c.path("Name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name);
  }
}
