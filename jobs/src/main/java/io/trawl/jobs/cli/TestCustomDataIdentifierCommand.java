package io.trawl.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.TrawlErrors;
import io.trawl.detection.CustomDataIdentifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trawl test-custom-data-identifier}: Macie's TestCustomDataIdentifier. Takes the request
 * body as JSON ({@code regex, keywords, ignoreWords, maximumMatchDistance, sampleText}) or options,
 * and prints {@code {"matchCount": N}}.
 */
@Command(
    name = "test-custom-data-identifier",
    mixinStandardHelpOptions = true,
    description =
        "Test a custom data identifier on sample text (like Macie's TestCustomDataIdentifier).")
final class TestCustomDataIdentifierCommand implements Callable<Integer> {
  /** Macie's limit on sampleText. */
  static final int MAX_SAMPLE_CHARS = 1000;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "TestCustomDataIdentifier request body.")
  Path json;

  @Option(names = "--regex", description = "The regular expression.")
  String regex;

  @Option(names = "--keywords", split = ",", description = "Comma-separated keywords.")
  List<String> keywords = new ArrayList<>();

  @Option(names = "--ignore-words", split = ",", description = "Comma-separated ignore words.")
  List<String> ignoreWords = new ArrayList<>();

  @Option(names = "--maximum-match-distance", description = "1-300 (default 50).")
  Integer maximumMatchDistance;

  @Option(names = "--sample-text", description = "Text to test (at most 1,000 characters).")
  String sampleText;

  @Override
  public Integer call() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode body;
    String source;
    if (json != null) {
      source = json.toString();
      try {
        body = (ObjectNode) mapper.readTree(Files.readString(json, StandardCharsets.UTF_8));
      } catch (IOException | ClassCastException e) {
        throw TrawlErrors.invalidJson(source, "not a TestCustomDataIdentifier request object", e);
      }
    } else {
      source = "command line";
      if (regex == null || sampleText == null) {
        throw TrawlErrors.invalidArgument("give --json FILE, or --regex and --sample-text");
      }
      body = mapper.createObjectNode();
      body.put("regex", regex);
      ArrayNode k = body.putArray("keywords");
      keywords.forEach(k::add);
      ArrayNode i = body.putArray("ignoreWords");
      ignoreWords.forEach(i::add);
      if (maximumMatchDistance != null) {
        body.put("maximumMatchDistance", maximumMatchDistance);
      }
      body.put("sampleText", sampleText);
    }
    String sample = body.path("sampleText").asText(null);
    if (sample == null) {
      throw TrawlErrors.invalidJson(source, "'sampleText' is required", null);
    }
    if (sample.length() > MAX_SAMPLE_CHARS) {
      throw TrawlErrors.invalidArgument(
          "sampleText has %d characters; Macie's TestCustomDataIdentifier takes at most %d",
          sample.length(), MAX_SAMPLE_CHARS);
    }
    body.remove("sampleText");
    body.put("name", "test-custom-data-identifier");
    CustomDataIdentifier cdi = CustomDataIdentifier.fromJson(source, body.toString()).get(0);
    long count = cdi.test(sample);
    spec.commandLine().getOut().println("{\"matchCount\":" + count + "}");
    return 0;
  }
}
