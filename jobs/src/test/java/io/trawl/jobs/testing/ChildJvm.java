package io.trawl.jobs.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a class's {@code main} in a separate JVM with this test JVM's classpath and module flags
 * (Spark's {@code --add-opens}), output to a file. For tests that must kill a driver, or measure a
 * JVM's memory on its own.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The full test classpath (Surefire hides it behind a manifest-only jar otherwise). */
  public static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
  }

  /**
   * Starts {@code mainClass} with {@code args}.
   *
   * @param jvmArgs extra JVM options (e.g. {@code -Xmx512m})
   * @param log file receiving stdout and stderr
   */
  public static Process start(String mainClass, List<String> jvmArgs, Path log, String... args)
      throws IOException {
    return start(mainClass, jvmArgs, java.util.Map.of(), log, args);
  }

  /** As {@link #start(String, List, Path, String...)}, with extra environment variables. */
  public static Process start(
      String mainClass,
      List<String> jvmArgs,
      java.util.Map<String, String> env,
      Path log,
      String... args)
      throws IOException {
    return start(List.of(), mainClass, jvmArgs, env, log, args);
  }

  /**
   * As {@link #start(String, List, java.util.Map, Path, String...)}, with a command {@code prefix}
   * before {@code java} (e.g. {@code taskset -c 0} to pin the JVM and its children to CPUs).
   */
  public static Process start(
      List<String> prefix,
      String mainClass,
      List<String> jvmArgs,
      java.util.Map<String, String> env,
      Path log,
      String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // Keep the module and system settings Spark needs; not agents, debuggers or heap sizes.
      if (a.startsWith("--add-opens")
          || a.startsWith("--add-exports")
          || a.startsWith("-Djdk.reflect")
          || a.startsWith("-Duser.timezone")
          || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")) {
        cmd.add(a);
      }
    }
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    pb.environment().put("TZ", "UTC");
    pb.environment().putAll(env);
    return pb.start();
  }
}
