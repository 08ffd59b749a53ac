package io.trawl.extraction;

import io.trawl.detection.ContentSink;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Avro and Parquet, record by record: each scalar field goes out with the 0-based record index, its
 * JSONPath ({@code $.customer.ssn}, {@code $.phones[1]}) and the field names on its path. Avro
 * streams straight from the object; Parquet needs random access, so it is spooled to a local
 * temporary file first (within its 8 GB quota) and read through Parquet's Avro reader.
 */
final class ColumnarExtractor {
  private ColumnarExtractor() {}

  static void avro(InputStream in, ContentSink sink) throws IOException {
    try (DataFileStream<GenericRecord> records =
        new DataFileStream<>(in, new GenericDatumReader<>())) {
      long index = 0;
      GenericRecord record = null;
      while (records.hasNext()) {
        record = records.next(record);
        new Walker(sink, index++).record(record);
      }
    }
  }

  static void parquet(InputStream in, Extraction x) throws IOException {
    try (Spool spool = Spool.of(in, ".parquet");
        ParquetReader<GenericRecord> reader =
            AvroParquetReader.<GenericRecord>builder(new LocalInputFile(spool.path()))
                .withConf(x.tools.hadoopConf())
                .build()) {
      long index = 0;
      GenericRecord record;
      while ((record = reader.read()) != null) {
        new Walker(x.sink, index++).record(record);
      }
    }
  }

  /** Walks one record depth-first, keeping the path as segments and names. */
  private static final class Walker {
    private final ContentSink sink;
    private final long index;
    private final List<String> segments = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    Walker(ContentSink sink, long index) {
      this.sink = sink;
      this.index = index;
    }

    void record(IndexedRecord record) {
      for (org.apache.avro.Schema.Field field : record.getSchema().getFields()) {
        enter("." + JsonPaths.truncateName(field.name()), field.name());
        value(record.get(field.pos()));
        leave(true);
      }
    }

    private void value(Object value) {
      if (value == null || value instanceof Boolean) {
        return;
      }
      if (value instanceof IndexedRecord nested) {
        record(nested);
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          String key = String.valueOf(e.getKey());
          sink.record(key, index, null, List.copyOf(names));
          enter("." + JsonPaths.truncateName(key), key);
          value(e.getValue());
          leave(true);
        }
      } else if (value instanceof Collection<?> list) {
        long i = 0;
        for (Object element : list) {
          enter("[" + i++ + "]", null);
          value(element);
          leave(false);
        }
      } else if (value instanceof ByteBuffer || value instanceof GenericFixed) {
        return; // binary: nothing textual to analyse
      } else {
        int total = 1;
        for (String s : segments) {
          total += s.length();
        }
        sink.record(value.toString(), index, JsonPaths.build(segments, total), List.copyOf(names));
      }
    }

    private void enter(String segment, String name) {
      segments.add(segment);
      if (name != null) {
        names.add(name);
      }
    }

    private void leave(boolean named) {
      segments.remove(segments.size() - 1);
      if (named) {
        names.remove(names.size() - 1);
      }
    }
  }

  /** A Parquet {@link InputFile} over a local file, without Hadoop's file system layer. */
  private static final class LocalInputFile implements InputFile {
    private final Path path;

    LocalInputFile(Path path) {
      this.path = path;
    }

    @Override
    public long getLength() throws IOException {
      return java.nio.file.Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      RandomAccessFile file = new RandomAccessFile(path.toFile(), "r");
      return new SeekableInputStream() {
        @Override
        public long getPos() throws IOException {
          return file.getFilePointer();
        }

        @Override
        public void seek(long newPos) throws IOException {
          file.seek(newPos);
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
          file.readFully(bytes);
        }

        @Override
        public void readFully(byte[] bytes, int start, int len) throws IOException {
          file.readFully(bytes, start, len);
        }

        @Override
        public int read(ByteBuffer buf) throws IOException {
          if (buf.hasArray()) {
            int n = file.read(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
            if (n > 0) {
              buf.position(buf.position() + n);
            }
            return n;
          }
          byte[] tmp = new byte[Math.min(buf.remaining(), 64 * 1024)];
          int n = file.read(tmp);
          if (n > 0) {
            buf.put(tmp, 0, n);
          }
          return n;
        }

        @Override
        public void readFully(ByteBuffer buf) throws IOException {
          while (buf.hasRemaining()) {
            if (read(buf) < 0) {
              throw new EOFException("unexpected end of parquet file");
            }
          }
        }

        @Override
        public int read() throws IOException {
          return file.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return file.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
          file.close();
        }
      };
    }
  }
}
