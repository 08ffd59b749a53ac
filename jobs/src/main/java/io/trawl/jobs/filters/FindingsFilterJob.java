package io.trawl.jobs.filters;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import io.trawl.TrawlErrors;
import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.jobs.export.FindingDocuments;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Applies findings filters and suppression rules to the {@code findings} table, as Macie applies
 * them to its findings: every filter's criteria are evaluated on executors against each finding's
 * JSON (so every documented field path works), matches are counted per filter, and findings that an
 * {@code ARCHIVE} filter matches are archived in one Delta MERGE commit. A finding archived now is
 * credited to the first {@code ARCHIVE} filter (by position) that matches it. One row per filter is
 * written to {@code findings_filter_runs}.
 */
public final class FindingsFilterJob {
  private final SparkSession spark;
  private final Settings settings;
  private final Clock clock;

  /**
   * What to apply.
   *
   * @param catalog where the tables are
   * @param filters the filters; names must be unique
   * @param findingsRunId only this job run's findings; null for every run
   * @param filterRunId the id recorded in findings_filter_runs (rerunning it replaces its rows);
   *     null for a new one
   */
  public record Settings(
      TrawlCatalog catalog,
      List<FindingsFilter> filters,
      String findingsRunId,
      String filterRunId) {
    public Settings {
      Objects.requireNonNull(catalog, "catalog");
      filters = List.copyOf(filters);
    }
  }

  /**
   * What one filter did.
   *
   * @param name filter name
   * @param action ARCHIVE or NOOP
   * @param matched findings that meet its criteria
   * @param archived findings it archived now
   */
  public record FilterCount(
      String name, FindingsFilter.Action action, long matched, long archived) {}

  /**
   * The outcome.
   *
   * @param filterRunId the id of this application in findings_filter_runs
   * @param evaluated findings evaluated
   * @param archived findings archived now, by all filters
   * @param filters per filter, in order of position
   */
  public record Result(
      String filterRunId, long evaluated, long archived, List<FilterCount> filters) {}

  private FindingsFilterJob(SparkSession spark, Settings settings, Clock clock) {
    this.spark = spark;
    this.settings = settings;
    this.clock = clock;
  }

  public static FindingsFilterJob create(SparkSession spark, Settings settings) {
    return new FindingsFilterJob(spark, settings, Clock.systemUTC());
  }

  /** Evaluates, archives, records; returns the counts. */
  public Result run() {
    List<FindingsFilter> filters = new ArrayList<>(settings.filters());
    if (filters.isEmpty()) {
      throw TrawlErrors.invalidArgument(
          "give at least one findings filter (--filter or --filters-dir)");
    }
    filters.sort(
        Comparator.comparingInt(FindingsFilter::position).thenComparing(FindingsFilter::name));
    Set<String> names = new HashSet<>();
    for (FindingsFilter f : filters) {
      if (!names.add(f.name())) {
        throw TrawlErrors.invalidFindingsFilter(f.name(), "two filters have this name");
      }
    }
    Instant now = clock.instant();
    String runId =
        settings.filterRunId() != null
            ? settings.filterRunId()
            : "filters-" + now.toString().replaceAll("[^0-9]", "").substring(0, 14);
    TrawlCatalog catalog = settings.catalog();
    DeltaTables.ensureTable(spark, catalog, TrawlTable.FINDINGS);
    Dataset<Row> findings = DeltaTables.read(spark, catalog, TrawlTable.FINDINGS);
    if (settings.findingsRunId() != null) {
      findings = findings.filter(col("run_id").equalTo(settings.findingsRunId()));
    }
    List<String> archiveNames = new ArrayList<>();
    for (FindingsFilter f : filters) {
      if (f.action() == FindingsFilter.Action.ARCHIVE) {
        archiveNames.add(f.name());
      }
    }
    Column archiving =
        archiveNames.isEmpty()
            ? lit(null).cast(DataTypes.StringType)
            : firstOf(array_intersect(col("matched"), array(literals(archiveNames))));
    Dataset<Row> matched =
        findings
            .select(
                col("finding_id"),
                col("run_id"),
                coalesce(col("archived"), lit(false)).as("was_archived"),
                matcher(filters)
                    .apply(col(FindingDocuments.FINDING_JSON), FindingDocuments.rowJson(findings))
                    .as("matched"))
            .withColumn("archive_by", archiving)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long evaluated = matched.count();
      Map<String, Long> matchCounts = counts(matched.select(explode(col("matched"))));
      Dataset<Row> toArchive =
          matched.filter(not(col("was_archived")).and(col("archive_by").isNotNull()));
      Map<String, Long> archiveCounts = counts(toArchive.select(col("archive_by")));
      long archived = archiveCounts.values().stream().mapToLong(Long::longValue).sum();
      if (archived > 0) {
        archive(catalog, toArchive.select("finding_id", "run_id"));
      }
      List<FilterCount> perFilter = new ArrayList<>();
      List<Row> records = new ArrayList<>();
      for (FindingsFilter f : filters) {
        long m = matchCounts.getOrDefault(f.name(), 0L);
        long a = archiveCounts.getOrDefault(f.name(), 0L);
        perFilter.add(new FilterCount(f.name(), f.action(), m, a));
        records.add(
            RowFactory.create(
                runId,
                f.name(),
                f.action().name(),
                f.position(),
                f.description(),
                f.criteriaJson(),
                settings.findingsRunId(),
                evaluated,
                m,
                a,
                Timestamp.from(now),
                Date.valueOf(now.atZone(ZoneOffset.UTC).toLocalDate())));
      }
      DeltaTables.replaceRun(
          spark,
          catalog,
          TrawlTable.FINDINGS_FILTER_RUNS,
          runId,
          spark.createDataFrame(records, nullable(TrawlTable.FINDINGS_FILTER_RUNS.schema())));
      return new Result(runId, evaluated, archived, List.copyOf(perFilter));
    } finally {
      matched.unpersist();
    }
  }

  /** Archives the given findings in one MERGE commit, keeping finding_json in step. */
  private void archive(TrawlCatalog catalog, Dataset<Row> keys) {
    Map<String, String> set = new LinkedHashMap<>();
    set.put("archived", "true");
    // The stored JSON's top-level "archived" is the only key of that name in Macie's shape.
    set.put(
        FindingDocuments.FINDING_JSON,
        "regexp_replace(t.finding_json, '\"archived\":false', '\"archived\":true')");
    try {
      DeltaTable.forPath(spark, catalog.tablePath(TrawlTable.FINDINGS))
          .as("t")
          .merge(keys.distinct().as("s"), "t.finding_id = s.finding_id AND t.run_id = s.run_id")
          .whenMatched()
          .updateExpr(set)
          .execute();
    } catch (Exception e) {
      throw TrawlErrors.catalogError(
          catalog.qualifiedName(TrawlTable.FINDINGS),
          "cannot archive the matched findings: " + e.getMessage(),
          e);
    }
  }

  private static UserDefinedFunction matcher(List<FindingsFilter> filters) {
    List<FindingsFilter> ordered = List.copyOf(filters);
    UDF2<String, String, List<String>> fn =
        (findingJson, rowJson) -> {
          FindingDocuments.Document doc =
              FindingDocuments.finding(findingJson, FindingDocuments.columns(rowJson));
          List<String> out = new ArrayList<>();
          for (FindingsFilter f : ordered) {
            if (f.matches(doc.finding())) {
              out.add(f.name());
            }
          }
          return out;
        };
    return org.apache
        .spark
        .sql
        .functions
        .udf(fn, DataTypes.createArrayType(DataTypes.StringType))
        .withName("trawl_findings_filter");
  }

  private static Column firstOf(Column array) {
    return when(size(array).gt(0), array.getItem(0));
  }

  private static Column[] literals(List<String> values) {
    Column[] out = new Column[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = lit(values.get(i));
    }
    return out;
  }

  private static Map<String, Long> counts(Dataset<Row> names) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : names.toDF("name").groupBy("name").count().collectAsList()) {
      if (!r.isNullAt(0)) {
        out.put(r.getString(0), r.getLong(1));
      }
    }
    return out;
  }

  private static StructType nullable(StructType schema) {
    StructField[] fields = schema.fields().clone();
    for (int i = 0; i < fields.length; i++) {
      fields[i] =
          new StructField(fields[i].name(), fields[i].dataType(), true, fields[i].metadata());
    }
    return new StructType(fields);
  }
}
