package io.trawl.jobs.compliance;

import io.trawl.catalog.TrawlCatalog;
import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Creates the compliance views and prints the per-framework summary and the top violations. */
public final class ComplianceReport {
  private ComplianceReport() {}

  /** Creates the views, then prints the summary and up to {@code top} violations to {@code out}. */
  public static void print(
      SparkSession spark, TrawlCatalog catalog, ComplianceFrameworks fw, int top, PrintWriter out) {
    ComplianceViews.create(spark, catalog, fw);
    String db = catalog.database();
    List<Row> summary =
        spark.sql("SELECT * FROM " + db + "." + ComplianceViews.SUMMARY).collectAsList();
    out.printf(
        "%-8s %-14s %9s %9s %10s  %s%n",
        "FRAMEWORK", "STATUS", "BUCKETS", "VIOLATING", "VIOLATIONS", "HIGHEST");
    for (ComplianceFrameworks.Framework f : fw.frameworks()) {
      for (Row r : summary) {
        if (r.getString(0).equals(f.name())) {
          out.printf(
              "%-8s %-14s %9d %9d %10d  %s%n",
              r.getString(0),
              r.getString(5),
              r.getLong(1),
              r.getLong(2),
              r.getLong(3),
              r.isNullAt(4) ? "-" : r.getString(4));
        }
      }
    }
    if (top > 0) {
      List<Row> violations =
          spark
              .sql(
                  "SELECT framework, severity, violation_type, bucket, key, objects FROM "
                      + db
                      + "."
                      + ComplianceViews.VIOLATIONS
                      + " ORDER BY CASE severity WHEN 'High' THEN 3 WHEN 'Medium' THEN 2 ELSE 1"
                      + " END DESC, objects DESC, framework, bucket, key LIMIT "
                      + top)
              .collectAsList();
      if (!violations.isEmpty()) {
        out.println();
        out.println(
            "Top violations (remediation: SELECT reason, remediation FROM "
                + db
                + "."
                + ComplianceViews.VIOLATIONS
                + "):");
        for (Row r : violations) {
          out.printf(
              "  %-8s %-6s %-40s %s%s (%d object(s))%n",
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.isNullAt(4) ? "" : "/" + r.getString(4),
              r.getLong(5));
        }
      }
    }
    out.flush();
  }
}
