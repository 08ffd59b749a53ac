package io.trawl.jmh;

import io.trawl.detection.DetectionEngine;
import io.trawl.detection.EngineConfig;
import io.trawl.detection.ManagedDataIdentifiers;
import io.trawl.detection.ObjectScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A quick diagnostic, not a benchmark: the time each identifier alone takes over a corpus, to find
 * the expensive ones. Usage: {@code java -cp ... io.trawl.jmh.PerIdentifierCost [corpus]}.
 */
public final class PerIdentifierCost {
  private PerIdentifierCost() {}

  public static void main(String[] args) {
    String corpusName = args.length > 0 ? args[0] : "SPARSE_TEXT_LOGS";
    ManagedDataIdentifiers catalog = BenchmarkCatalog.load();
    if (corpusName.equals("BUILD")) {
      // Time to compile an engine over every identifier (fresh each time, after warm-up).
      long best = Long.MAX_VALUE;
      for (int i = 0; i < 20; i++) {
        long t = System.nanoTime();
        DetectionEngine.create(
            new EngineConfig(catalog.allIds(), List.of(), List.of(), "k"), catalog);
        best = Math.min(best, System.nanoTime() - t);
      }
      System.out.printf(
          "engine over %d identifiers built in %.1f ms%n", catalog.allIds().size(), best / 1e6);
      return;
    }
    Corpora.Corpus corpus = Corpora.of(corpusName);
    if (args.length > 1) {
      // Loop all identifiers but the finders for a while, e.g. under a profiler.
      // args[2]: ALL, RECOMMENDED, TEN, one identifier ID, or (default) all but the finders.
      Set<String> ids = new java.util.LinkedHashSet<>(catalog.allIds());
      String which = args.length > 2 ? args[2] : "ALL_BUT_FINDERS";
      if (catalog.contains(which)) {
        ids.clear();
        ids.add(which);
      } else if (which.equals("RECOMMENDED")) {
        ids.clear();
        ids.addAll(catalog.recommendedIds());
      } else if (which.equals("TEN")) {
        ids.clear();
        ids.addAll(new ArrayList<>(catalog.recommendedIds()).subList(0, 10));
      } else if (!which.equals("ALL")) {
        catalog.definitions().stream()
            .filter(d -> d.finder() != null)
            .forEach(d -> ids.remove(d.id()));
      }
      DetectionEngine e =
          DetectionEngine.create(new EngineConfig(ids, List.of(), List.of(), "k"), catalog);
      // Thread CPU time, not wall time: the machine is shared, so wall time mostly measures others.
      java.lang.management.ThreadMXBean bean =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
      int n = 0;
      long bestCpu = Long.MAX_VALUE;
      while (n < 3 || System.nanoTime() < end) {
        long cpu0 = bean.getCurrentThreadCpuTime();
        ObjectScan scan = e.newScan();
        corpus.feed(scan);
        scan.detections();
        bestCpu = Math.min(bestCpu, bean.getCurrentThreadCpuTime() - cpu0);
        n++;
      }
      System.out.printf(
          "%d scans; best %.1f MB per CPU second%n", n, corpus.chars() / 1e6 / (bestCpu / 1e9));
      return;
    }
    List<String[]> rows = new ArrayList<>();
    for (String id : catalog.allIds()) {
      DetectionEngine e =
          DetectionEngine.create(new EngineConfig(Set.of(id), List.of(), List.of(), "k"), catalog);
      long best = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        ObjectScan scan = e.newScan();
        corpus.feed(scan);
        scan.detections();
        best = Math.min(best, System.nanoTime() - t);
      }
      rows.add(new String[] {id, String.valueOf(best / 1_000_000)});
    }
    rows.sort((a, b) -> Long.compare(Long.parseLong(b[1]), Long.parseLong(a[1])));
    for (String[] r : rows.subList(0, Math.min(15, rows.size()))) {
      System.out.println(r[1] + " ms  " + r[0]);
    }
  }
}
