package io.trawl.catalog;

import org.apache.spark.sql.types.StructField;

/**
 * The Athena (engine version 3) DDL that registers Trawl's Delta tables in the Glue catalog the
 * documented way: {@code CREATE EXTERNAL TABLE ... LOCATION ... TBLPROPERTIES
 * ('table_type'='DELTA')}. Athena does not accept a column list there; it reads schema, partitions
 * and statistics from the Delta log, so the columns appear only as a comment above each statement.
 */
public final class AthenaDdl {
  private AthenaDdl() {}

  /** The DDL for the database and every table of {@code catalog}, locations in s3:// form. */
  public static String generate(TrawlCatalog catalog) {
    StringBuilder sql = new StringBuilder();
    sql.append("-- Trawl tables for Amazon Athena (engine version 3), registered in the Glue")
        .append(" Data Catalog.\n")
        .append("-- Generated from io.trawl.catalog.TrawlTable; do not edit. Regenerate with:\n")
        .append("--   ")
        .append(TableDocs.REGENERATE)
        .append("\n");
    if (catalog.equals(TableDocs.PLACEHOLDER)) {
      sql.append("-- Replace s3://YOUR-BUCKET/trawl with the warehouse root the jobs write to")
          .append(" (an s3a:// root\n")
          .append("-- becomes s3://). Run each statement on its own: Athena takes one")
          .append(" statement per query.\n");
    }
    sql.append("-- Athena reads each table's schema, partitioning and statistics from its Delta")
        .append(" log; the\n")
        .append("-- column lists below are for reference (docs/tables.md describes every")
        .append(" column).\n")
        .append("-- Nested types used below:\n");
    for (String name : TableDocs.STRUCT_ORDER) {
      sql.append("--   ")
          .append(name)
          .append(" = ")
          .append(TableDocs.STRUCTS.get(name).catalogString())
          .append("\n");
    }
    sql.append("\n");
    sql.append("CREATE DATABASE IF NOT EXISTS ")
        .append(catalog.database())
        .append("\n  COMMENT 'Trawl sensitive data discovery tables (Delta Lake)'\n  LOCATION '")
        .append(GlueTableRegistrar.s3Location(catalog.databaseLocation()))
        .append("';\n");
    for (TrawlTable table : TrawlTable.values()) {
      sql.append("\n-- ")
          .append(catalog.qualifiedName(table))
          .append(": ")
          .append(table.description())
          .append(".\n-- Grain: ")
          .append(table.grain())
          .append("; partitioned by ")
          .append(String.join(", ", table.partitionColumns()))
          .append(".\n-- Columns:\n");
      int width = 0;
      for (String name : table.schema().fieldNames()) {
        width = Math.max(width, name.length());
      }
      for (StructField field : table.schema().fields()) {
        sql.append("--   ")
            .append(pad(field.name(), width))
            .append("  ")
            .append(TableDocs.typeName(field.dataType()))
            .append("\n");
      }
      sql.append("CREATE EXTERNAL TABLE IF NOT EXISTS ")
          .append(catalog.qualifiedName(table))
          .append("\nLOCATION '")
          .append(GlueTableRegistrar.s3Location(catalog.tablePath(table)))
          .append("'\nTBLPROPERTIES ('table_type'='DELTA');\n");
    }
    return sql.toString();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
