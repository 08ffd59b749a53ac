package io.trawl.extraction.samples;

/** Every format the sample writers produce, with the file extension to use. */
public enum SampleFormat {
  TXT("txt"),
  LOG("log"),
  CSV("csv"),
  TSV("tsv"),
  JSON("json"),
  JSONL("jsonl"),
  XML("xml"),
  HTML("html"),
  YAML("yaml"),
  PARQUET("parquet"),
  AVRO("avro"),
  PDF("pdf"),
  DOCX("docx"),
  XLSX("xlsx"),
  XLS("xls"),
  PPTX("pptx"),
  PPT("ppt"),
  EML("eml"),
  ZIP("zip"),
  TAR("tar"),
  TAR_GZ("tar.gz"),
  GZ("csv.gz");

  private final String extension;

  SampleFormat(String extension) {
    this.extension = extension;
  }

  /** The extension without a dot, e.g. {@code tar.gz}. */
  public String extension() {
    return extension;
  }
}
