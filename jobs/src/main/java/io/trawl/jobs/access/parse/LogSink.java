package io.trawl.jobs.access.parse;

/** Receives what a parser makes of a file: events, rejected records, and ignored records. */
public interface LogSink {
  /** A parsed S3 request. */
  void event(AccessEvent event);

  /** A line or record that could not be parsed. */
  void rejected(RejectedRecord rejected);

  /**
   * A well-formed record that is out of scope (a CloudTrail event of another service); counted, not
   * kept.
   */
  void ignored();
}
