package io.trawl.catalog.testing;

import io.trawl.catalog.TrawlTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Builds small DataFrames in a table's shape for tests: unnamed columns are null. */
public final class TableRows {
  private TableRows() {}

  /** One row per map, in the table's column order; every column not in a map is null. */
  @SafeVarargs
  public static Dataset<Row> of(
      SparkSession spark, TrawlTable table, Map<String, Object>... values) {
    StructType schema = table.schema();
    for (Map<String, Object> row : values) {
      for (String name : row.keySet()) {
        schema.fieldIndex(name); // fails fast on a typo in a test
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> row : values) {
      Object[] cells = new Object[schema.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = row.get(schema.fields()[i].name());
      }
      rows.add(RowFactory.create(cells));
    }
    StructField[] fields = schema.fields().clone();
    for (int i = 0; i < fields.length; i++) {
      fields[i] =
          new StructField(fields[i].name(), fields[i].dataType(), true, fields[i].metadata());
    }
    return spark.createDataFrame(rows, new StructType(fields));
  }
}
