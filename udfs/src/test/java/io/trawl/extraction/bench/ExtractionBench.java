package io.trawl.extraction.bench;

import io.trawl.detection.ContentSink;
import io.trawl.extraction.ContentExtractor;
import io.trawl.extraction.ExtractionLimits;
import io.trawl.extraction.ExtractionOutcome;
import io.trawl.extraction.ObjectSource;
import io.trawl.extraction.StatusCode;
import io.trawl.extraction.samples.SampleDocument;
import io.trawl.extraction.samples.SampleFormat;
import io.trawl.extraction.samples.SampleTable;
import io.trawl.extraction.samples.Samples;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread extraction throughput per format: MB of object bytes per second through {@link
 * ContentExtractor} into a sink that only counts characters (no detection). Run after {@code mvn
 * -pl udfs test-compile}:
 *
 * <pre>
 * mvn -q -o -pl udfs dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx1g -cp udfs/target/classes:udfs/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.trawl.extraction.bench.ExtractionBench [seconds-per-format] [format...]
 * </pre>
 */
public final class ExtractionBench {
  private ExtractionBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    List<SampleFormat> formats = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      formats.add(SampleFormat.valueOf(args[i].toUpperCase(Locale.ROOT)));
    }
    if (formats.isEmpty()) {
      formats.addAll(List.of(SampleFormat.values()));
    }
    System.out.printf(
        "%-8s %9s %6s %10s %12s %12s%n",
        "format", "size MB", "runs", "wall MB/s", "MB/CPU-s", "Mchars/CPU-s");
    try (ContentExtractor extractor = new ContentExtractor(ExtractionLimits.defaults())) {
      for (SampleFormat format : formats) {
        byte[] bytes = Samples.render(format, document(format));
        ObjectSource source =
            new ObjectSource(
                "bench." + format.extension(), bytes.length, () -> new ByteArrayInputStream(bytes));
        CountingSink sink = new CountingSink();
        // Warm-up: JIT and lazy Tika/POI/PDFBox initialisation are not part of the figure.
        long warmEnd = System.nanoTime() + (long) (seconds * 0.4e9);
        while (System.nanoTime() < warmEnd) {
          check(extractor.extract(source, sink), format);
        }
        sink.chars = 0;
        int runs = 0;
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        do {
          check(extractor.extract(source, sink), format);
          runs++;
        } while (System.nanoTime() < end);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        double mb = bytes.length / 1e6;
        System.out.printf(
            Locale.ROOT,
            "%-8s %9.2f %6d %10.1f %12.1f %12.1f%n",
            format.extension(),
            mb,
            runs,
            mb * runs / elapsed,
            mb * runs / cpu,
            sink.chars / 1e6 / cpu);
      }
    }
  }

  /**
   * CPU time of the whole process (extraction, GC, JIT): on a shared machine this gives the
   * per-core figure that wall time cannot, since other processes take turns on the cores.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void check(ExtractionOutcome outcome, SampleFormat format) {
    if (outcome.status().code() != StatusCode.COMPLETE) {
      throw new IllegalStateException(format + ": " + outcome);
    }
  }

  /** Content sized so each file is a few MB (documents smaller: they are slow to write). */
  static SampleDocument document(SampleFormat format) {
    int rows =
        switch (format) {
          case XLSX, XLS -> 20_000;
          case PDF, DOCX, PPTX, PPT -> 2_000;
          default -> 60_000;
        };
    List<String> lines = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      lines.add(
          "2024-05-01 customer "
              + i
              + " called about invoice "
              + (100_000 + i)
              + ", contact jane.doe"
              + i
              + "@example.com, ssn 123-45-"
              + String.format("%04d", i % 10_000));
      table.add(
          List.of(
              "Customer " + i,
              "123-45-" + String.format("%04d", i % 10_000),
              "user" + i + "@example.com",
              "4111 1111 1111 " + String.format("%04d", i % 10_000),
              "Street " + i + ", Springfield"));
    }
    return new SampleDocument(
        "Benchmark",
        lines,
        new SampleTable(List.of("name", "ssn", "email", "card", "address"), table));
  }

  /** Counts delivered characters so the work cannot be optimised away. */
  private static final class CountingSink implements ContentSink {
    long chars;

    @Override
    public void text(CharSequence block, long firstLine) {
      chars += block.length();
    }

    @Override
    public void cell(
        CharSequence value, long row, long column, String columnName, String cellReference) {
      chars += value.length();
    }

    @Override
    public void record(
        CharSequence value, long recordIndex, String jsonPath, List<String> pathElementNames) {
      chars += value.length();
    }

    @Override
    public void page(CharSequence text, long pageNumber) {
      chars += text.length();
    }

    @Override
    public void beginEmbedded(String path) {}

    @Override
    public void endEmbedded() {}
  }
}
