package io.trawl.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Generates the checked-in descriptions of Trawl's tables from {@link TrawlTable}: the Athena DDL
 * ({@code catalog/athena/trawl-tables.sql}) and the table reference ({@code docs/tables.md}). A
 * test fails when either file is out of date; regenerate them with {@link #REGENERATE}.
 */
public final class TableDocs {
  /** The command that rewrites both generated files. */
  public static final String REGENERATE =
      "mvn -B -q -o -pl catalog -am test -Dtest=GeneratedFilesTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dtrawl.regenerate=true";

  /** Where the Athena DDL lives, relative to the repository root. */
  public static final Path ATHENA_DDL = Path.of("catalog", "athena", "trawl-tables.sql");

  /** Where the table reference lives, relative to the repository root. */
  public static final Path TABLES_DOC = Path.of("docs", "tables.md");

  /** The warehouse root written into the DDL for users to replace. */
  public static final TrawlCatalog PLACEHOLDER = TrawlCatalog.of("s3://YOUR-BUCKET/trawl");

  // Nested structs are documented once and named in column types.
  static final Map<String, StructType> STRUCTS =
      Map.of(
          "occurrence", TrawlSchemas.OCCURRENCE,
          "detection", TrawlSchemas.DETECTION,
          "identifier_count", TrawlSchemas.IDENTIFIER_COUNT,
          "identifier_statistics", TrawlSchemas.IDENTIFIER_STATISTICS);
  static final List<String> STRUCT_ORDER =
      List.of("detection", "occurrence", "identifier_count", "identifier_statistics");

  private TableDocs() {}

  /** Writes both generated files under {@code args[0]} (the repository root; default ".") . */
  public static void main(String[] args) throws IOException {
    write(Path.of(args.length > 0 ? args[0] : "."));
  }

  /** Writes both generated files under the repository root {@code repoRoot}. */
  public static void write(Path repoRoot) throws IOException {
    writeFile(repoRoot.resolve(ATHENA_DDL), AthenaDdl.generate(PLACEHOLDER));
    writeFile(repoRoot.resolve(TABLES_DOC), markdown());
  }

  /** The Markdown reference of every table: grain, partitioning and every column. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Trawl tables\n\n")
        .append("<!-- Generated from io.trawl.catalog.TrawlTable; do not edit. Regenerate with:\n")
        .append("     ")
        .append(REGENERATE)
        .append(" -->\n\n")
        .append("Every table is a Delta Lake table stored at `<warehouse root>/<table>` and")
        .append(" registered as `trawl.<table>`\n")
        .append("(Hive metastore locally, AWS Glue on EMR or through the Glue API; Athena reads")
        .append(" them natively\n")
        .append("with `table_type=DELTA`, see `catalog/athena/trawl-tables.sql`). Tables are")
        .append(" partitioned by a date,\n")
        .append("never by bucket or key. Rerunning a run replaces its rows (one atomic Delta")
        .append(" commit per write);\n")
        .append("inventory snapshots are replaced by `snapshot_id` the same way. Tables store")
        .append(" masked samples and\n")
        .append("keyed hashes only, never raw sensitive values.\n\n")
        .append("| Table | Grain | Partitioned by | Replaced per |\n")
        .append("|---|---|---|---|\n");
    for (TrawlTable table : TrawlTable.values()) {
      md.append("| [`")
          .append(table.tableName())
          .append("`](#")
          .append(table.tableName())
          .append(") | ")
          .append(table.grain())
          .append(" | `")
          .append(String.join("`, `", table.partitionColumns()))
          .append("` | `")
          .append(table.runIdColumn() == null ? "snapshot_id" : table.runIdColumn())
          .append("` |\n");
    }
    for (TrawlTable table : TrawlTable.values()) {
      md.append("\n## ").append(table.tableName()).append("\n\n");
      md.append(table.description()).append(".\n\n");
      md.append("- Grain: ").append(table.grain()).append("\n");
      md.append("- Partitioned by: `")
          .append(String.join("`, `", table.partitionColumns()))
          .append("`\n\n");
      appendColumns(md, table.schema());
    }
    md.append("\n## Nested types\n");
    for (String name : STRUCT_ORDER) {
      md.append("\n### ").append(name).append("\n\n");
      appendColumns(md, STRUCTS.get(name));
    }
    return md.toString();
  }

  /**
   * A readable type: nested structs by name ({@code array<detection>}), everything else as Hive
   * type strings.
   */
  static String typeName(DataType type) {
    for (String name : STRUCT_ORDER) {
      if (STRUCTS.get(name).equals(type)) {
        return name;
      }
    }
    if (type instanceof ArrayType array) {
      return "array<" + typeName(array.elementType()) + ">";
    }
    return type.catalogString();
  }

  private static void appendColumns(StringBuilder md, StructType schema) {
    md.append("| Column | Type | Nullable | Description |\n|---|---|---|---|\n");
    for (StructField field : schema.fields()) {
      md.append("| `")
          .append(field.name())
          .append("` | ")
          .append(typeName(field.dataType()))
          .append(" | ")
          .append(field.nullable() ? "yes" : "no")
          .append(" | ")
          .append(field.getComment().get().replace("|", "\\|"))
          .append(" |\n");
    }
  }

  private static void writeFile(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
