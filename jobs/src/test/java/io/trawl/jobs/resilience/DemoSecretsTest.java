package io.trawl.jobs.resilience;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.demo.DemoEstate;
import io.trawl.jobs.testing.DemoWarehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * No raw sensitive value the demo planted reaches a table (every column of every table and view in
 * the demo's database, cast to text, so tables added later are covered), the demo's standard output
 * or error, or its log events and their exception messages. The planted values come from
 * regenerating the demo estate with the demo's seed; the scan is shown to work by finding them in
 * the estate's plain-text files.
 */
class DemoSecretsTest {
  static final long DEMO_SEED = 42;

  @Test
  void noPlantedValueLeaksIntoTablesOutputOrLogs() throws Exception {
    DemoWarehouse demo = DemoWarehouse.get();
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    Set<String> planted = planted();
    assertThat(planted).hasSizeGreaterThan(50);
    assertThat(foundInEstate(demo.home().resolve("demo").resolve("estate"), planted))
        .as("planted values found in the estate's text files (the scan works)")
        .hasSizeGreaterThan(20);

    SparkSession spark = SharedSpark.session();
    List<String> leaks = new ArrayList<>();
    List<String> tables =
        spark.catalog().listTables(demo.database()).collectAsList().stream()
            .map(t -> t.name())
            .toList();
    assertThat(tables).contains("objects", "classification_results", "findings", "detections");
    for (String table : tables) {
      Dataset<Row> df = spark.table(demo.table(table));
      List<Column> text = new ArrayList<>();
      for (StructField f : df.schema().fields()) {
        text.add(col("`" + f.name() + "`").cast("string"));
      }
      for (String row :
          df.select(concat_ws("\u0001", text.toArray(new Column[0])))
              .as(org.apache.spark.sql.Encoders.STRING())
              .collectAsList()) {
        for (String v : leaked(row, planted)) {
          leaks.add(table + ": " + mask(v));
        }
      }
    }
    for (String v : leaked(demo.out(), planted)) {
      leaks.add("stdout: " + mask(v));
    }
    for (String v : leaked(demo.err(), planted)) {
      leaks.add("stderr: " + mask(v));
    }
    for (String v : leaked(demo.logs(), planted)) {
      leaks.add("logs: " + mask(v));
    }
    assertThat(demo.logs()).as("log events were captured").isNotBlank();
    assertThat(leaks).as("raw sensitive values outside the estate").isEmpty();
  }

  /** The demo's planted values, and the digits-only form of the long numeric ones. */
  static Set<String> planted() throws IOException {
    DemoEstate estate = new DemoEstate(SharedSpark.newFolder("secrets-estate"), DEMO_SEED);
    estate.write();
    Set<String> out = new LinkedHashSet<>();
    for (String v : estate.plantedValues()) {
      out.add(v);
      String digits = v.replaceAll("[^0-9]", "");
      if (digits.length() >= 12 && !digits.equals(v)) {
        out.add(digits);
      }
    }
    return out;
  }

  static Set<String> foundInEstate(Path estate, Set<String> planted) throws IOException {
    Set<String> found = new LinkedHashSet<>();
    try (var files = Files.walk(estate)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".log")) {
          found.addAll(leaked(new String(Files.readAllBytes(p), StandardCharsets.UTF_8), planted));
        }
      }
    }
    return found;
  }

  static List<String> leaked(String text, Set<String> planted) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String v : planted) {
      if (text.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  /** Reports name a leak without repeating the value: first two and last two characters. */
  static String mask(String v) {
    return v.length() <= 6 ? "***" : v.substring(0, 2) + "***" + v.substring(v.length() - 2);
  }
}
