package io.trawl.detection;

import java.io.Serializable;
import java.util.List;

/**
 * A Macie allow list: either a set of text entries (exact, case-insensitive, complete match) or a
 * regex (complete match). STUB: issue 3 completes it.
 *
 * @param id the ID jobs refer to ({@code allowListIds}); defaults to the name
 * @param name the list's name
 * @param regex the pattern, or null for a text list
 * @param words the entries of a text list, or empty for a regex list
 */
public record AllowList(String id, String name, String regex, List<String> words)
    implements Serializable {

  /**
   * Parses Macie JSON: a {@code CreateAllowList} request or {@code GetAllowList} response, or an
   * array. {@code criteria.regex} or {@code criteria.s3WordsList {bucketName, objectKey}}; the
   * words of an s3WordsList are read by the caller through {@code wordsReader} as the file's lines.
   * Trawl also accepts {@code criteria.words: [...]} inline.
   */
  public static List<AllowList> fromJson(String source, String json, WordsReader wordsReader) {
    throw new UnsupportedOperationException("issue 3");
  }

  /** Reads the line-delimited words file of an {@code s3WordsList}. */
  @FunctionalInterface
  public interface WordsReader {
    List<String> read(String bucketName, String objectKey) throws java.io.IOException;
  }

  /** True if {@code text} is suppressed by this list. */
  public boolean allows(String text) {
    throw new UnsupportedOperationException("issue 3");
  }
}
