package io.trawl.jobs.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.DeltaTables;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import io.trawl.catalog.testing.SharedSpark;
import io.trawl.jobs.compliance.GovernanceRows;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Findings filters applied to a findings table: counts, archiving in one commit, the record. */
class FindingsFilterJobTest {
  private static final String ARCHIVE_HEALTH =
      "{\"name\":\"suppress-health\",\"action\":\"ARCHIVE\",\"position\":1,\"findingCriteria\":"
          + "{\"criterion\":{\"resourcesAffected.s3Bucket.name\":{\"eq\":[\"health-public\"]}}}}";
  private static final String ARCHIVE_NHS =
      "{\"name\":\"suppress-nhs\",\"action\":\"ARCHIVE\",\"position\":2,\"findingCriteria\":"
          + "{\"criterion\":{\"sensitiveData.detections.type\":{\"eq\":[\"UK_NHS_NUMBER\"]}}}}";
  private static final String COUNT_HIGH =
      "{\"name\":\"count-high\",\"action\":\"NOOP\",\"position\":3,\"findingCriteria\":"
          + "{\"criterion\":{\"severity.description\":{\"eq\":[\"High\"]}}}}";

  @Test
  void archiveFiltersArchiveAndNoopFiltersCount() {
    SparkSession spark = SharedSpark.session();
    TrawlCatalog catalog = TrawlCatalog.local(SharedSpark.newFolder("filters"));
    GovernanceRows.write(spark, catalog);
    long versionBefore = version(spark, catalog);
    List<FindingsFilter> filters =
        List.of(
            FindingsFilter.parse("a", ARCHIVE_NHS),
            FindingsFilter.parse("b", COUNT_HIGH),
            FindingsFilter.parse("c", ARCHIVE_HEALTH));

    FindingsFilterJob.Result r =
        FindingsFilterJob.create(
                spark, new FindingsFilterJob.Settings(catalog, filters, "r1", "apply-1"))
            .run();

    // Run r1 has 6 findings (one already archived); both health-public findings match both
    // ARCHIVE filters and are credited to the first by position.
    assertThat(r.evaluated()).isEqualTo(6);
    assertThat(r.archived()).isEqualTo(2);
    assertThat(r.filters())
        .containsExactly(
            new FindingsFilterJob.FilterCount(
                "suppress-health", FindingsFilter.Action.ARCHIVE, 2, 2),
            new FindingsFilterJob.FilterCount("suppress-nhs", FindingsFilter.Action.ARCHIVE, 2, 0),
            new FindingsFilterJob.FilterCount("count-high", FindingsFilter.Action.NOOP, 6, 0));
    List<Row> archived =
        DeltaTables.read(spark, catalog, TrawlTable.FINDINGS)
            .filter("archived")
            .select("finding_id")
            .orderBy("finding_id")
            .collectAsList();
    assertThat(archived).extracting(x -> x.getString(0)).containsExactly("f1", "f2", "f6");
    // One MERGE commit for the archiving.
    assertThat(version(spark, catalog)).isEqualTo(versionBefore + 1);
    List<Row> recorded =
        DeltaTables.read(spark, catalog, TrawlTable.FINDINGS_FILTER_RUNS)
            .filter("run_id = 'apply-1'")
            .select(
                "filter_name", "action", "findings_matched", "findings_archived", "findings_run_id")
            .orderBy("filter_name")
            .collectAsList();
    assertThat(recorded)
        .extracting(Row::toString)
        .containsExactly(
            "[count-high,NOOP,6,0,r1]",
            "[suppress-health,ARCHIVE,2,2,r1]",
            "[suppress-nhs,ARCHIVE,2,0,r1]");

    // Applying again archives nothing new and replaces the record of the same run id.
    FindingsFilterJob.Result again =
        FindingsFilterJob.create(
                spark, new FindingsFilterJob.Settings(catalog, filters, null, "apply-1"))
            .run();
    assertThat(again.evaluated()).isEqualTo(7);
    assertThat(again.archived()).isZero();
    assertThat(
            DeltaTables.read(spark, catalog, TrawlTable.FINDINGS_FILTER_RUNS)
                .filter("run_id = 'apply-1'")
                .count())
        .isEqualTo(3);
    // A filter on archived findings sees the archive flag.
    FindingsFilterJob.Result onArchived =
        FindingsFilterJob.create(
                spark,
                new FindingsFilterJob.Settings(
                    catalog,
                    List.of(
                        FindingsFilter.parse(
                            "d",
                            "{\"name\":\"archived-ones\",\"action\":\"NOOP\",\"findingCriteria\":"
                                + "{\"criterion\":{\"archived\":{\"eq\":[\"true\"]}}}}")),
                    null,
                    "apply-2"))
            .run();
    assertThat(onArchived.filters().get(0).matched()).isEqualTo(3);
  }

  private static long version(SparkSession spark, TrawlCatalog catalog) {
    return io.delta.tables.DeltaTable.forPath(spark, catalog.tablePath(TrawlTable.FINDINGS))
        .history(1)
        .select("version")
        .first()
        .getLong(0);
  }
}
