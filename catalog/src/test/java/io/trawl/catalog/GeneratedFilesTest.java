package io.trawl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checked-in Athena DDL and docs/tables.md must match the table definitions. When they do not,
 * regenerate them with {@link TableDocs#REGENERATE} (which sets {@code -Dtrawl.regenerate=true})
 * and commit the result.
 */
class GeneratedFilesTest {
  private static Path repoRoot;

  @BeforeAll
  static void regenerateIfAsked() throws IOException {
    // Surefire runs in the module folder; the generated files are addressed from the repo root.
    repoRoot = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    if (Boolean.getBoolean("trawl.regenerate")) {
      TableDocs.write(repoRoot);
    }
  }

  @Test
  void athenaDdlIsUpToDate() throws IOException {
    assertThat(read(TableDocs.ATHENA_DDL))
        .as("%s is stale; regenerate with: %s", TableDocs.ATHENA_DDL, TableDocs.REGENERATE)
        .isEqualTo(AthenaDdl.generate(TableDocs.PLACEHOLDER));
  }

  @Test
  void tablesDocIsUpToDate() throws IOException {
    assertThat(read(TableDocs.TABLES_DOC))
        .as("%s is stale; regenerate with: %s", TableDocs.TABLES_DOC, TableDocs.REGENERATE)
        .isEqualTo(TableDocs.markdown());
  }

  @Test
  void ddlRegistersEveryTableAsNativeDeltaWithS3Locations() {
    TrawlCatalog catalog = TrawlCatalog.of("s3a://lake/trawl/");
    String ddl = AthenaDdl.generate(catalog);
    for (TrawlTable table : TrawlTable.values()) {
      assertThat(ddl)
          .contains(
              "CREATE EXTERNAL TABLE IF NOT EXISTS trawl."
                  + table.tableName()
                  + "\nLOCATION 's3://lake/trawl/"
                  + table.tableName()
                  + "/'\nTBLPROPERTIES ('table_type'='DELTA');");
    }
    assertThat(ddl).doesNotContain("s3a://").doesNotContain("YOUR-BUCKET");
    // Athena rejects a column list in a Delta CREATE: every column line must be a comment.
    for (String line : ddl.split("\n")) {
      if (line.contains("  string") || line.contains("  bigint")) {
        assertThat(line).startsWith("--");
      }
    }
  }

  @Test
  void docDescribesEveryColumnOfEveryTable() {
    String doc = TableDocs.markdown();
    for (TrawlTable table : TrawlTable.values()) {
      assertThat(doc).contains("\n## " + table.tableName() + "\n");
      for (var field : table.schema().fields()) {
        assertThat(doc).contains("| `" + field.name() + "` | ");
      }
    }
    assertThat(doc).contains("| `detections` | array<detection> | yes |");
  }

  private static String read(Path relative) throws IOException {
    Path file = repoRoot.resolve(relative);
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
