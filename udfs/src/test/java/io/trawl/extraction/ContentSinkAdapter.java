package io.trawl.extraction;

import io.trawl.detection.ContentSink;
import java.util.List;

/** A sink that ignores everything; tests override what they look at. */
class ContentSinkAdapter implements ContentSink {
  @Override
  public void text(CharSequence block, long firstLine) {}

  @Override
  public void cell(
      CharSequence value, long row, long column, String columnName, String cellReference) {}

  @Override
  public void record(
      CharSequence value, long recordIndex, String jsonPath, List<String> pathElementNames) {}

  @Override
  public void page(CharSequence text, long pageNumber) {}

  @Override
  public void beginEmbedded(String path) {}

  @Override
  public void endEmbedded() {}
}
