package io.trawl.jobs.compliance;

import io.trawl.TrawlErrors;
import io.trawl.catalog.SessionCatalogRegistrar;
import io.trawl.catalog.TrawlCatalog;
import io.trawl.catalog.TrawlTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The compliance views, generated from {@link ComplianceFrameworks} in the SQL that both Spark and
 * Athena (Trino) run, so the session catalog and Athena answer the same question the same way:
 *
 * <ul>
 *   <li>{@code compliance_violations}(framework, requirement, violation_type, severity, account_id,
 *       bucket, key, identifier_types, objects, reason, remediation, run_id): one row per violating
 *       object (OBJECT rules) or bucket (BUCKET rules; key null), over the latest finding of each
 *       object that is not archived and the latest {@code bucket_risk} row of each bucket. When the
 *       posture a rule needs is unknown (no bucket_risk row yet, or the setting is UNKNOWN) the row
 *       says so with violation_type {@code POSTURE_UNKNOWN}, severity Low.
 *   <li>{@code compliance_summary}(framework, buckets_evaluated, buckets_violating, violations,
 *       highest_severity, status): one row per framework, COMPLIANT when it has no violations.
 * </ul>
 */
public final class ComplianceViews {
  /** The violations view. */
  public static final String VIOLATIONS = "compliance_violations";

  /** The per-framework summary view. */
  public static final String SUMMARY = "compliance_summary";

  /** Where the Athena DDL of the views lives, relative to the repository root. */
  public static final Path ATHENA_VIEWS =
      Path.of("catalog", "athena", "trawl-compliance-views.sql");

  /** The violation type reported when the posture a rule needs is unknown. */
  public static final String POSTURE_UNKNOWN = "POSTURE_UNKNOWN";

  private static final String UNKNOWN_BECAUSE =
      "the bucket posture this rule needs is unknown (no bucket_risk row for the bucket, or the"
          + " setting is UNKNOWN), so compliance cannot be shown";
  private static final String UNKNOWN_REMEDIATION =
      "Run Trawl bucket risk scoring so that bucket_risk holds this bucket (public access,"
          + " sharing, encryption, tags), then query the view again; until then treat the data as"
          + " exposed.";

  /** The SQL dialect a view is written in. */
  public enum Dialect {
    /** Spark SQL (session catalog: Hive metastore locally, Glue on EMR). */
    SPARK,
    /** Amazon Athena engine version 3 (Trino). */
    ATHENA;

    String array(List<String> values) {
      List<String> quoted = values.stream().map(v -> "'" + v + "'").toList();
      return this == SPARK
          ? "array(" + String.join(", ", quoted) + ")"
          : "ARRAY[" + String.join(", ", quoted) + "]";
    }

    String string() {
      return this == SPARK ? "STRING" : "VARCHAR";
    }

    String arrayAgg() {
      return this == SPARK ? "collect_list" : "array_agg";
    }
  }

  private ComplianceViews() {}

  /**
   * Creates or replaces both views in the Spark session catalog, registering {@code findings} and
   * {@code bucket_risk} first (an empty bucket_risk is created if the scorer has not run).
   */
  public static void create(SparkSession spark, TrawlCatalog catalog, ComplianceFrameworks fw) {
    SessionCatalogRegistrar registrar = new SessionCatalogRegistrar(spark);
    registrar.register(catalog, TrawlTable.FINDINGS);
    registrar.register(catalog, TrawlTable.BUCKET_RISK);
    String db = catalog.database();
    try {
      spark.sql(
          "CREATE OR REPLACE VIEW "
              + db
              + "."
              + VIOLATIONS
              + " AS\n"
              + violationsSql(fw, db, Dialect.SPARK));
      spark.sql(
          "CREATE OR REPLACE VIEW "
              + db
              + "."
              + SUMMARY
              + " AS\n"
              + summarySql(fw, db, Dialect.SPARK));
    } catch (Exception e) {
      throw TrawlErrors.catalogError(
          db + "." + VIOLATIONS, "cannot create the compliance views: " + e.getMessage(), e);
    }
  }

  /** The Athena DDL of both views for database {@code database} (checked in, see test). */
  public static String athenaDdl(ComplianceFrameworks fw, String database) {
    return "-- Trawl compliance views for Amazon Athena (engine version 3), over the tables of\n"
        + "-- trawl-tables.sql. Generated from io.trawl.jobs.compliance (compliance-frameworks.json)"
        + ";\n-- do not edit. Regenerate with:\n--   "
        + REGENERATE
        + "\n-- Run each statement on its own. The PCI DSS cardholder data tag is "
        + fw.cardholderTag().key()
        + "="
        + fw.cardholderTag().value()
        + ";\n-- trawl compliance --cardholder-tag K=V --athena-ddl FILE writes a copy with another"
        + " tag.\n\nCREATE OR REPLACE VIEW "
        + database
        + "."
        + VIOLATIONS
        + " AS\n"
        + violationsSql(fw, database, Dialect.ATHENA)
        + ";\n\nCREATE OR REPLACE VIEW "
        + database
        + "."
        + SUMMARY
        + " AS\n"
        + summarySql(fw, database, Dialect.ATHENA)
        + ";\n";
  }

  /** The command that rewrites the checked-in Athena DDL. */
  public static final String REGENERATE =
      "mvn -B -q -o -pl jobs -am test -Dtest=ComplianceViewsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dtrawl.regenerate=true";

  /** The SELECT of compliance_violations. */
  public static String violationsSql(ComplianceFrameworks fw, String db, Dialect d) {
    StringBuilder sql = new StringBuilder();
    sql.append("WITH latest_findings AS (\n")
        .append("  SELECT account_id, bucket, key, detection_types, run_id\n")
        .append("  FROM (\n")
        .append("    SELECT account_id, bucket, key, detection_types, run_id, archived,\n")
        .append("      row_number() OVER (PARTITION BY bucket, key")
        .append(" ORDER BY created_at DESC, run_id DESC) AS rn\n")
        .append("    FROM ")
        .append(db)
        .append(".findings\n")
        .append("    WHERE category = 'CLASSIFICATION' AND key IS NOT NULL\n")
        .append("  ) ranked\n")
        .append("  WHERE rn = 1 AND NOT coalesce(archived, FALSE)\n")
        .append("),\nposture AS (\n")
        .append("  SELECT bucket, posture_source, effective_permission, shared_access,\n")
        .append("    default_server_side_encryption, replicated_externally, bucket_tags\n")
        .append("  FROM (\n")
        .append("    SELECT bucket, posture_source, effective_permission, shared_access,\n")
        .append("      default_server_side_encryption, replicated_externally, bucket_tags,\n")
        .append("      row_number() OVER (PARTITION BY bucket")
        .append(" ORDER BY updated_at DESC, run_id DESC) AS rn\n")
        .append("    FROM ")
        .append(db)
        .append(".bucket_risk\n")
        .append("  ) ranked\n")
        .append("  WHERE rn = 1\n")
        .append("),\nevidence AS (\n")
        .append("  SELECT f.account_id, f.bucket, f.key, f.detection_types, f.run_id,\n")
        .append("    (p.bucket IS NOT NULL AND coalesce(p.posture_source, 'unknown') <> 'unknown')")
        .append(" AS p_known,\n")
        .append("    p.effective_permission AS p_effective_permission,\n")
        .append("    p.shared_access AS p_shared_access,\n")
        .append("    p.default_server_side_encryption AS p_default_server_side_encryption,\n")
        .append("    p.replicated_externally AS p_replicated_externally,\n")
        .append("    p.bucket_tags AS p_bucket_tags\n")
        .append("  FROM latest_findings f LEFT JOIN posture p ON p.bucket = f.bucket\n")
        .append(")");
    // Rules and identifier groups are inline tables, the logic is written once: the view text
    // stays small (the Hive metastore keeps view text in a 32,700-character column).
    List<String> groups = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    java.util.Map<List<String>, String> groupIds = new java.util.LinkedHashMap<>();
    for (ComplianceFrameworks.Rule r : fw.rules()) {
      String groupId = groupIds.get(r.identifierTypes());
      if (groupId == null) {
        groupId = "g" + (groupIds.size() + 1);
        groupIds.put(r.identifierTypes(), groupId);
        groups.add(
            "  SELECT '"
                + groupId
                + "' AS group_id, "
                + d.array(r.identifierTypes())
                + " AS identifier_types");
      }
      rules.add(
          "  SELECT '"
              + r.framework()
              + "' AS framework, '"
              + r.requirement()
              + "' AS requirement, '"
              + r.violationType()
              + "' AS rule_violation_type, '"
              + r.severity()
              + "' AS rule_severity,\n    '"
              + groupId
              + "' AS group_id, '"
              + r.dataLabel()
              + "' AS label, '"
              + r.condition().name()
              + "' AS condition, '"
              + r.level().name()
              + "' AS level,\n    '"
              + r.remediation()
              + "' AS rule_remediation");
    }
    StringBuilder holds = new StringBuilder("CASE r.condition");
    StringBuilder known = new StringBuilder("CASE r.condition");
    StringBuilder because = new StringBuilder("CASE r.condition");
    for (Condition c : Condition.values()) {
      String h = c.holds(fw.cardholderTag());
      holds
          .append("\n      WHEN '")
          .append(c.name())
          .append("' THEN ")
          .append(c == Condition.NOT_TAGGED ? "e.p_known AND " + h : h);
      known.append("\n      WHEN '").append(c.name()).append("' THEN ").append(c.known());
      because
          .append("\n      WHEN '")
          .append(c.name())
          .append("' THEN '")
          .append(c.because(fw.cardholderTag()))
          .append("'");
    }
    sql.append(",\ngroups AS (\n")
        .append(String.join("\n  UNION ALL\n", groups))
        .append("\n),\nrules AS (\n")
        .append(String.join("\n  UNION ALL\n", rules))
        .append("\n),\nmatches AS (\n")
        .append("  SELECT r.framework, r.requirement, r.rule_violation_type, r.rule_severity,")
        .append(
            " r.label, r.level,\n    r.rule_remediation, e.account_id, e.bucket, e.key, e.run_id,\n")
        .append("    array_sort(array_intersect(e.detection_types, g.identifier_types))")
        .append(" AS matched_types,\n    coalesce(")
        .append(holds)
        .append("\n    END, FALSE) AS violated,\n    coalesce(")
        .append(known)
        .append("\n    END, FALSE) AS known,\n    ")
        .append(because)
        .append("\n    END AS because\n")
        .append("  FROM evidence e\n")
        .append("  JOIN groups g ON arrays_overlap(e.detection_types, g.identifier_types)\n")
        .append("  JOIN rules r ON r.group_id = g.group_id\n")
        .append("),\nreported AS (\n  SELECT * FROM matches WHERE violated OR NOT known\n)\n");
    String type = "CASE WHEN violated THEN rule_violation_type ELSE '" + POSTURE_UNKNOWN + "' END";
    String severity = "CASE WHEN violated THEN rule_severity ELSE 'Low' END";
    String why = "CASE WHEN violated THEN because ELSE '" + UNKNOWN_BECAUSE + "' END";
    String remediation =
        "CASE WHEN violated THEN rule_remediation ELSE '" + UNKNOWN_REMEDIATION + "' END";
    String ids = "array_sort(array_distinct(flatten(" + d.arrayAgg() + "(matched_types))))";
    sql.append("SELECT framework, requirement,\n  ")
        .append(type)
        .append(" AS violation_type,\n  ")
        .append(severity)
        .append(" AS severity,\n  account_id, bucket, key, matched_types AS identifier_types,")
        .append(" CAST(1 AS BIGINT) AS objects,\n")
        .append("  concat(label, ' (', array_join(matched_types, ', '), ') found in s3://',")
        .append(" bucket, '/', key, ': ',\n    ")
        .append(why)
        .append(") AS reason,\n  ")
        .append(remediation)
        .append(" AS remediation,\n  run_id\n")
        .append("FROM reported WHERE level = 'OBJECT'\nUNION ALL\n")
        .append("SELECT framework, requirement,\n  ")
        .append(type)
        .append(" AS violation_type,\n  ")
        .append(severity)
        .append(" AS severity,\n  account_id, bucket, CAST(NULL AS ")
        .append(d.string())
        .append(") AS key,\n  ")
        .append(ids)
        .append(" AS identifier_types,\n  count(*) AS objects,\n")
        .append("  concat(label, ' (', array_join(")
        .append(ids)
        .append(", ', '), ') found in ',\n    CAST(count(*) AS ")
        .append(d.string())
        .append("), ' object(s) of bucket ', bucket, ': ', ")
        .append(why)
        .append(") AS reason,\n  ")
        .append(remediation)
        .append(" AS remediation,\n  max(run_id) AS run_id\n")
        .append("FROM reported WHERE level = 'BUCKET'\n")
        .append("GROUP BY framework, requirement, rule_violation_type, rule_severity, label,")
        .append(" rule_remediation,\n  because, account_id, bucket, violated");
    return sql.toString();
  }

  /** The SELECT of compliance_summary. */
  public static String summarySql(ComplianceFrameworks fw, String db, Dialect d) {
    List<String> names = new ArrayList<>();
    for (ComplianceFrameworks.Framework f : fw.frameworks()) {
      names.add("  SELECT '" + f.name() + "' AS framework");
    }
    return "WITH frameworks AS (\n"
        + String.join("\n  UNION ALL\n", names)
        + "\n),\nevaluated AS (\n"
        + "  SELECT count(DISTINCT bucket) AS buckets\n"
        + "  FROM (SELECT bucket FROM "
        + db
        + ".findings UNION SELECT bucket FROM "
        + db
        + ".bucket_risk) b\n"
        + "),\nby_framework AS (\n"
        + "  SELECT framework, count(DISTINCT bucket) AS buckets_violating, count(*) AS violations,\n"
        + "    max(CASE severity WHEN 'High' THEN 3 WHEN 'Medium' THEN 2 ELSE 1 END) AS level\n"
        + "  FROM "
        + db
        + "."
        + VIOLATIONS
        + "\n  GROUP BY framework\n"
        + ")\n"
        + "SELECT f.framework, e.buckets AS buckets_evaluated,\n"
        + "  coalesce(v.buckets_violating, CAST(0 AS BIGINT)) AS buckets_violating,\n"
        + "  coalesce(v.violations, CAST(0 AS BIGINT)) AS violations,\n"
        + "  CASE v.level WHEN 3 THEN 'High' WHEN 2 THEN 'Medium' WHEN 1 THEN 'Low' END"
        + " AS highest_severity,\n"
        + "  CASE WHEN coalesce(v.violations, 0) > 0 THEN 'NON_COMPLIANT' ELSE 'COMPLIANT' END"
        + " AS status\n"
        + "FROM frameworks f CROSS JOIN evaluated e LEFT JOIN by_framework v"
        + " ON v.framework = f.framework";
  }
}
