package io.trawl.jobs.classify;

/** The version written into job_runs. */
public final class TrawlVersion {
  public static final String VERSION = "0.1.0-SNAPSHOT";

  private TrawlVersion() {}
}
