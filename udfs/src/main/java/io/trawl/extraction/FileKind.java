package io.trawl.extraction;

/** The extraction route for a file, decided from its content and extension. */
enum FileKind {
  TEXT("text/plain"),
  CSV("text/csv"),
  TSV("text/tab-separated-values"),
  JSON("application/json"),
  JSON_LINES("application/x-ndjson"),
  PARQUET("application/x-parquet"),
  AVRO("application/avro"),
  PDF("application/pdf"),
  WORD("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  WORD_OLE2("application/msword"),
  POWERPOINT("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
  POWERPOINT_OLE2("application/vnd.ms-powerpoint"),
  EXCEL("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  EXCEL_OLE2("application/vnd.ms-excel"),
  /** An OLE2 compound file whose kind needs Tika's container detector (e.g. encrypted OOXML). */
  OLE2("application/x-tika-msoffice"),
  EMAIL("message/rfc822"),
  ZIP("application/zip"),
  TAR("application/x-tar"),
  GZIP("application/gzip"),
  /** Images, audio, video, executables and other binary content Macie does not analyse. */
  UNSUPPORTED("application/octet-stream");

  private final String mimeType;

  FileKind(String mimeType) {
    this.mimeType = mimeType;
  }

  String mimeType() {
    return mimeType;
  }

  boolean isArchive() {
    return this == ZIP || this == TAR || this == GZIP;
  }

  boolean isOoxml() {
    return this == WORD || this == POWERPOINT || this == EXCEL;
  }

  /** Macie's size quota for this kind of file (macie.md 7.3). */
  long sizeLimit(ExtractionLimits limits) {
    return switch (this) {
      case TEXT, CSV, TSV, JSON, JSON_LINES -> limits.maxTextBytes();
      case PARQUET, AVRO -> limits.maxColumnarBytes();
      case PDF -> limits.maxPdfBytes();
      case WORD, WORD_OLE2, POWERPOINT, POWERPOINT_OLE2, EXCEL, EXCEL_OLE2, OLE2 ->
          limits.maxOfficeBytes();
      case EMAIL -> limits.maxEmailBytes();
      case ZIP, GZIP -> limits.maxArchiveBytes();
      case TAR -> limits.maxTarBytes();
      case UNSUPPORTED -> Long.MAX_VALUE;
    };
  }

  /** The reason Macie gives when a file of this kind is over its size quota. */
  StatusReason oversizeReason() {
    return isArchive()
        ? StatusReason.ARCHIVE_EXCEEDS_SIZE_LIMIT
        : StatusReason.FILE_EXCEEDS_SIZE_LIMIT;
  }
}
