package io.trawl.detection.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.Detection;
import io.trawl.detection.DetectionEngine;
import io.trawl.detection.EngineConfig;
import io.trawl.detection.ManagedDataIdentifier;
import io.trawl.detection.ManagedDataIdentifiers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of every shipped identifier on a seeded, labelled corpus ({@link
 * LabelledCorpus}), run through the real engine with every identifier selected at once. Prints the
 * table, writes it to {@code target/accuracy-report.md}, and asserts overall floors while naming
 * the worst identifiers.
 */
class AccuracyTest {
  private static final long SEED = 20240314L;
  private static final int PER_KIND = 12;

  /** Counts for one identifier. */
  static final class Score {
    int tp;
    int fn;
    int fp;
    final List<String> misses = new ArrayList<>();

    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }
  }

  @Test
  void fillerHasNoKeywordOfAnyKeywordRequiredIdentifier() {
    ManagedDataIdentifiers catalog = ManagedDataIdentifiers.load();
    for (String sentence : LabelledCorpus.FILLER) {
      String s = " " + sentence.toLowerCase(Locale.ROOT) + " ";
      for (ManagedDataIdentifier d : catalog.definitions()) {
        if (d.keywordRequired()) {
          for (String kw : d.keywords()) {
            assertThat(s)
                .as("%s keyword '%s' in filler", d.id(), kw)
                .doesNotContainPattern(
                    "[^\\p{L}]" + java.util.regex.Pattern.quote(kw) + "[^\\p{L}]");
          }
        }
      }
    }
  }

  @Test
  void precisionAndRecallPerIdentifier() throws IOException {
    ManagedDataIdentifiers catalog = ManagedDataIdentifiers.load();
    DetectionEngine engine =
        DetectionEngine.create(
            new EngineConfig(catalog.allIds(), List.of(), List.of(), "accuracy-key"), catalog);
    List<LabelledCorpus.Doc> docs = new LabelledCorpus(catalog, SEED).generate(PER_KIND);

    Map<String, Score> scores = new LinkedHashMap<>();
    for (String id : catalog.allIds()) {
      scores.put(id, new Score());
    }
    for (LabelledCorpus.Doc doc : docs) {
      Map<String, Long> found = new HashMap<>();
      for (Detection d : engine.detect(doc.text())) {
        found.merge(d.type(), d.count(), Long::sum);
      }
      if (doc.id() == null) {
        for (String type : found.keySet()) {
          Score s = scores.get(type);
          s.fp++;
          s.misses.add("FP shared decoy: " + doc.text().replace('\n', ' '));
        }
        continue;
      }
      Score s = scores.get(doc.id());
      boolean detected = found.getOrDefault(doc.id(), 0L) > 0;
      if (doc.expected() && detected) {
        s.tp++;
      } else if (doc.expected()) {
        s.fn++;
        s.misses.add("FN " + doc.kind() + ": " + doc.text().replace('\n', ' '));
      } else if (detected) {
        s.fp++;
        s.misses.add("FP " + doc.kind() + ": " + doc.text().replace('\n', ' '));
      }
    }

    int tp = 0;
    int fn = 0;
    int fp = 0;
    for (Score s : scores.values()) {
      tp += s.tp;
      fn += s.fn;
      fp += s.fp;
    }
    double precision = (double) tp / (tp + fp);
    double recall = (double) tp / (tp + fn);
    String report = report(scores, docs.size(), precision, recall);
    System.out.println(report);
    Path out = Path.of("target", "accuracy-report.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);

    List<String> worst =
        scores.entrySet().stream()
            .sorted(
                Comparator.comparingDouble(
                    e -> Math.min(e.getValue().precision(), e.getValue().recall())))
            .limit(5)
            .map(
                e ->
                    String.format(
                        Locale.ROOT,
                        "%s P=%.2f R=%.2f %s",
                        e.getKey(),
                        e.getValue().precision(),
                        e.getValue().recall(),
                        e.getValue().misses.stream().limit(2).toList()))
            .toList();
    assertThat(precision).as("overall precision; worst: %s", worst).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).as("overall recall; worst: %s", worst).isGreaterThanOrEqualTo(0.95);
    Set<String> below =
        scores.entrySet().stream()
            .filter(e -> e.getValue().precision() < 0.80 || e.getValue().recall() < 0.80)
            .map(Map.Entry::getKey)
            .collect(java.util.stream.Collectors.toSet());
    assertThat(below).as("identifiers below 0.80; worst: %s", worst).isEmpty();
  }

  private static String report(Map<String, Score> scores, int docs, double p, double r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Accuracy on the labelled corpus (seed %d, %d documents): precision %.3f, recall %.3f%n%n",
            SEED,
            docs,
            p,
            r));
    b.append("| Identifier | TP | FN | FP | Precision | Recall |\n");
    b.append("|---|---:|---:|---:|---:|---:|\n");
    scores.forEach(
        (id, s) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %.2f | %.2f |%n",
                    id,
                    s.tp,
                    s.fn,
                    s.fp,
                    s.precision(),
                    s.recall())));
    b.append("\nMisses (first 3 per identifier):\n");
    scores.forEach(
        (id, s) ->
            s.misses.stream()
                .limit(3)
                .forEach(
                    m ->
                        b.append("- ")
                            .append(id)
                            .append(": ")
                            .append(m.length() > 220 ? m.substring(0, 220) + "..." : m)
                            .append('\n')));
    return b.toString();
  }
}
