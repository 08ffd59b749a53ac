package io.trawl.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Trawl's tables live: a catalog database name and a warehouse root (a Hadoop path string
 * such as {@code file:/abs/trawl-warehouse/tables} or {@code s3a://bucket/prefix}). Each table is a
 * Delta table at {@code <root>/<table_name>}.
 *
 * @param database catalog database name, lower case (default {@code trawl})
 * @param warehouseRoot Hadoop URI of the folder holding one folder per table, without trailing
 *     slash
 */
public record TrawlCatalog(String database, String warehouseRoot) {
  /** The database name used when none is given. */
  public static final String DEFAULT_DATABASE = "trawl";

  // Glue and Hive fold names to lower case; keep names that need no quoting anywhere.
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,254}");

  /** Validates and normalises: trailing slashes are dropped from the root. */
  public TrawlCatalog {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(warehouseRoot, "warehouseRoot");
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "database name must be lower case letters, digits and _: " + database);
    }
    String root = warehouseRoot.strip();
    while (root.endsWith("/") && !root.endsWith(":/") && !root.endsWith("://")) {
      root = root.substring(0, root.length() - 1);
    }
    if (root.isEmpty()) {
      throw new IllegalArgumentException("warehouse root must not be empty");
    }
    warehouseRoot = root;
  }

  /** A catalog with the default database name {@code trawl}. */
  public static TrawlCatalog of(String warehouseRoot) {
    return new TrawlCatalog(DEFAULT_DATABASE, warehouseRoot);
  }

  /**
   * A catalog with the default database over a local folder, in Hadoop's {@code file:/abs/path}
   * form (not {@code file:///}, which Delta treats as a different location string).
   */
  public static TrawlCatalog local(java.nio.file.Path warehouseFolder) {
    return of(
        new org.apache.hadoop.fs.Path(warehouseFolder.toAbsolutePath().normalize().toUri())
            .toString());
  }

  /** The Delta table's folder: {@code <root>/<table_name>}. */
  public String tablePath(TrawlTable table) {
    return warehouseRoot + "/" + table.tableName();
  }

  /** The catalog name of the table: {@code <database>.<table_name>}. */
  public String qualifiedName(TrawlTable table) {
    return database + "." + table.tableName();
  }

  /** The database's own location, under the warehouse root (Glue needs one; see EMR caveats). */
  public String databaseLocation() {
    return warehouseRoot + "/" + database + ".db";
  }

  /**
   * The S3 form of a Hadoop path for Glue and Athena: {@code s3a://} and {@code s3n://} become
   * {@code s3://}; other schemes are returned unchanged.
   */
  public static String toS3Uri(String hadoopPath) {
    if (hadoopPath.startsWith("s3a://") || hadoopPath.startsWith("s3n://")) {
      return "s3://" + hadoopPath.substring("s3a://".length());
    }
    return hadoopPath;
  }
}
