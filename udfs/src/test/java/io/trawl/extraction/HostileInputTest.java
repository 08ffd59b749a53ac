package io.trawl.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.extraction.samples.ArchiveSamples;
import io.trawl.extraction.samples.DocumentSamples;
import io.trawl.extraction.samples.TextSamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: every case ends in an outcome with Macie's status and reason, and the
 * same extractor then still extracts a normal file (checked after each test).
 */
class HostileInputTest {
  static final String SSN = "123-45-6789";
  static final ContentExtractor EXTRACTOR = new ContentExtractor(ExtractionLimits.defaults());

  @AfterAll
  static void close() {
    EXTRACTOR.close();
  }

  @AfterEach
  void extractorStaysUsable() {
    RecordingSink sink = new RecordingSink();
    ExtractionOutcome outcome =
        EXTRACTOR.extract(Objects.of("ok.txt", TextSamples.text(List.of("ok " + SSN))), sink);
    assertThat(outcome.status()).isEqualTo(ClassificationStatus.COMPLETE);
    assertThat(sink.lineOf(SSN)).isPresent();
  }

  static ExtractionOutcome extract(ContentExtractor extractor, ObjectSource source) {
    RecordingSink sink = new RecordingSink();
    ExtractionOutcome outcome = extractor.extract(source, sink);
    assertThat(sink.openEmbedded()).as("begin/end balanced").isZero();
    return outcome;
  }

  static ExtractionOutcome extract(String key, byte[] bytes) {
    return extract(EXTRACTOR, Objects.of(key, bytes));
  }

  static ClassificationStatus skipped(StatusReason reason) {
    return ClassificationStatus.skipped(reason);
  }

  static ClassificationStatus partial(StatusReason reason) {
    return ClassificationStatus.partial(reason);
  }

  /** {@code megabytes} of a text line repeated: compresses about 1000:1. */
  static byte[] repetitiveText(int megabytes) {
    byte[] line =
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[megabytes * 1_000_000];
    for (int i = 0; i < out.length; i++) {
      out[i] = line[i % line.length];
    }
    return out;
  }

  @Test
  void zipBombStopsAtTheExtractedBytesLimitAndKeepsWhatWasFound() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("first.txt", TextSamples.text(List.of("ssn " + SSN)));
    entries.put("bomb.txt", repetitiveText(30));
    byte[] zip = ArchiveSamples.zip(entries);
    assertThat(zip.length).isLessThan(200_000);
    try (ContentExtractor small =
        new ContentExtractor(
            ExtractionLimits.defaults()
                .withArchiveExtraction(1_000_000, 10_000_000, 3_000_000_000L))) {
      RecordingSink sink = new RecordingSink();
      ExtractionOutcome outcome = small.extract(Objects.of("bomb.zip", zip), sink);
      assertThat(outcome.status())
          .isEqualTo(partial(StatusReason.ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT));
      assertThat(sink.lineOf(SSN).orElseThrow().embeddedPath()).isEqualTo("first.txt");
      assertThat(sink.openEmbedded()).isZero();
    }
    try (ContentExtractor perFile =
        new ContentExtractor(
            ExtractionLimits.defaults()
                .withArchiveExtraction(1_000_000, 10_000_000_000L, 5_000_000))) {
      assertThat(extract(perFile, Objects.of("bomb.zip", zip)).status())
          .isEqualTo(partial(StatusReason.ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT));
    }
  }

  @Test
  void tooManyFilesStopsWithDocumentsLimit() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      entries.put("f" + i + ".txt", TextSamples.text(List.of("file " + i)));
    }
    try (ContentExtractor small =
        new ContentExtractor(
            ExtractionLimits.defaults().withArchiveExtraction(3, 1_000_000, 1_000_000))) {
      ExtractionOutcome outcome =
          extract(small, Objects.of("many.zip", ArchiveSamples.zip(entries)));
      assertThat(outcome.status())
          .isEqualTo(partial(StatusReason.ARCHIVE_TOTAL_DOCUMENTS_PROCESSED_OVER_LIMIT));
    }
  }

  /** Archive level 1 holds level 2, ... level 12 holds only a text file. */
  static byte[] nested(int levels, boolean textAtEachLevel) {
    byte[] current = ArchiveSamples.zip(Map.of("deepest.txt", TextSamples.text(List.of("deep"))));
    for (int level = levels - 1; level >= 1; level--) {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      if (textAtEachLevel) {
        entries.put("level" + level + ".txt", TextSamples.text(List.of("at level " + level)));
      }
      entries.put("level" + (level + 1) + ".zip", current);
      current = ArchiveSamples.zip(entries);
    }
    return current;
  }

  @Test
  void twelveLevelNestedArchiveStopsAtTheEleventh() {
    RecordingSink sink = new RecordingSink();
    ExtractionOutcome outcome = EXTRACTOR.extract(Objects.of("nest.zip", nested(12, true)), sink);
    assertThat(outcome.status()).isEqualTo(partial(StatusReason.ARCHIVE_NESTING_LEVEL_OVER_LIMIT));
    assertThat(sink.lineOf("at level 10")).isPresent();
    assertThat(sink.lineOf("at level 11")).isEmpty();
    assertThat(sink.lineOf("deep")).isEmpty();
    assertThat(sink.openEmbedded()).isZero();

    ExtractionOutcome bare = extract("bare.zip", nested(12, false));
    assertThat(bare.status()).isEqualTo(skipped(StatusReason.ARCHIVE_NESTING_LEVEL_OVER_LIMIT));
    assertThat(bare.sizeClassified()).isZero();

    assertThat(extract("ten.zip", nested(10, false)).status())
        .isEqualTo(ClassificationStatus.COMPLETE);
  }

  @Test
  void truncatedAndCorruptPdfsAreMalformed() {
    byte[] pdf = DocumentSamples.pdf(List.of(List.of("page one " + SSN), List.of("page two")));
    byte[] truncated = Arrays.copyOf(pdf, pdf.length / 3);
    ExtractionOutcome cut = extract("cut.pdf", truncated);
    assertThat(cut.status().reason()).isEqualTo(StatusReason.MALFORMED_FILE);
    assertThat(cut.mimeType()).isEqualTo("application/pdf");

    byte[] corrupt = new byte[20_000];
    new Random(7).nextBytes(corrupt);
    byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, corrupt, 0, header.length);
    assertThat(extract("corrupt.pdf", corrupt).status())
        .isEqualTo(skipped(StatusReason.MALFORMED_FILE));
  }

  @Test
  void corruptOfficeFilesGetMaciesOfficeReason() {
    byte[] docx = DocumentSamples.docx("t", List.of(SSN));
    assertThat(extract("cut.docx", Arrays.copyOf(docx, docx.length / 2)).status())
        .isEqualTo(skipped(StatusReason.MALFORMED_OR_FILE_SIZE_EXCEEDS_LIMIT));
    byte[] xls =
        DocumentSamples.xls(
            Map.of(
                "S", io.trawl.extraction.samples.SampleTable.of(List.of("a"), new String[] {SSN})));
    assertThat(extract("cut.xls", Arrays.copyOf(xls, 1200)).status())
        .isEqualTo(skipped(StatusReason.MALFORMED_OR_FILE_SIZE_EXCEEDS_LIMIT));
  }

  @Test
  void encryptedDocxIsUnableToParse() {
    byte[] docx = DocumentSamples.encryptedDocx("Secret", List.of(SSN), "hunter2");
    ExtractionOutcome outcome = extract("secret.docx", docx);
    assertThat(outcome.status()).isEqualTo(skipped(StatusReason.UNABLE_TO_PARSE_FILE));
  }

  @Test
  void encryptedZipIsUnableToParseAndInsideAnotherArchiveIsAnUnprocessedFile() {
    byte[] encrypted =
        ArchiveSamples.encryptedZip(
            Map.of("a.txt", TextSamples.text(List.of(SSN)), "b.txt", "x".getBytes()), "pw");
    assertThat(extract("enc.zip", encrypted).status())
        .isEqualTo(skipped(StatusReason.UNABLE_TO_PARSE_FILE));

    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("readme.txt", TextSamples.text(List.of("hello")));
    entries.put("vault/enc.zip", encrypted);
    ExtractionOutcome outer = extract("outer.zip", ArchiveSamples.zip(entries));
    assertThat(outer.status()).isEqualTo(partial(StatusReason.ARCHIVE_CONTAINS_UNPROCESSED_FILES));
    assertThat(outer.unprocessedFiles()).containsExactly("vault/enc.zip: UNABLE_TO_PARSE_FILE");
  }

  @Test
  void unsupportedEntriesAreListed() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("photo.png", png());
    entries.put("notes.txt", TextSamples.text(List.of(SSN)));
    entries.put("blob.txt", binary());
    RecordingSink sink = new RecordingSink();
    ExtractionOutcome outcome =
        EXTRACTOR.extract(Objects.of("mixed.zip", ArchiveSamples.zip(entries)), sink);
    assertThat(outcome.status())
        .isEqualTo(partial(StatusReason.ARCHIVE_CONTAINS_UNPROCESSED_FILES));
    assertThat(outcome.unprocessedFiles())
        .containsExactly(
            "photo.png: UNSUPPORTED_FILE_TYPE_EXCEPTION",
            "blob.txt: UNSUPPORTED_FILE_TYPE_EXCEPTION");
    assertThat(sink.lineOf(SSN).orElseThrow().embeddedPath()).isEqualTo("notes.txt");
  }

  @Test
  void emailAttachmentsAreExtractedByTheirOwnTypeAndUnsupportedOnesListed() {
    Map<String, byte[]> attachments = new LinkedHashMap<>();
    attachments.put("scan.png", png());
    attachments.put(
        "records.zip", ArchiveSamples.zip(Map.of("inner/ssn.txt", TextSamples.text(List.of(SSN)))));
    byte[] eml =
        io.trawl.extraction.samples.EmailSamples.eml(
            "a@example.com", "b@example.com", "Files", List.of("see attached"), attachments);
    RecordingSink sink = new RecordingSink();
    ExtractionOutcome outcome = EXTRACTOR.extract(Objects.of("m.eml", eml), sink);
    assertThat(outcome.status())
        .isEqualTo(partial(StatusReason.ARCHIVE_CONTAINS_UNPROCESSED_FILES));
    assertThat(outcome.unprocessedFiles())
        .containsExactly("scan.png: UNSUPPORTED_FILE_TYPE_EXCEPTION");
    assertThat(sink.lineOf(SSN).orElseThrow().embeddedPath())
        .isEqualTo("records.zip/inner/ssn.txt");
    assertThat(sink.openEmbedded()).isZero();
  }

  @Test
  void aClosedSinkRefusesLateWritesFromAnAbandonedParse() {
    RecordingSink delegate = new RecordingSink();
    GuardedSink guarded = new GuardedSink(delegate, new Deadline(Duration.ofMinutes(1)));
    guarded.text("before", 1);
    guarded.close();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> guarded.text("after", 2))
        .isInstanceOf(ExtractionStop.class);
    assertThat(delegate.events).extracting(RecordingSink.Event::value).containsExactly("before");
    assertThat(guarded.delivered()).isTrue();
  }

  @Test
  void invalidUtf8FallsBackToLatin1WithoutLosingCharacters() {
    byte[] latin1 = "caf\u00e9 ssn 123-45-6789\n".getBytes(StandardCharsets.ISO_8859_1);
    RecordingSink sink = new RecordingSink();
    ExtractionOutcome outcome = EXTRACTOR.extract(Objects.of("l.txt", latin1), sink);
    assertThat(outcome.status()).isEqualTo(ClassificationStatus.COMPLETE);
    assertThat(sink.lineOf("caf\u00e9 ssn " + SSN)).isPresent();

    // Valid UTF-8 for the whole sniffed sample, then one stray Latin-1 byte further on.
    ByteArrayOutputStream mixed = new ByteArrayOutputStream();
    byte[] line = "na\u00efve line\n".getBytes(StandardCharsets.UTF_8);
    while (mixed.size() < 100_000) {
      mixed.writeBytes(line);
    }
    mixed.writeBytes("Jos\u00e9 ".getBytes(StandardCharsets.ISO_8859_1));
    mixed.writeBytes((SSN + "\n").getBytes(StandardCharsets.UTF_8));
    RecordingSink mixedSink = new RecordingSink();
    assertThat(EXTRACTOR.extract(Objects.of("m.txt", mixed.toByteArray()), mixedSink).status())
        .isEqualTo(ClassificationStatus.COMPLETE);
    assertThat(mixedSink.lineOf("Jos\u00e9 " + SSN)).isPresent();
    assertThat(mixedSink.allText()).doesNotContain("\ufffd");
  }

  @Test
  void utf16WithBomAndUtf8WithBom() {
    for (var charset :
        List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.UTF_8)) {
      byte[] bom =
          charset == StandardCharsets.UTF_8
              ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
              : charset == StandardCharsets.UTF_16BE
                  ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                  : new byte[] {(byte) 0xFF, (byte) 0xFE};
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(bom);
      out.writeBytes(("first\nssn " + SSN + "\n").getBytes(charset));
      RecordingSink sink = new RecordingSink();
      assertThat(EXTRACTOR.extract(Objects.of("u.txt", out.toByteArray()), sink).status())
          .isEqualTo(ClassificationStatus.COMPLETE);
      assertThat(sink.lineOf("ssn " + SSN))
          .as(charset.name())
          .hasValue(new RecordingSink.LinePosition(2, 1, null));
    }
  }

  /** 50 MB on one line, produced on the fly: never held in memory by the test or the extractor. */
  @Test
  void fiftyMegabyteSingleLineIsStreamedInBoundedBlocks() {
    long size = 50_000_000L;
    String needle = "AKIAIOSFODNN7EXAMPLE";
    long needleAt = 12_345_678L;
    InputStream generated =
        new InputStream() {
          long pos;

          @Override
          public int read() {
            if (pos >= size) {
              return -1;
            }
            long i = pos++;
            if (i >= needleAt && i < needleAt + needle.length()) {
              return needle.charAt((int) (i - needleAt));
            }
            return i == size - 1 ? '\n' : 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
              int c = read();
              if (c < 0) {
                break;
              }
              b[off + n++] = (byte) c;
            }
            return n == 0 && len > 0 ? -1 : n;
          }
        };
    long[] chars = {0};
    int[] maxBlock = {0};
    long[] lines = {Long.MAX_VALUE, 0};
    boolean[] found = {false};
    ContentSinkAdapter sink =
        new ContentSinkAdapter() {
          @Override
          public void text(CharSequence block, long firstLine) {
            chars[0] += block.length();
            maxBlock[0] = Math.max(maxBlock[0], block.length());
            lines[0] = Math.min(lines[0], firstLine);
            lines[1] = Math.max(lines[1], firstLine);
            found[0] |= block.toString().contains(needle);
          }
        };
    ExtractionOutcome outcome =
        EXTRACTOR.extract(new ObjectSource("one-line.txt", size, () -> generated), sink);
    assertThat(outcome.status()).isEqualTo(ClassificationStatus.COMPLETE);
    assertThat(outcome.sizeClassified()).isEqualTo(size);
    assertThat(chars[0]).isEqualTo(size - 1);
    assertThat(maxBlock[0]).isLessThanOrEqualTo(LineBlocks.BLOCK_CHARS);
    assertThat(lines).containsExactly(1L, 1L);
    assertThat(found[0]).isTrue();
  }

  @Test
  void binaryFileNamedTxtIsUnsupported() {
    ExtractionOutcome outcome = extract("notes.txt", binary());
    assertThat(outcome.status()).isEqualTo(skipped(StatusReason.UNSUPPORTED_FILE_TYPE_EXCEPTION));
  }

  @Test
  void imagesAreSkippedWithoutReading() {
    ObjectSource neverOpened =
        new ObjectSource(
            "photos/cat.jpg",
            1000,
            () -> {
              throw new AssertionError("an image must not be read");
            });
    ExtractionOutcome outcome = extract(EXTRACTOR, neverOpened);
    assertThat(outcome.status()).isEqualTo(skipped(StatusReason.UNSUPPORTED_FILE_TYPE_EXCEPTION));
    assertThat(outcome.mimeType()).isEqualTo("image/jpeg");
    // An image without an image extension is recognised from its content.
    assertThat(extract("upload.bin", png()).status())
        .isEqualTo(skipped(StatusReason.UNSUPPORTED_FILE_TYPE_EXCEPTION));
  }

  @Test
  void emptyObjectIsCompleteWithNothingClassified() {
    ExtractionOutcome outcome = extract("empty.csv", new byte[0]);
    assertThat(outcome.status()).isEqualTo(ClassificationStatus.COMPLETE);
    assertThat(outcome.sizeClassified()).isZero();
  }

  @Test
  void csvWithOneHundredThousandColumns() {
    StringBuilder csv = new StringBuilder();
    for (int c = 1; c <= 100_000; c++) {
      csv.append(c > 1 ? "," : "").append("c").append(c);
    }
    csv.append('\n');
    for (int c = 1; c <= 100_000; c++) {
      csv.append(c > 1 ? "," : "").append(c == 99_999 ? SSN : "v" + c);
    }
    csv.append('\n');
    RecordingSink sink = new RecordingSink();
    ExtractionOutcome outcome =
        EXTRACTOR.extract(
            Objects.of("wide.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), sink);
    assertThat(outcome.status()).isEqualTo(ClassificationStatus.COMPLETE);
    assertThat(sink.find("cell", SSN).orElseThrow())
        .extracting(e -> e.row(), e -> e.column(), e -> e.columnName())
        .containsExactly(2L, 99_999L, "c99999");
  }

  @Test
  void jsonNestedThreeHundredLevelsIsOverTheNestingLimit() {
    String deep = "[".repeat(300) + "\"" + SSN + "\"" + "]".repeat(300);
    assertThat(extract("deep.json", deep.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(skipped(StatusReason.JSON_NESTING_LEVEL_OVER_LIMIT));
    String objects = "{\"a\":".repeat(300) + "1" + "}".repeat(300);
    assertThat(extract("deep.jsonl", (objects + "\n").getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(skipped(StatusReason.JSON_NESTING_LEVEL_OVER_LIMIT));
    String ok = "[".repeat(256) + "1" + "]".repeat(256);
    assertThat(extract("ok.json", ok.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(ClassificationStatus.COMPLETE);
  }

  @Test
  void jsonLinesWithCrlfAndAnOverlongLine() {
    StringBuilder jsonl = new StringBuilder("{\"a\":\"1\"}\r\n");
    jsonl.append("x".repeat(JsonExtractor.MAX_LINE_CHARS + 10)).append("\r\n");
    jsonl.append("{\"ssn\":\"").append(SSN).append("\"}\r\n");
    long[] textChars = {0};
    long[] ssnIndex = {-1};
    ContentSinkAdapter sink =
        new ContentSinkAdapter() {
          @Override
          public void text(CharSequence block, long firstLine) {
            assertThat(firstLine).isEqualTo(2L);
            textChars[0] += block.length();
          }

          @Override
          public void record(
              CharSequence value, long recordIndex, String jsonPath, List<String> names) {
            if (value.toString().equals(SSN)) {
              ssnIndex[0] = recordIndex;
            }
          }
        };
    ExtractionOutcome outcome =
        EXTRACTOR.extract(
            Objects.of("long.jsonl", jsonl.toString().getBytes(StandardCharsets.UTF_8)), sink);
    assertThat(outcome.status()).isEqualTo(ClassificationStatus.COMPLETE);
    assertThat(textChars[0]).isEqualTo(JsonExtractor.MAX_LINE_CHARS + 10L);
    assertThat(ssnIndex[0]).isEqualTo(2L);
  }

  @Test
  void largeJsonBrokenMidwayKeepsWhatWasFound() {
    StringBuilder json = new StringBuilder("{\"ssn\": \"" + SSN + "\", \"rows\": [");
    while (json.length() < JsonExtractor.VALIDATE_BYTES + 1_000_000) {
      json.append("{\"note\": \"filler text for a large document\"},");
    }
    json.append("{\"broken\": ");
    RecordingSink sink = new RecordingSink();
    ExtractionOutcome outcome =
        EXTRACTOR.extract(
            Objects.of("big.json", json.toString().getBytes(StandardCharsets.UTF_8)), sink);
    assertThat(outcome.status()).isEqualTo(partial(StatusReason.UNABLE_TO_PARSE_FILE));
    assertThat(sink.find("record", SSN).orElseThrow().jsonPath()).isEqualTo("$.ssn");
  }

  @Test
  void ooxmlZipBombsAreCaughtBeforePoiInflatesThem() {
    byte[] docx = DocumentSamples.docx("t", List.of(SSN));
    // The same package plus a 20 MB part of spaces: a compression ratio near 1000.
    byte[] bomb = withExtraPart(docx, "word/padding.xml", " ".repeat(20_000_000).getBytes());
    assertThat(extract("bomb.docx", bomb).status())
        .isEqualTo(skipped(StatusReason.OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT));
    try (ContentExtractor small =
        new ContentExtractor(ExtractionLimits.defaults().withOoxmlUncompressedBytes(500))) {
      assertThat(extract(small, Objects.of("big.docx", docx)).status())
          .isEqualTo(skipped(StatusReason.OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT));
    }
  }

  @Test
  void oversizeObjectsAreSkippedBeforeReading() {
    ObjectSource.Opener unopenable =
        () -> {
          throw new AssertionError("must not be opened");
        };
    assertThat(
            extract(EXTRACTOR, new ObjectSource("huge.txt", 30_000_000_000L, unopenable)).status())
        .isEqualTo(skipped(StatusReason.FILE_EXCEEDS_SIZE_LIMIT));
    assertThat(
            extract(EXTRACTOR, new ObjectSource("huge.zip", 9_000_000_000L, unopenable)).status())
        .isEqualTo(skipped(StatusReason.ARCHIVE_EXCEEDS_SIZE_LIMIT));
    try (ContentExtractor small =
        new ContentExtractor(ExtractionLimits.defaults().withMaxTextBytes(1000))) {
      // Size unknown up front: the limit is enforced while reading.
      ExtractionOutcome outcome =
          extract(
              small,
              Objects.unsized(
                  "big.log", TextSamples.text(java.util.Collections.nCopies(500, "line"))));
      assertThat(outcome.status()).isEqualTo(skipped(StatusReason.FILE_EXCEEDS_SIZE_LIMIT));
    }
  }

  @Test
  void timeBudgetEndsAnEndlessStreamWithTimeCutOff() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'y';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) '\n');
            b[off] = 'y';
            return len;
          }
        };
    try (ContentExtractor quick =
        new ContentExtractor(ExtractionLimits.defaults().withTimeBudget(Duration.ofMillis(300)))) {
      ExtractionOutcome outcome =
          extract(quick, new ObjectSource("endless.log", -1, () -> endless));
      assertThat(outcome.status().reason()).isEqualTo(StatusReason.TIME_CUT_OFF_REACHED);
    }
  }

  @Test
  void watchdogAbandonsAParseThatNeverReturns() {
    Watchdog watchdog = new Watchdog();
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  watchdog.run(
                      () -> {
                        while (true) {
                          Thread.onSpinWait(); // ignores interrupts, like a stuck parser
                        }
                      },
                      new Deadline(Duration.ofMillis(200))))
          .isInstanceOf(ExtractionStop.class)
          .hasMessageContaining("TIME_CUT_OFF_REACHED");
      // A fresh worker runs the next parse.
      org.assertj.core.api.Assertions.assertThatCode(
              () -> watchdog.run(() -> null, new Deadline(Duration.ofSeconds(30))))
          .doesNotThrowAnyException();
    } finally {
      watchdog.close();
    }
  }

  @Test
  void storageFailuresBecomeTheirReasons() {
    ExtractionOutcome denied =
        extract(
            EXTRACTOR,
            new ObjectSource(
                "a.txt",
                10,
                () -> {
                  throw new AccessDeniedException("s3a://b/a.txt");
                }));
    assertThat(denied.status()).isEqualTo(skipped(StatusReason.PERMISSION_DENIED));
    InputStream vanishing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("NoSuchKey: The specified key does not exist");
          }
        };
    assertThat(extract(EXTRACTOR, new ObjectSource("b.txt", 10, () -> vanishing)).status())
        .isEqualTo(skipped(StatusReason.SOURCE_OBJECT_NO_LONGER_AVAILABLE));
  }

  static byte[] png() {
    byte[] png = new byte[64];
    byte[] magic = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    System.arraycopy(magic, 0, png, 0, magic.length);
    return png;
  }

  static byte[] binary() {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    bytes[10] = 0;
    return bytes;
  }

  /** Copies a zip package and adds a stored-then-deflated extra part. */
  static byte[] withExtraPart(byte[] zip, String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zos = new ZipOutputStream(out);
        java.util.zip.ZipInputStream zis =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = zis.getNextEntry()) != null) {
        zos.putNextEntry(new ZipEntry(e.getName()));
        zis.transferTo(zos);
        zos.closeEntry();
      }
      zos.putNextEntry(new ZipEntry(name));
      zos.write(content);
      zos.closeEntry();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
