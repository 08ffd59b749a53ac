package io.trawl.catalog;

import io.trawl.TrawlErrors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import scala.Option;
import scala.Tuple2;

/**
 * Registers tables in the Spark session catalog: the Derby-backed Hive metastore locally, Glue on
 * EMR (through EMR's Glue client). The table is a Spark data-source table ({@code USING delta
 * LOCATION ...}) so Spark SQL reads it by name; {@code table_type=DELTA} is then written into the
 * metastore's own table parameters, because properties set through Delta SQL live only in the Delta
 * log and Glue/Athena would not see them (stack-notes section 7).
 */
public final class SessionCatalogRegistrar implements TableRegistrar {
  /** The table parameter Athena and Glue use to recognise a Delta table. */
  public static final String TABLE_TYPE = "table_type";

  private final SparkSession spark;

  public SessionCatalogRegistrar(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public void register(TrawlCatalog catalog, TrawlTable table) {
    String name = catalog.qualifiedName(table);
    String location = DeltaTables.qualified(spark, catalog.tablePath(table));
    try {
      DeltaTables.ensureTable(spark, catalog, table);
      spark.sql(
          "CREATE DATABASE IF NOT EXISTS `"
              + catalog.database()
              + "` LOCATION "
              + literal(DeltaTables.qualified(spark, catalog.databaseLocation())));
      ExternalCatalog metastore = spark.sharedState().externalCatalog();
      if (metastore.tableExists(catalog.database(), table.tableName())
          && !location.equals(
              locationOf(metastore.getTable(catalog.database(), table.tableName())))) {
        // The warehouse moved: the entry is external (LOCATION), so dropping it keeps the data.
        spark.sql("DROP TABLE " + quoted(catalog, table));
      }
      spark.sql(
          "CREATE TABLE IF NOT EXISTS "
              + quoted(catalog, table)
              + " USING delta LOCATION "
              + literal(location));
      markAsDelta(metastore, catalog, table);
    } catch (Exception e) {
      throw TrawlErrors.catalogError(name, "cannot register in the session catalog", e);
    }
  }

  private static void markAsDelta(
      ExternalCatalog metastore, TrawlCatalog catalog, TrawlTable table) {
    CatalogTable current = metastore.getTable(catalog.database(), table.tableName());
    Option<String> type = current.properties().get(TABLE_TYPE);
    // Hive keeps the table comment in its own field, not among the properties.
    Option<String> comment = current.comment();
    if (type.isDefined()
        && "DELTA".equals(type.get())
        && comment.isDefined()
        && table.description().equals(comment.get())) {
      return;
    }
    scala.collection.immutable.Map<String, String> properties =
        current.properties().$plus(new Tuple2<>(TABLE_TYPE, "DELTA"));
    // CatalogTable is a Scala case class; from Java its copy takes every field.
    CatalogTable updated =
        current.copy(
            current.identifier(),
            current.tableType(),
            current.storage(),
            current.schema(),
            current.provider(),
            current.partitionColumnNames(),
            current.bucketSpec(),
            current.owner(),
            current.createTime(),
            current.lastAccessTime(),
            current.createVersion(),
            properties,
            current.stats(),
            current.viewText(),
            Option.apply(table.description()),
            current.unsupportedFeatures(),
            current.tracksPartitionsInCatalog(),
            current.schemaPreservesCase(),
            current.ignoredProperties(),
            current.viewOriginalText());
    metastore.alterTable(updated);
  }

  private static String locationOf(CatalogTable table) {
    Option<java.net.URI> uri = table.storage().locationUri();
    return uri.isDefined() ? new org.apache.hadoop.fs.Path(uri.get()).toString() : "";
  }

  private static String quoted(TrawlCatalog catalog, TrawlTable table) {
    return "`" + catalog.database() + "`.`" + table.tableName() + "`";
  }

  private static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
