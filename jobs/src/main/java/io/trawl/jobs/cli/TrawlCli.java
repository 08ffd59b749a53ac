package io.trawl.jobs.cli;

import io.trawl.TrawlException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/trawl} and of {@code spark-submit --class io.trawl.jobs.cli.TrawlCli
 * trawl-jobs.jar <subcommand>}. Exit codes: 0 success, 2 bad usage or argument, 3 bad JSON, 4 bad
 * custom data identifier, 5 unknown identifier, 6 unreadable estate, 7 catalog error, 8 job
 * failure, 1 anything unexpected.
 */
@Command(
    name = "trawl",
    mixinStandardHelpOptions = true,
    versionProvider = TrawlCli.Version.class,
    description = "Finds sensitive data in S3 estates the way Amazon Macie does, as Spark jobs.",
    subcommands = {
      DemoCommand.class,
      InventoryCommand.class,
      ClassifyCommand.class,
      SqlCommand.class,
      IdentifiersCommand.class,
      TestCustomDataIdentifierCommand.class,
      ReportCommand.class,
      PlanCommand.class,
      DiscoverCommand.class,
      ExportCommand.class,
      FindingsFilterCommand.class,
      ComplianceCommand.class,
      RemediateCommand.class,
      ScoreCommand.class,
      BucketSettingsCommand.class,
      AccessCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TrawlCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Runs the CLI and returns the exit code (tests call this instead of main). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new TrawlCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable t = ex;
          while (!(t instanceof TrawlException) && t.getCause() != null) {
            t = t.getCause();
          }
          if (t instanceof TrawlException te) {
            err.println("trawl: " + te.getMessage());
            err.flush();
            return te.code().exitCode();
          }
          err.println("trawl: unexpected error: " + ex);
          err.flush();
          return 1;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    System.exit(code);
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"trawl " + io.trawl.jobs.classify.TrawlVersion.VERSION};
    }
  }
}
