package io.trawl.jobs.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.catalog.TrawlSpark;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.testing.DemoWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Every SQL cell of both notebooks runs against the demo's tables (database {@code trawl} replaced
 * by the shared demo's), so a renamed table or column breaks the build instead of a notebook weeks
 * later.
 */
class NotebookSqlTest {
  private static final Pattern SPARK_SQL =
      Pattern.compile("spark\\.sql\\(\\s*\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
  private static final Pattern DATABASE = Pattern.compile("\\btrawl\\.|\\bIN trawl\\b");

  /** Tables that may have no rows in the demo (the scoring stage fills bucket_risk). */
  private static final List<String> MAY_BE_EMPTY = List.of("bucket_risk", "status_code != ");

  @Test
  void emrStudioNotebookConfiguresDeltaAndGlueAndItsSqlRuns() throws IOException {
    JsonNode nb = notebook("trawl-emr-studio.ipynb");
    String configure =
        cells(nb).stream()
            .filter(c -> c.startsWith("%%configure -f"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no %%configure -f cell"));
    JsonNode conf =
        new ObjectMapper().readTree(configure.substring(configure.indexOf('{'))).get("conf");

    assertThat(conf.get("spark.sql.extensions").asText()).isEqualTo(TrawlSpark.DELTA_EXTENSION);
    assertThat(conf.get("spark.sql.catalog.spark_catalog").asText())
        .isEqualTo(TrawlSpark.DELTA_CATALOG);
    assertThat(conf.get("spark.hadoop.hive.metastore.client.factory.class").asText())
        .isEqualTo("com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory");

    List<String> sql = new ArrayList<>();
    for (String c : cells(nb)) {
      if (c.startsWith("%%sql")) {
        sql.add(c.substring(c.indexOf('\n') + 1));
      }
    }
    runAll("trawl-emr-studio.ipynb", sql);
  }

  @Test
  void localNotebookUsesBinTrawlsSettingsAndItsSqlRuns() throws IOException {
    JsonNode nb = notebook("trawl-local.ipynb");
    String all = String.join("\n", cells(nb));

    // The settings TrawlSpark.localSession (bin/trawl) uses, so the notebook sees the same catalog.
    assertThat(all)
        .contains("\"spark.sql.extensions\", \"" + TrawlSpark.DELTA_EXTENSION + "\"")
        .contains("\"spark.sql.catalog.spark_catalog\", \"" + TrawlSpark.DELTA_CATALOG + "\"")
        .contains("\"spark.sql.catalogImplementation\", \"hive\"")
        .contains("\"jdbc:derby:;databaseName=\" + os.path.join(TRAWL_HOME, \"metastore_db\")")
        .contains("os.path.join(TRAWL_HOME, \"warehouse\")")
        .contains("\"spark.sql.session.timeZone\", \"UTC\"");
    List<String> sql = new ArrayList<>();
    Matcher m = SPARK_SQL.matcher(all);
    while (m.find()) {
      sql.add(m.group(1));
    }
    runAll("trawl-local.ipynb", sql);
  }

  private static void runAll(String notebook, List<String> queries) {
    DemoWarehouse demo = DemoWarehouse.get();
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(queries).as("%s: SQL cells", notebook).hasSizeGreaterThanOrEqualTo(9);
    int withRows = 0;
    for (String q : queries) {
      assertThat(q)
          .as("%s: notebooks stay on main's tables", notebook)
          .doesNotContain("compliance_");
      assertThat(DATABASE.matcher(q).find())
          .as("%s: tables are qualified with database trawl:%n%s", notebook, q)
          .isTrue();
      String sql =
          q.replaceAll("\\btrawl\\.", demo.database() + ".")
              .replaceAll("\\bIN trawl\\b", "IN " + demo.database());
      List<Row> rows;
      try {
        rows = SharedSpark.session().sql(sql).collectAsList();
      } catch (Exception e) { // Spark's AnalysisException is checked but undeclared
        throw new AssertionError(notebook + ": query failed: " + e.getMessage() + "\n" + q, e);
      }
      if (MAY_BE_EMPTY.stream().noneMatch(q::contains)) {
        assertThat(rows).as("%s: rows of%n%s", notebook, q).isNotEmpty();
      }
      withRows += rows.isEmpty() ? 0 : 1;
    }
    System.out.println(
        notebook + ": " + queries.size() + " SQL cells ran, " + withRows + " with rows");
  }

  private static JsonNode notebook(String name) throws IOException {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("notebooks"))) {
      p = p.getParent();
    }
    assertThat(p).as("notebooks folder above the module").isNotNull();
    JsonNode nb = new ObjectMapper().readTree(p.resolve("notebooks").resolve(name).toFile());
    assertThat(nb.get("nbformat").asInt()).isEqualTo(4);
    return nb;
  }

  /** The source of every code cell. */
  private static List<String> cells(JsonNode nb) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : nb.get("cells")) {
      if (c.get("cell_type").asText().equals("code")) {
        StringBuilder s = new StringBuilder();
        c.get("source").forEach(l -> s.append(l.asText()));
        out.add(s.toString());
      }
    }
    return out;
  }
}
