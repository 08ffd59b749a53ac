package io.trawl.jobs.cli;

import io.trawl.TrawlErrors;
import io.trawl.jobs.classify.JobInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import picocli.CommandLine.Option;

/**
 * Options of every command that runs a classification ({@code classify}, {@code discover}): where
 * findings say they come from, the keyed-hash secret and the task count. One mixin, so the two
 * commands cannot drift apart.
 */
final class ClassificationRunOptions {
  @Option(
      names = "--account-id",
      defaultValue = "000000000000",
      description = "Account of listed buckets and findings (default: ${DEFAULT-VALUE}).")
  String accountId;

  @Option(
      names = "--region",
      defaultValue = "us-east-1",
      description = "Region written in findings and ARNs (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--hash-key-file",
      paramLabel = "PATH",
      description =
          "Secret for the keyed hash of matched values (default: env TRAWL_HASH_KEY, else <home>/hash.key, created once).")
  String hashKeyFile;

  @Option(
      names = "--partitions",
      defaultValue = "0",
      description = "Classification tasks (default: from the object count).")
  int partitions;

  /** The keyed-hash secret: a file, the environment, or one generated once under --home. */
  String hashKey(CommonOptions common) {
    try {
      if (hashKeyFile != null) {
        return JobInputs.readText(hashKeyFile, common.hadoopConf()).strip();
      }
      String env = System.getenv("TRAWL_HASH_KEY");
      if (env != null && !env.isBlank()) {
        return env.strip();
      }
      Path local = common.home.toAbsolutePath().resolve("hash.key");
      if (!Files.exists(local)) {
        Files.createDirectories(local.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(local, HexFormat.of().formatHex(key), StandardCharsets.UTF_8);
      }
      return Files.readString(local, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw TrawlErrors.invalidArgument("cannot read or create the hash key: %s", e.getMessage());
    }
  }
}
