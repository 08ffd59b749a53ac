package io.trawl.jobs.cli;

/** Entry point of {@code bin/trawl} and {@code spark-submit --class io.trawl.jobs.cli.TrawlCli}. */
public final class TrawlCli {
  private TrawlCli() {}

  public static void main(String[] args) {
    System.out.println("trawl: under construction");
  }
}
