package io.trawl.catalog;

import io.trawl.TrawlErrors;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * Registers tables through the AWS Glue API in the shape Athena reads natively as Delta: an {@code
 * EXTERNAL_TABLE} with parameter {@code table_type=DELTA}, the table's {@code s3://} location, no
 * partition keys (Delta keeps partitions in its log) and the columns mirrored from the schema with
 * Hive types and comments, so Lake Formation, views and the Glue console see the real schema. Use
 * this off EMR, where the session catalog is not Glue; it runs on the driver only.
 */
public final class GlueTableRegistrar implements TableRegistrar, AutoCloseable {
  private final GlueClient glue;
  private final String catalogId;

  /**
   * @param glue the client to call; closed by {@link #close()}
   * @param catalogId the Glue catalog (AWS account ID) to write to; empty for the caller's own
   */
  public GlueTableRegistrar(GlueClient glue, Optional<String> catalogId) {
    this.glue = Objects.requireNonNull(glue, "glue");
    this.catalogId = catalogId.filter(id -> !id.isBlank()).orElse(null);
  }

  /**
   * A registrar with the default AWS credentials chain, the JDK's HTTP client and the caller's own
   * catalog.
   *
   * @param region AWS Region of the Glue catalog, e.g. {@code us-east-1}
   * @param endpointOverride a Glue endpoint to use instead of the Region's (VPC endpoint, a local
   *     stand-in), or {@code null}
   */
  public static GlueTableRegistrar create(String region, URI endpointOverride) {
    return create(region, endpointOverride, Optional.empty());
  }

  /**
   * As {@link #create(String, URI)}, writing to the Glue catalog of account {@code catalogId}
   * (cross-account registration) when given.
   */
  public static GlueTableRegistrar create(
      String region, URI endpointOverride, Optional<String> catalogId) {
    GlueClientBuilder builder =
        GlueClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpointOverride != null) {
      builder.endpointOverride(endpointOverride);
    }
    return new GlueTableRegistrar(builder.build(), catalogId);
  }

  @Override
  public void register(TrawlCatalog catalog, TrawlTable table) {
    String name = catalog.qualifiedName(table);
    try {
      ensureDatabase(catalog);
      TableInput wanted = tableInput(catalog, table);
      Optional<Table> existing = getTable(catalog.database(), table.tableName());
      if (existing.isEmpty()) {
        try {
          glue.createTable(
              r -> r.catalogId(catalogId).databaseName(catalog.database()).tableInput(wanted));
          return;
        } catch (AlreadyExistsException raced) {
          existing = getTable(catalog.database(), table.tableName());
        }
      }
      if (existing.isPresent() && !isUpToDate(existing.get(), wanted)) {
        TableInput merged = keepOtherParameters(existing.get(), wanted);
        // SkipArchive: an unchanged-in-spirit upsert should not use up Glue's table-version quota.
        glue.updateTable(
            r ->
                r.catalogId(catalogId)
                    .databaseName(catalog.database())
                    .tableInput(merged)
                    .skipArchive(true));
      }
    } catch (GlueException e) {
      throw TrawlErrors.catalogError(
          name, "Glue refused the registration: " + e.awsErrorDetails().errorMessage(), e);
    } catch (RuntimeException e) {
      throw TrawlErrors.catalogError(name, "cannot register in Glue: " + e.getMessage(), e);
    }
  }

  /** The Glue {@code TableInput} for a table: Athena-native Delta with mirrored columns. */
  public static TableInput tableInput(TrawlCatalog catalog, TrawlTable table) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("table_type", "DELTA");
    parameters.put("EXTERNAL", "TRUE");
    parameters.put("comment", table.description());
    return TableInput.builder()
        .name(table.tableName())
        .description(table.description())
        .tableType("EXTERNAL_TABLE")
        .parameters(parameters)
        .partitionKeys(List.of())
        .storageDescriptor(
            StorageDescriptor.builder()
                .location(s3Location(catalog.tablePath(table)))
                .columns(columns(table))
                .build())
        .build();
  }

  /** The table's columns with Hive type strings (e.g. {@code array<struct<...>>}) and comments. */
  public static List<Column> columns(TrawlTable table) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      columns.add(
          Column.builder()
              .name(field.name())
              .type(field.dataType().catalogString())
              .comment(field.getComment().getOrElse(() -> null))
              .build());
    }
    return columns;
  }

  /**
   * The S3 form Glue and Athena expect, with a trailing slash: {@code s3a://b/p} to {@code
   * s3://b/p/}.
   */
  static String s3Location(String hadoopPath) {
    String s3 = TrawlCatalog.toS3Uri(hadoopPath);
    return s3.endsWith("/") ? s3 : s3 + "/";
  }

  @Override
  public void close() {
    glue.close();
  }

  private void ensureDatabase(TrawlCatalog catalog) {
    try {
      glue.getDatabase(r -> r.catalogId(catalogId).name(catalog.database()));
    } catch (EntityNotFoundException missing) {
      // A database without a location makes later CREATE TABLEs fail on EMR; always give one.
      DatabaseInput input =
          DatabaseInput.builder()
              .name(catalog.database())
              .description("Trawl sensitive data discovery tables (Delta Lake)")
              .locationUri(s3Location(catalog.databaseLocation()))
              .build();
      try {
        glue.createDatabase(r -> r.catalogId(catalogId).databaseInput(input));
      } catch (AlreadyExistsException raced) {
        // Another registrar created it in between: that is the state we want.
      }
    }
  }

  private Optional<Table> getTable(String database, String name) {
    try {
      return Optional.of(
          glue.getTable(r -> r.catalogId(catalogId).databaseName(database).name(name)).table());
    } catch (EntityNotFoundException missing) {
      return Optional.empty();
    }
  }

  private static boolean isUpToDate(Table existing, TableInput wanted) {
    StorageDescriptor sd = existing.storageDescriptor();
    return sd != null
        && Objects.equals(existing.tableType(), wanted.tableType())
        && Objects.equals(existing.description(), wanted.description())
        && existing.partitionKeys().isEmpty()
        && existing.parameters().entrySet().containsAll(wanted.parameters().entrySet())
        && Objects.equals(sd.location(), wanted.storageDescriptor().location())
        && sd.columns().equals(wanted.storageDescriptor().columns());
  }

  private static TableInput keepOtherParameters(Table existing, TableInput wanted) {
    // Athena and crawlers add their own parameters; keep them, ours win on conflict.
    Map<String, String> parameters = new LinkedHashMap<>(existing.parameters());
    parameters.putAll(wanted.parameters());
    return wanted.toBuilder().parameters(parameters).build();
  }
}
