package io.trawl.jobs.spark;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Builds rows by column name, so code does not depend on a schema's column order. */
public final class Rows {
  private Rows() {}

  /** A row of {@code schema} from named values; a name not in the schema is a bug. */
  public static Row of(StructType schema, Map<String, ?> values) {
    for (String name : values.keySet()) {
      if (schema.getFieldIndex(name).isEmpty()) {
        throw new IllegalArgumentException("no column " + name + " in " + schema.simpleString());
      }
    }
    StructField[] fields = schema.fields();
    Object[] cells = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      cells[i] = values.get(fields[i].name());
    }
    return RowFactory.create(cells);
  }
}
