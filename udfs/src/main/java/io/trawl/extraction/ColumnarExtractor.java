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
      Walker walker = new Walker(sink);
      long index = 0;
      GenericRecord record = null;
      while (records.hasNext()) {
        record = records.next(record);
        walker.record(index++, record);
      }
    }
  }

  static void parquet(InputStream in, Extraction x) throws IOException {
    try (Spool spool = Spool.of(in, ".parquet");
        ParquetReader<GenericRecord> reader =
            AvroParquetReader.<GenericRecord>builder(new LocalInputFile(spool.path()))
                .withConf(x.tools.hadoopConf())
                .build()) {
      Walker walker = new Walker(x.sink);
      long index = 0;
      GenericRecord record;
      while ((record = reader.read()) != null) {
        walker.record(index++, record);
      }
    }
  }

  /** Walks records depth-first, keeping the path as text with its segment starts, and names. */
  private static final class Walker {
    private final ContentSink sink;
    private final StringBuilder path = new StringBuilder("$");
    private int[] starts = new int[16];
    private int segments;
    private final List<String> names = new ArrayList<>();
    private List<String> namesSnapshot;
    private long index;

    Walker(ContentSink sink) {
      this.sink = sink;
    }

    void record(long recordIndex, IndexedRecord record) {
      this.index = recordIndex;
      fields(record);
    }

    private void fields(IndexedRecord record) {
      for (org.apache.avro.Schema.Field field : record.getSchema().getFields()) {
        enterName(field.name());
        value(record.get(field.pos()));
        leave(true);
      }
    }

    private void value(Object value) {
      if (value == null || value instanceof Boolean) {
        return;
      }
      if (value instanceof IndexedRecord nested) {
        fields(nested);
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          String key = String.valueOf(e.getKey());
          sink.record(key, index, null, names());
          enterName(key);
          value(e.getValue());
          leave(true);
        }
      } else if (value instanceof Collection<?> list) {
        long i = 0;
        for (Object element : list) {
          enter();
          path.append('[').append(i++).append(']');
          value(element);
          leave(false);
        }
      } else if (!(value instanceof ByteBuffer) && !(value instanceof GenericFixed)) {
        sink.record(value.toString(), index, jsonPath(), names());
      }
      // ByteBuffer and GenericFixed are binary: nothing textual to analyse.
    }

    private String jsonPath() {
      if (path.length() <= JsonPaths.MAX_PATH_CHARS) {
        return path.toString();
      }
      List<String> parts = new ArrayList<>(segments);
      for (int i = 0; i < segments; i++) {
        parts.add(path.substring(starts[i], i + 1 < segments ? starts[i + 1] : path.length()));
      }
      return JsonPaths.build(parts, path.length());
    }

    private List<String> names() {
      if (namesSnapshot == null) {
        namesSnapshot = List.copyOf(names);
      }
      return namesSnapshot;
    }

    private void enter() {
      if (segments == starts.length) {
        starts = java.util.Arrays.copyOf(starts, segments * 2);
      }
      starts[segments++] = path.length();
    }

    private void enterName(String name) {
      enter();
      path.append('.').append(JsonPaths.truncateName(name));
      names.add(name);
      namesSnapshot = null;
    }

    private void leave(boolean named) {
      path.setLength(starts[--segments]);
      if (named) {
        names.remove(names.size() - 1);
        namesSnapshot = null;
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
