package io.trawl.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides a file's {@link FileKind} from its first bytes and its name: Tika's magic and glob
 * database for the media type, our own checks for text versus binary (Tika trusts a {@code .txt}
 * name over binary content) and for the container formats that decide the extraction route.
 */
final class TypeDetection {
  /** Bytes looked at; Tika's magic patterns need at most a few KB, text sniffing more. */
  static final int SAMPLE_BYTES = 64 * 1024;

  private static final Set<String> MEDIA_EXTENSIONS =
      Set.of(
          "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "heif", "ico", "psd",
          "raw", "cr2", "nef", "mp3", "wav", "flac", "aac", "ogg", "oga", "m4a", "wma", "aiff",
          "mp4", "m4v", "mov", "avi", "mkv", "wmv", "flv", "webm", "mpeg", "mpg", "3gp");
  private static final Set<String> WORD_EXT = Set.of("docx", "docm", "dotx", "dotm");
  private static final Set<String> EXCEL_EXT = Set.of("xlsx", "xlsm", "xltx", "xltm");
  private static final Set<String> POWERPOINT_EXT = Set.of("pptx", "pptm", "ppsx", "potx");

  /** A detected kind with the media type to report. */
  record Detected(FileKind kind, String mimeType, TextEncoding encoding) {}

  private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();

  /** The kind implied by an extension alone, or null; used before the object is opened. */
  static FileKind kindFromExtension(String ext) {
    if (MEDIA_EXTENSIONS.contains(ext)) {
      return FileKind.UNSUPPORTED;
    }
    if (WORD_EXT.contains(ext)) {
      return FileKind.WORD;
    }
    if (EXCEL_EXT.contains(ext)) {
      return FileKind.EXCEL;
    }
    if (POWERPOINT_EXT.contains(ext)) {
      return FileKind.POWERPOINT;
    }
    return switch (ext) {
      case "txt", "log", "md", "yaml", "yml", "xml", "html", "htm" -> FileKind.TEXT;
      case "csv" -> FileKind.CSV;
      case "tsv", "tab" -> FileKind.TSV;
      case "json" -> FileKind.JSON;
      case "jsonl", "ndjson" -> FileKind.JSON_LINES;
      case "parquet" -> FileKind.PARQUET;
      case "avro" -> FileKind.AVRO;
      case "pdf" -> FileKind.PDF;
      case "doc", "dot" -> FileKind.WORD_OLE2;
      case "xls", "xlt" -> FileKind.EXCEL_OLE2;
      case "ppt", "pps", "pot" -> FileKind.POWERPOINT_OLE2;
      case "eml" -> FileKind.EMAIL;
      case "zip" -> FileKind.ZIP;
      case "tar" -> FileKind.TAR;
      case "gz", "gzip", "tgz" -> FileKind.GZIP;
      default -> null;
    };
  }

  /** The media type Tika associates with a file name, for files never opened. */
  String mimeTypeOfName(String name) {
    try {
      Metadata metadata = new Metadata();
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
      return mimeTypes.detect(null, metadata).getBaseType().toString();
    } catch (IOException e) {
      return MediaType.OCTET_STREAM.toString();
    }
  }

  /** Detects the kind of a file from {@code sample[0..len)} and its name. */
  Detected detect(byte[] sample, int len, boolean truncated, String name) {
    String ext = extension(name);
    String tikaType = tikaType(sample, len, name);
    FileKind byExt = kindFromExtension(ext);
    if (startsWith(sample, len, 0, "PAR1")) {
      return new Detected(FileKind.PARQUET, FileKind.PARQUET.mimeType(), null);
    }
    if (startsWith(sample, len, 0, "Obj\u0001")) {
      return new Detected(FileKind.AVRO, FileKind.AVRO.mimeType(), null);
    }
    if (len >= 2 && (sample[0] & 0xFF) == 0x1F && (sample[1] & 0xFF) == 0x8B) {
      return new Detected(FileKind.GZIP, FileKind.GZIP.mimeType(), null);
    }
    if (startsWith(sample, len, 0, "PK\u0003\u0004")
        || startsWith(sample, len, 0, "PK\u0005\u0006")) {
      FileKind kind = zipKind(sample, len, byExt, tikaType);
      return new Detected(kind, kind == FileKind.ZIP ? "application/zip" : kind.mimeType(), null);
    }
    if (len >= 8
        && (sample[0] & 0xFF) == 0xD0
        && (sample[1] & 0xFF) == 0xCF
        && (sample[2] & 0xFF) == 0x11
        && (sample[3] & 0xFF) == 0xE0) {
      FileKind kind =
          byExt == FileKind.WORD_OLE2
                  || byExt == FileKind.EXCEL_OLE2
                  || byExt == FileKind.POWERPOINT_OLE2
              ? byExt
              : FileKind.OLE2;
      return new Detected(kind, kind.mimeType(), null);
    }
    if (startsWith(sample, len, 257, "ustar") || "application/x-tar".equals(tikaType)) {
      return new Detected(FileKind.TAR, FileKind.TAR.mimeType(), null);
    }
    if (indexOf(sample, Math.min(len, 1024), "%PDF-") >= 0) {
      return new Detected(FileKind.PDF, FileKind.PDF.mimeType(), null);
    }
    if (tikaType.startsWith("image/")
        || tikaType.startsWith("audio/")
        || tikaType.startsWith("video/")
        || byExt == FileKind.UNSUPPORTED) {
      return new Detected(FileKind.UNSUPPORTED, tikaType, null);
    }
    TextEncoding encoding = TextEncoding.sniff(sample, len, truncated);
    if (encoding == null) {
      // Binary content: whatever the name says (a .txt full of zero bytes is not text).
      String reported = tikaType.startsWith("text/") ? MediaType.OCTET_STREAM.toString() : tikaType;
      return new Detected(FileKind.UNSUPPORTED, reported, null);
    }
    FileKind textKind =
        byExt == FileKind.CSV
                || byExt == FileKind.TSV
                || byExt == FileKind.JSON
                || byExt == FileKind.JSON_LINES
                || byExt == FileKind.EMAIL
            ? byExt
            // Headers-first content is an email only when the name does not say text.
            : tikaType.equals("message/rfc822") && byExt == null ? FileKind.EMAIL : FileKind.TEXT;
    String mime =
        textKind == FileKind.TEXT
            ? (isTextual(tikaType) ? tikaType : "text/plain")
            : textKind.mimeType();
    return new Detected(textKind, mime, encoding);
  }

  private static FileKind zipKind(byte[] sample, int len, FileKind byExt, String tikaType) {
    if (byExt != null && byExt.isOoxml()) {
      return byExt;
    }
    if (tikaType.contains("wordprocessingml")) {
      return FileKind.WORD;
    }
    if (tikaType.contains("spreadsheetml")) {
      return FileKind.EXCEL;
    }
    if (tikaType.contains("presentationml")) {
      return FileKind.POWERPOINT;
    }
    // An Office file without its extension: its part names show in the local headers.
    if (indexOf(sample, len, "[Content_Types].xml") >= 0) {
      if (indexOf(sample, len, "word/") >= 0) {
        return FileKind.WORD;
      }
      if (indexOf(sample, len, "xl/") >= 0) {
        return FileKind.EXCEL;
      }
      if (indexOf(sample, len, "ppt/") >= 0) {
        return FileKind.POWERPOINT;
      }
    }
    return FileKind.ZIP;
  }

  private String tikaType(byte[] sample, int len, String name) {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    try {
      return mimeTypes
          .detect(new ByteArrayInputStream(sample, 0, len), metadata)
          .getBaseType()
          .toString();
    } catch (IOException | RuntimeException e) {
      return MediaType.OCTET_STREAM.toString();
    }
  }

  private static boolean isTextual(String type) {
    return type.startsWith("text/")
        || type.endsWith("+xml")
        || type.equals("application/xml")
        || type.equals("application/json")
        || type.equals("application/x-yaml")
        || type.equals("application/yaml")
        || type.equals("application/javascript")
        || type.equals("application/x-sh");
  }

  static String extension(String name) {
    if (name == null) {
      return "";
    }
    String last = name.substring(name.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot <= 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean startsWith(byte[] sample, int len, int offset, String ascii) {
    byte[] p = ascii.getBytes(StandardCharsets.ISO_8859_1);
    if (offset + p.length > len) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (sample[offset + i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] sample, int len, String ascii) {
    byte[] p = ascii.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i + p.length <= len; i++) {
      for (int k = 0; k < p.length; k++) {
        if (sample[i + k] != p[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
