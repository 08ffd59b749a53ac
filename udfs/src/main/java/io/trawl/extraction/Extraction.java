package io.trawl.extraction;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.EncryptedDocumentException;

/**
 * The extraction of one object: its budgets and counters, and the routing of each file (the object
 * itself, or a file inside an archive or email) to the extractor for its kind. A failure of one
 * file inside an archive is recorded in {@link #unprocessed} and the archive goes on; a spent
 * budget of the whole object ends everything.
 */
final class Extraction {
  final ExtractionTools tools;
  final ExtractionLimits limits;
  final Deadline deadline;
  final GuardedSink sink;

  /** At most this many unprocessed files are listed in an outcome. */
  static final int MAX_UNPROCESSED_LISTED = 10_000;

  final List<String> unprocessed = new ArrayList<>();
  long unprocessedCount;
  long classifiedBytes;
  long filesExtracted;
  long bytesExtracted;
  int filesAnalysed;

  /** The detected type of the object itself, for the outcome. */
  String topMimeType;

  Extraction(ExtractionTools tools, ExtractionLimits limits, Deadline deadline, GuardedSink sink) {
    this.tools = tools;
    this.limits = limits;
    this.deadline = deadline;
    this.sink = sink;
  }

  /** True once anything was analysed, which makes a later stop PARTIAL rather than SKIPPED. */
  boolean analysedAnything() {
    return filesAnalysed > 0 || sink.delivered();
  }

  /**
   * Analyses one file.
   *
   * @param in its bytes (not closed here)
   * @param name its name, for the extension
   * @param path its path inside the object (archive entries joined with '/'), null for the object
   * @param knownSize its size if known, else -1
   * @param depth the number of archives and emails around it
   */
  void extractFile(InputStream in, String name, String path, long knownSize, int depth)
      throws IOException {
    FileKind kind = null;
    try {
      BufferedInputStream buffered = new BufferedInputStream(in, TypeDetection.SAMPLE_BYTES);
      byte[] sample = new byte[TypeDetection.SAMPLE_BYTES];
      buffered.mark(TypeDetection.SAMPLE_BYTES);
      int n = buffered.readNBytes(sample, 0, sample.length);
      buffered.reset();
      if (n == 0) {
        if (path == null) {
          topMimeType = tools.detection().mimeTypeOfName(name);
        }
        filesAnalysed++;
        return; // an empty file is completely analysed
      }
      TypeDetection.Detected detected =
          tools.detection().detect(sample, n, n == sample.length, name);
      kind = detected.kind();
      if (path == null) {
        topMimeType = detected.mimeType();
      }
      route(buffered, detected, name, path, knownSize, depth);
    } catch (ExtractionStop stop) {
      handle(stop, path);
    } catch (Exception | StackOverflowError e) {
      // StackOverflowError: a parser recursing on hostile nesting; the thread itself is fine.
      handle(toStop(e, kind), path);
    }
  }

  private void handle(ExtractionStop stop, String path) {
    if (path == null || !stop.fileOnly()) {
      throw stop;
    }
    unprocessed(path, stop.reason());
  }

  private void route(
      InputStream in,
      TypeDetection.Detected detected,
      String name,
      String path,
      long knownSize,
      int depth)
      throws Exception {
    FileKind kind = detected.kind();
    if (kind == FileKind.UNSUPPORTED) {
      throw ExtractionStop.file(StatusReason.UNSUPPORTED_FILE_TYPE_EXCEPTION, detected.mimeType());
    }
    BudgetedStream counted = new BudgetedStream(in, deadline, false);
    if (path == null) {
      // Macie's per-type quotas apply to the object itself; extracted files have their own.
      long limit = kind.sizeLimit(limits);
      ExtractionStop oversize = ExtractionStop.file(kind.oversizeReason(), null);
      if (knownSize > limit) {
        throw oversize;
      }
      counted.limit(limit, oversize);
    }
    if ((kind.isArchive() || kind == FileKind.EMAIL) && depth + 1 > limits.maxArchiveNesting()) {
      throw ExtractionStop.object(StatusReason.ARCHIVE_NESTING_LEVEL_OVER_LIMIT, path);
    }
    boolean leaf = !kind.isArchive() && kind != FileKind.EMAIL;
    try {
      switch (kind) {
        case TEXT -> TextExtractor.extract(detected.encoding().reader(counted), sink);
        case CSV -> DelimitedExtractor.extract(detected.encoding().reader(counted), ',', sink);
        case TSV -> DelimitedExtractor.extract(detected.encoding().reader(counted), '\t', sink);
        case JSON -> JsonExtractor.json(counted, detected.encoding(), knownSize, this);
        case JSON_LINES -> JsonExtractor.jsonLines(detected.encoding().reader(counted), this);
        case AVRO -> ColumnarExtractor.avro(counted, sink);
        case PARQUET -> ColumnarExtractor.parquet(counted, this);
        case PDF -> PdfExtractor.extract(counted, this);
        case WORD, POWERPOINT, EXCEL, WORD_OLE2, POWERPOINT_OLE2, EXCEL_OLE2, OLE2 ->
            OfficeExtractor.extract(counted, kind, this);
        case EMAIL -> EmailExtractor.extract(counted, path, depth + 1, this);
        case ZIP -> ArchiveExtractor.zip(counted, path, depth + 1, this);
        case TAR -> ArchiveExtractor.tar(counted, path, depth + 1, this);
        case GZIP -> ArchiveExtractor.gzip(counted, name, path, depth + 1, this);
        case UNSUPPORTED -> throw new IllegalStateException("handled above");
      }
    } finally {
      if (leaf) {
        classifiedBytes += counted.count();
      }
    }
    if (leaf) {
      filesAnalysed++;
    }
  }

  /**
   * Analyses a file inside an archive or email, counting it against the object's extraction
   * budgets, between {@code beginEmbedded} and {@code endEmbedded}.
   */
  void extractEmbedded(InputStream entry, String name, String path, long declaredSize, int depth)
      throws IOException {
    if (++filesExtracted > limits.maxArchiveFiles()) {
      throw ExtractionStop.object(StatusReason.ARCHIVE_TOTAL_DOCUMENTS_PROCESSED_OVER_LIMIT, path);
    }
    if (declaredSize > limits.maxExtractedFileBytes()
        || declaredSize > limits.maxArchiveExtractedBytes() - bytesExtracted) {
      throw ExtractionStop.object(StatusReason.ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT, path);
    }
    BudgetedStream budgeted =
        new BudgetedStream(entry, deadline, false) {
          @Override
          void counted(int n) {
            bytesExtracted += n;
            if (bytesExtracted > limits.maxArchiveExtractedBytes()) {
              throw ExtractionStop.object(
                  StatusReason.ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT, path);
            }
          }
        };
    budgeted.limit(
        limits.maxExtractedFileBytes(),
        ExtractionStop.object(StatusReason.ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT, path));
    sink.beginEmbedded(path);
    try {
      extractFile(budgeted, name, path, declaredSize, depth);
    } finally {
      sink.endEmbedded();
    }
  }

  /**
   * Records a file inside an archive that was not analysed. The list keeps the first {@link
   * #MAX_UNPROCESSED_LISTED} so that an archive of a million images stays within bounded memory.
   */
  void unprocessed(String path, StatusReason reason) {
    unprocessedCount++;
    if (unprocessed.size() < MAX_UNPROCESSED_LISTED) {
      unprocessed.add(path + ": " + reason);
    }
  }

  static String join(String parent, String child) {
    return parent == null ? child : parent + "/" + child;
  }

  /** Macie's reason for a failure thrown while extracting a file of {@code kind}. */
  static ExtractionStop toStop(Throwable failure, FileKind kind) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ExtractionStop stop) {
        return stop;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BudgetedStream.SourceFailure) {
        StatusReason reason = StorageFailures.reasonFor(t.getCause());
        return ExtractionStop.object(
            reason == null ? StatusReason.UNABLE_TO_PARSE_FILE : reason, "storage read failed");
      }
      if (t instanceof EncryptedDocumentException || t instanceof InvalidPasswordException) {
        return ExtractionStop.file(StatusReason.UNABLE_TO_PARSE_FILE, "encrypted");
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("zip bomb")) {
        return ExtractionStop.file(
            message.contains("ratio")
                ? StatusReason.OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT
                : StatusReason.OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT,
            null);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return ExtractionStop.file(
        kind == null ? StatusReason.MALFORMED_FILE : parseFailure(kind),
        failure.getClass().getSimpleName());
  }

  /**
   * Structured files that fail to parse are UNABLE_TO_PARSE_FILE; corrupt Office files get Macie's
   * Office-specific MALFORMED_OR_FILE_SIZE_EXCEEDS_LIMIT; other corrupt files MALFORMED_FILE.
   */
  static StatusReason parseFailure(FileKind kind) {
    return switch (kind) {
      case CSV, TSV, JSON, JSON_LINES, PARQUET, AVRO -> StatusReason.UNABLE_TO_PARSE_FILE;
      case WORD, WORD_OLE2, POWERPOINT, POWERPOINT_OLE2, EXCEL, EXCEL_OLE2, OLE2 ->
          StatusReason.MALFORMED_OR_FILE_SIZE_EXCEEDS_LIMIT;
      default -> StatusReason.MALFORMED_FILE;
    };
  }
}
