package io.trawl.jobs.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, for tests of generated pages: {@link #dumpDom} returns the DOM after
 * the page's scripts ran, {@link #screenshot} writes a PNG. Every start gets a fresh profile and
 * the flags that keep Chromium off the (closed) network. {@code .ci/run} installs the {@code
 * chromium} package when it is missing; {@code TRAWL_CHROMIUM} names another binary.
 */
public final class HeadlessChromium {
  /** A guard against a hung browser, not a timing assertion. */
  private static final long GIVE_UP_SECONDS = 120;

  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /** The browser, or an IllegalStateException saying how to install it. */
  public static HeadlessChromium find() {
    List<String> candidates = new ArrayList<>();
    String env = System.getenv("TRAWL_CHROMIUM");
    if (env != null && !env.isBlank()) {
      candidates.add(env);
    }
    candidates.addAll(
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isExecutable(p)) {
        return new HeadlessChromium(p);
      }
    }
    throw new IllegalStateException(
        "no Chromium found (tried "
            + candidates
            + "): apt-get install -y chromium (.ci/run does this), or set TRAWL_CHROMIUM");
  }

  /** The serialized DOM of {@code page} after its inline scripts ran. */
  public String dumpDom(Path page) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", page.toUri().toString()));
  }

  /** Renders {@code page} at {@code width} x {@code height} CSS pixels into {@code png}. */
  public Path screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    run(
        List.of(
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=" + width + "," + height,
            "--hide-scrollbars",
            page.toUri().toString()));
    if (!Files.isRegularFile(png)) {
      throw new IllegalStateException("Chromium wrote no screenshot to " + png);
    }
    return png;
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("trawl-chromium-");
    Path stderr = profile.resolveSibling(profile.getFileName() + ".stderr");
    Path stdout = profile.resolveSibling(profile.getFileName() + ".stdout");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
    cmd.addAll(args);
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!p.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("Chromium did not exit within " + GIVE_UP_SECONDS + " s");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "Chromium exited with "
              + p.exitValue()
              + ": "
              + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    deleteTree(profile);
    Files.deleteIfExists(stderr);
    Files.deleteIfExists(stdout);
    return out;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
