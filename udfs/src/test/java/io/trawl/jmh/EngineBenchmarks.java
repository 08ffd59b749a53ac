package io.trawl.jmh;

import io.trawl.detection.DetectionEngine;
import io.trawl.detection.EngineConfig;
import io.trawl.detection.ManagedDataIdentifiers;
import io.trawl.detection.ObjectScan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Single-thread engine throughput over about 1 MB corpora. One operation scans the whole corpus, so
 * MB/s = ops/s x corpus MB; {@link #main} prints that table.
 *
 * <p>Run: {@code mvn -q -o -pl udfs test-compile dependency:build-classpath
 * -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt} then {@code java -cp
 * udfs/target/test-classes:udfs/target/classes:$(cat udfs/target/cp.txt)
 * io.trawl.jmh.EngineBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmarks {

  @Param({"SPARSE_TEXT_LOGS", "DENSE_CSV", "DIGIT_RUNS", "KEYWORD_FLOOD"})
  public String corpus;

  /**
   * ALL; ALL_BUT_FINDERS (without NAME and ADDRESS, i.e. the engine's own cost); RECOMMENDED
   * (Macie's default set); TEN (the first ten of it).
   */
  @Param({"ALL", "ALL_BUT_FINDERS", "RECOMMENDED", "TEN"})
  public String identifiers;

  private DetectionEngine engine;
  private Corpora.Corpus input;

  @Setup
  public void setUp() {
    ManagedDataIdentifiers catalog = BenchmarkCatalog.load();
    Set<String> ids = new LinkedHashSet<>(catalog.allIds());
    if (identifiers.equals("TEN")) {
      ids.clear();
      ids.addAll(new ArrayList<>(catalog.recommendedIds()).subList(0, 10));
    } else if (identifiers.equals("RECOMMENDED")) {
      ids.clear();
      ids.addAll(catalog.recommendedIds());
    } else if (identifiers.equals("ALL_BUT_FINDERS")) {
      catalog.definitions().stream()
          .filter(d -> d.finder() != null)
          .forEach(d -> ids.remove(d.id()));
    }
    engine =
        DetectionEngine.create(new EngineConfig(ids, List.of(), List.of(), "bench-key"), catalog);
    input = Corpora.of(corpus);
  }

  @Benchmark
  public int scan() {
    ObjectScan scan = engine.newScan();
    input.feed(scan);
    return scan.detections().size();
  }

  public static void main(String[] args) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(EngineBenchmarks.class.getSimpleName())
            .forks(1)
            .threads(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(2))
            .jvmArgs("-Xmx1g")
            .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.printf(
        "%nCatalog: %s (%d identifiers); JDK %s%n",
        BenchmarkCatalog.describe(),
        BenchmarkCatalog.load().allIds().size(),
        System.getProperty("java.version"));
    System.out.println("| corpus | identifiers | MB | scans/s | MB/s |");
    System.out.println("|---|---|---|---|---|");
    for (RunResult r : results) {
      String c = r.getParams().getParam("corpus");
      String ids = r.getParams().getParam("identifiers");
      double mb = Corpora.of(c).chars() / 1e6;
      double ops = r.getPrimaryResult().getScore();
      System.out.printf("| %s | %s | %.2f | %.2f | %.1f |%n", c, ids, mb, ops, ops * mb);
    }
  }
}
