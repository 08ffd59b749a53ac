package io.trawl.catalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schemas of Trawl's tables and of the nested structs they share. Column names follow
 * Macie's vocabulary in lower snake case; every column, nested fields included, carries a comment
 * so Athena, Glue and {@code DESCRIBE} explain it.
 */
public final class TrawlSchemas {
  private TrawlSchemas() {}

  /** Where one occurrence of sensitive data was found, as in Macie's detailed results. */
  public static final StructType OCCURRENCE =
      new Columns()
          .add(
              "location_type",
              DataTypes.StringType,
              "Which kind of location this is: lineRanges, cells, records or pages (Macie's"
                  + " occurrences keys)")
          .add("line_start", DataTypes.LongType, "First line of the match, 1-based (lineRanges)")
          .add("line_end", DataTypes.LongType, "Last line of the match, 1-based (lineRanges)")
          .add(
              "start_column",
              DataTypes.LongType,
              "Column of the first character on line_start, 1-based (lineRanges)")
          .add("cell_row", DataTypes.LongType, "Row number of the cell, 1-based (cells)")
          .add("cell_column", DataTypes.LongType, "Column number of the cell, 1-based (cells)")
          .add(
              "column_name",
              DataTypes.StringType,
              "Header name of the column holding the match, if any (cells)")
          .add(
              "cell_reference",
              DataTypes.StringType,
              "Spreadsheet reference of the cell, e.g. C5 (cells in workbooks)")
          .add(
              "record_index",
              DataTypes.LongType,
              "0-based index of the record in a JSON Lines, Avro or Parquet file (records)")
          .add(
              "json_path",
              DataTypes.StringType,
              "JSONPath of the field holding the match, e.g. $.customer.ssn (records)")
          .add("page_number", DataTypes.LongType, "Page number, 1-based (pages)")
          .add(
              "embedded_file_path",
              DataTypes.StringType,
              "Path of the file inside an archive or container, null for the object itself")
          .add(
              "masked_sample",
              DataTypes.StringType,
              "The matched value with most characters masked; never the raw value")
          .add(
              "value_hash",
              DataTypes.StringType,
              "Keyed hash (HMAC) of the raw value, to count and join repeats without storing it")
          .add(
              "keyword",
              DataTypes.StringType,
              "Keyword, column name or JSON path element that supported the match, if any")
          .add(
              "validator",
              DataTypes.StringType,
              "Check-digit or checksum validator that accepted the value, e.g. luhn, if any")
          .build();

  /** One sensitive data type found in an object: Macie's {@code sensitiveData[].detections[]}. */
  public static final StructType DETECTION =
      new Columns()
          .add(
              "type",
              DataTypes.StringType,
              "Managed data identifier ID (e.g. CREDIT_CARD_NUMBER) or custom identifier ID")
          .add(
              "identifier_type",
              DataTypes.StringType,
              "MANAGED for a managed data identifier, CUSTOM for a custom data identifier")
          .add(
              "category",
              DataTypes.StringType,
              "Macie category: CREDENTIALS, FINANCIAL_INFORMATION, PERSONAL_INFORMATION or"
                  + " CUSTOM_IDENTIFIER")
          .add(
              "count", DataTypes.LongType, "Total number of occurrences of this type in the object")
          .add(
              "severity",
              DataTypes.StringType,
              "Severity of this detection from its occurrence count: Low, Medium or High")
          .add(
              "occurrences",
              DataTypes.createArrayType(OCCURRENCE, true),
              "Recorded occurrences, at most 15 per detection as in Macie")
          .build();

  /** One entry of a bucket's most frequent sensitive data types. */
  public static final StructType IDENTIFIER_COUNT =
      new Columns()
          .add("type", DataTypes.StringType, "Managed or custom data identifier ID")
          .add("count", DataTypes.LongType, "Occurrences of this type across the bucket")
          .build();

  /** One data type found in a bucket so far, as in Macie's resource profile detections. */
  public static final StructType IDENTIFIER_STATISTICS =
      new Columns()
          .add("type", DataTypes.StringType, "Managed or custom data identifier ID")
          .add(
              "category",
              DataTypes.StringType,
              "Macie category: CREDENTIALS, FINANCIAL_INFORMATION, PERSONAL_INFORMATION or"
                  + " CUSTOM_IDENTIFIER")
          .add("objects", DataTypes.LongType, "Objects in which it was found")
          .add("occurrences", DataTypes.LongType, "Occurrences across those objects")
          .add(
              "suppressed",
              DataTypes.BooleanType,
              "True if suppressed for this bucket: left out of the score")
          .build();

  /** Builds a {@link StructType} whose every field has a comment. */
  static final class Columns {
    private final List<StructField> fields = new ArrayList<>();

    Columns add(String name, DataType type, String comment) {
      return add(name, type, true, comment);
    }

    Columns required(String name, DataType type, String comment) {
      return add(name, type, false, comment);
    }

    Columns add(String name, DataType type, boolean nullable, String comment) {
      if (comment == null || comment.isBlank()) {
        throw new IllegalArgumentException("column " + name + " needs a comment");
      }
      fields.add(new StructField(name, type, nullable, Metadata.empty()).withComment(comment));
      return this;
    }

    StructType build() {
      return new StructType(fields.toArray(new StructField[0]));
    }
  }

  static ArrayType arrayOf(DataType element) {
    return DataTypes.createArrayType(element, true);
  }
}
