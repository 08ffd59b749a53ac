package io.trawl.jobs.demo;

import io.trawl.catalog.TrawlCatalog;
import io.trawl.jobs.compliance.ComplianceFrameworks;
import io.trawl.jobs.compliance.ComplianceReport;
import io.trawl.jobs.filters.FindingsFilter;
import io.trawl.jobs.filters.FindingsFilterJob;
import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The demo's governance step: a suppression rule archives the findings of the old backups in {@code
 * acme-archive} (reviewed and accepted), then the compliance views are created and the
 * per-framework summary printed.
 */
public final class DemoGovernance {
  /** The demo's suppression rule, as Macie's CreateFindingsFilter JSON. */
  public static final String SUPPRESSION_RULE =
      "{\"name\": \"reviewed-archive-backups\", \"action\": \"ARCHIVE\", \"position\": 1,"
          + " \"description\": \"Old backups in acme-archive were reviewed and accepted\","
          + " \"findingCriteria\": {\"criterion\": {\"resourcesAffected.s3Bucket.name\":"
          + " {\"eq\": [\"acme-archive\"]}}}}";

  private DemoGovernance() {}

  /** Applies the rule to run {@code runId}, creates the views, prints what happened. */
  public static void run(SparkSession spark, TrawlCatalog catalog, String runId, PrintWriter out) {
    FindingsFilterJob.Result r =
        FindingsFilterJob.create(
                spark,
                new FindingsFilterJob.Settings(
                    catalog,
                    List.of(FindingsFilter.parse("demo suppression rule", SUPPRESSION_RULE)),
                    runId,
                    "demo-filters"))
            .run();
    out.println();
    out.printf(
        "Suppression rule reviewed-archive-backups archived %d of %d findings (they are left out"
            + " of exports and compliance views)%n",
        r.archived(), r.evaluated());
    out.println();
    out.println("Compliance (views compliance_violations and compliance_summary):");
    ComplianceReport.print(spark, catalog, ComplianceFrameworks.load(), 5, out);
    out.println(
        "  bin/trawl export --format asff --out findings-asff.jsonl   (also macie, eventbridge,"
            + " ocsf, csv)");
    out.println("  bin/trawl remediate   (dry run: which objects would be tagged)");
    out.flush();
  }
}
