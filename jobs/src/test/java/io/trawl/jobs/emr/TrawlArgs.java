package io.trawl.jobs.emr;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.jobs.cli.TrawlCli;
import io.trawl.jobs.testing.SparkConfKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * Checks trawl command lines found in deployment files against the CLI's picocli model (parse only,
 * nothing runs). Subcommands other branches are still writing (score, export, ...) are skipped and
 * listed, so the files can name them before they land.
 */
final class TrawlArgs {
  /** Subcommands a deployment file may name before they exist on this branch. */
  static final Set<String> PENDING = Set.of("score", "export", "plan", "discover", "access");

  private final Set<String> skipped = new TreeSet<>();
  private final List<String> checked = new ArrayList<>();

  /**
   * Parses {@code args} (subcommand first) as {@code trawl} would; {@code where} names the file.
   */
  void check(String where, List<String> args) {
    assertThat(args).as("%s: trawl arguments", where).isNotEmpty();
    String sub = args.get(0);
    CommandLine cli = new CommandLine(new TrawlCli());
    if (!cli.getSubcommands().containsKey(sub)) {
      assertThat(PENDING).as("%s: unknown subcommand %s", where, sub).contains(sub);
      skipped.add(sub + " (" + where + ")");
      return;
    }
    try {
      cli.parseArgs(args.toArray(new String[0]));
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError(where + ": trawl " + String.join(" ", args) + ": " + e.getMessage());
    }
    checked.add(sub + " (" + where + ")");
  }

  /**
   * Checks a spark-submit command line: every {@code --conf} key is known, the {@code --class} is
   * Trawl's CLI, and what follows the application jar parses as trawl arguments.
   */
  void checkSparkSubmit(String where, List<String> argv) {
    int i = argv.indexOf("spark-submit") + 1;
    String mainClass = null;
    while (i < argv.size() && argv.get(i).startsWith("--")) {
      String opt = argv.get(i);
      String val = argv.get(i + 1);
      if (opt.equals("--class")) {
        mainClass = val;
      } else if (opt.equals("--conf")) {
        SparkConfKeys.assertKnownSetting(where, val.substring(0, val.indexOf('=')), val);
      }
      i += 2;
    }
    assertThat(mainClass).as("%s: --class", where).isEqualTo(TrawlCli.class.getName());
    SparkConfKeys.assertClassExists(where, mainClass);
    assertThat(argv.get(i)).as("%s: application jar", where).endsWith(".jar");
    check(where, argv.subList(i + 1, argv.size()));
  }

  /** Prints what was checked and what was skipped, for the test log. */
  void report(String what) {
    System.out.println(what + ": checked against TrawlCli: " + checked);
    System.out.println(
        what
            + ": skipped (subcommand not on this branch yet): "
            + (skipped.isEmpty() ? "none" : skipped));
  }

  List<String> checked() {
    return checked;
  }

  Set<String> skipped() {
    return skipped;
  }

  /** The repository root (surefire runs in the module folder). */
  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("emr-configs"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          "no emr-configs folder above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
