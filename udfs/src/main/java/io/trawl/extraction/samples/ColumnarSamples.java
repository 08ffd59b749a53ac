package io.trawl.extraction.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writers for Avro (deflate) and Parquet (Snappy) files from a table: one record per row, one
 * string field per column, named after the header with characters Avro does not allow replaced by
 * '_'. Row i is record index i and column c is at JSONPath {@code $.c}.
 */
public final class ColumnarSamples {
  private ColumnarSamples() {}

  /** The Avro schema for {@code table}: a record {@code sample} of optional strings. */
  public static Schema schema(SampleTable table) {
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("sample").fields();
    for (String column : table.header()) {
      fields = fields.optionalString(fieldName(column));
    }
    return fields.endRecord();
  }

  /** The Avro field name used for a header. */
  public static String fieldName(String column) {
    String name = column.replaceAll("[^A-Za-z0-9_]", "_");
    return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }

  public static byte[] avro(SampleTable table) {
    Schema schema = schema(table);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<GenericRecord> writer =
        new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
      writer.setCodec(CodecFactory.deflateCodec(6));
      writer.create(schema, out);
      for (List<String> row : table.rows()) {
        writer.append(record(schema, table, row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] parquet(SampleTable table) {
    Schema schema = schema(table);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ParquetWriter<GenericRecord> writer =
        AvroParquetWriter.<GenericRecord>builder(new MemoryOutputFile(out))
            .withSchema(schema)
            .withConf(new Configuration(false))
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      for (List<String> row : table.rows()) {
        writer.write(record(schema, table, row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static GenericRecord record(Schema schema, SampleTable table, List<String> row) {
    GenericRecord record = new GenericData.Record(schema);
    for (int i = 0; i < row.size(); i++) {
      record.put(fieldName(table.header().get(i)), row.get(i));
    }
    return record;
  }

  /** A Parquet output file in memory, so samples need no Hadoop file system. */
  private static final class MemoryOutputFile implements OutputFile {
    private final ByteArrayOutputStream out;

    MemoryOutputFile(ByteArrayOutputStream out) {
      this.out = out;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return out.size();
        }

        @Override
        public void write(int b) {
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          out.write(b, off, len);
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
