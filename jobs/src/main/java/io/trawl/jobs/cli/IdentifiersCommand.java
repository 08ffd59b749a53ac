package io.trawl.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.detection.ManagedDataIdentifiers;
import io.trawl.detection.ManagedIdentifierSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trawl identifiers}: Macie's ListManagedDataIdentifiers, plus Trawl's extensions. */
@Command(
    name = "identifiers",
    mixinStandardHelpOptions = true,
    description = "List the managed data identifiers (like Macie's ListManagedDataIdentifiers).")
final class IdentifiersCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--json",
      description = "Print Macie's response shape: {\"items\": [{id, category}]}.")
  boolean json;

  @Option(names = "--recommended", description = "Only the RECOMMENDED set.")
  boolean recommendedOnly;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    var all = ManagedDataIdentifiers.load().list();
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode root = mapper.createObjectNode();
      ArrayNode items = root.putArray("items");
      for (ManagedIdentifierSummary s : all) {
        if (recommendedOnly && !s.recommended()) {
          continue;
        }
        items.addObject().put("id", s.id()).put("category", s.category().name());
      }
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      return 0;
    }
    out.printf("%-52s %-22s %-11s %s%n", "ID", "CATEGORY", "RECOMMENDED", "SOURCE");
    int n = 0;
    for (ManagedIdentifierSummary s : all) {
      if (recommendedOnly && !s.recommended()) {
        continue;
      }
      out.printf(
          "%-52s %-22s %-11s %s%n",
          s.id(),
          s.category(),
          s.recommended() ? "yes" : "",
          s.trawlExtension() ? "trawl" : "macie");
      n++;
    }
    out.printf("%d identifiers%n", n);
    return 0;
  }
}
