package io.trawl.jobs.access;

import io.trawl.jobs.access.parse.AccessEvent;
import io.trawl.jobs.access.parse.CloudTrailParser;
import io.trawl.jobs.access.parse.LogSink;
import io.trawl.jobs.access.parse.RejectedRecord;
import io.trawl.jobs.access.parse.ServerAccessLogParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Parses one log file on an executor into rows of {@link IngestRows#SCHEMA}: events and rejected
 * lines side by side, so every file is read once. Gzip is recognised by its magic bytes, whatever
 * the file is called. A file that cannot be read at all becomes one rejected row.
 */
final class ParseLogFiles implements FlatMapFunction<Tuple2<String, PortableDataStream>, Row> {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String runId;
  private final Date runDate;
  private final LongAccumulator ignored;

  ParseLogFiles(String source, String runId, Date runDate, LongAccumulator ignored) {
    this.source = source;
    this.runId = runId;
    this.runDate = runDate;
    this.ignored = ignored;
  }

  @Override
  public Iterator<Row> call(Tuple2<String, PortableDataStream> file) {
    String path = file._1();
    List<Row> out = new ArrayList<>();
    LogSink sink =
        new LogSink() {
          @Override
          public void event(AccessEvent e) {
            out.add(IngestRows.event(runId, e));
          }

          @Override
          public void rejected(RejectedRecord r) {
            out.add(IngestRows.rejected(runId, runDate, r));
          }

          @Override
          public void ignored() {
            ignored.add(1);
          }
        };
    try (InputStream in = decompressed(file._2().open())) {
      if (source.equals(AccessEvent.SERVER_ACCESS_LOG)) {
        ServerAccessLogParser.parseFile(path, in, sink);
      } else {
        CloudTrailParser.parseFile(path, in, sink);
      }
    } catch (IOException | RuntimeException e) {
      sink.rejected(
          new RejectedRecord(
              source, path, 0, "file could not be read: " + e.getClass().getSimpleName(), null));
    }
    return out.iterator();
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  /** The row layout of parsed files and how events and rejections fill it. */
  static final class IngestRows {
    private IngestRows() {}

    static Row event(String runId, AccessEvent e) {
      List<Object> v = new ArrayList<>(48);
      v.add("event");
      v.add(runId);
      for (Object o : e.values()) {
        v.add(o instanceof java.time.Instant i ? Timestamp.from(i) : o);
      }
      v.add(Date.valueOf(e.eventTime().atOffset(ZoneOffset.UTC).toLocalDate()));
      v.add(null);
      v.add(null);
      v.add(null);
      return RowFactory.create(v.toArray());
    }

    static Row rejected(String runId, Date runDate, RejectedRecord r) {
      Object[] v = new Object[AccessColumns.INGEST.length()];
      v[0] = "rejected";
      v[1] = runId;
      v[2] = r.source();
      v[3] = r.sourceFile();
      v[4] = r.sourcePosition();
      int n = v.length;
      v[n - 3] = r.reason();
      v[n - 2] = r.excerpt();
      v[n - 1] = runDate;
      return RowFactory.create(v);
    }
  }
}
