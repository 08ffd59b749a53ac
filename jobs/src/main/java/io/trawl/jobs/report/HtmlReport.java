package io.trawl.jobs.report;

import static io.trawl.jobs.report.Html.esc;

import io.trawl.jobs.report.ReportData.BucketStats;
import io.trawl.jobs.report.ReportData.ComplianceStatus;
import io.trawl.jobs.report.ReportData.IdentifierStats;
import io.trawl.jobs.report.ReportData.RemediationItem;
import io.trawl.jobs.report.ReportData.RunSeverity;
import io.trawl.jobs.report.ReportData.SensitiveObject;
import io.trawl.jobs.report.SvgCharts.Bar;
import io.trawl.jobs.report.SvgCharts.Segment;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link ReportData} as one self-contained HTML page: inline CSS, inline SVG charts and one
 * small inline script, nothing loaded from anywhere (a Content-Security-Policy forbids it). The
 * script only collects script errors and marks the page ready with the number of charts that have a
 * size, which the browser test reads.
 */
public final class HtmlReport {
  /** Buckets drawn in the per-bucket charts; the rest are summed in the last bar's tooltip. */
  static final int MAX_BUCKETS = 25;

  /** Identifier types drawn. */
  static final int MAX_TYPES = 20;

  /** Runs drawn in the severity chart (the latest ones). */
  static final int MAX_RUNS = 20;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;\
      color:#263238;background:#f5f7f8}
      header{background:#263238;color:#fff;padding:20px 32px}
      header h1{margin:0 0 4px;font-size:22px}header p{margin:0;color:#b0bec5}
      main{max-width:1100px;margin:0 auto;padding:16px 32px 48px}
      section{background:#fff;border-radius:8px;padding:16px 20px;margin:16px 0;\
      box-shadow:0 1px 2px rgba(0,0,0,.08)}
      h2{font-size:17px;margin:0 0 4px}p.note{color:#607d8b;margin:0 0 10px}
      .tiles{display:flex;gap:12px;flex-wrap:wrap}
      .tile{flex:1 1 160px;background:#fff;border-radius:8px;padding:12px 16px;\
      box-shadow:0 1px 2px rgba(0,0,0,.08)}
      .tile b{display:block;font-size:24px}.tile span{color:#607d8b}
      svg.chart{max-width:100%;height:auto;display:block}
      svg text{font:12px system-ui,sans-serif;fill:#37474f}svg text.value{fill:#546e7a}
      svg text.quad{fill:#90a4ae;font-style:italic}svg text.axis{fill:#607d8b}
      .legend span{display:inline-block;margin-right:14px}
      .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
      table{border-collapse:collapse;width:100%;font-size:13px}
      th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eceff1;vertical-align:top}
      th{color:#607d8b;font-weight:600}td.num{text-align:right}
      code{font:12px ui-monospace,monospace;word-break:break-all}
      .badge{padding:1px 8px;border-radius:10px;color:#fff;font-size:12px}
      .empty{background:#eceff1;border-radius:6px;padding:14px;color:#455a64}
      #page-errors{color:#c0392b;white-space:pre-wrap}#page-errors:empty{display:none}
      """;

  /** Collects script errors before anything else runs, so a broken page is visible in the DOM. */
  private static final String ERROR_COLLECTOR =
      "window.trawlErrors=[];window.onerror=function(m,s,l,c){"
          + "window.trawlErrors.push(String(m)+' (line '+l+':'+c+')');};";

  /**
   * Counts the charts the browser actually laid out (a non-empty bounding box and at least one
   * mark) and marks the page ready; runs last, after every chart is in the DOM.
   */
  private static final String READY_MARKER =
      "(function(){var c=document.querySelectorAll('svg.chart'),n=0;"
          + "for(var i=0;i<c.length;i++){var r=c[i].getBoundingClientRect();"
          + "if(r.width>0&&r.height>0&&c[i].querySelector('rect,circle'))n++;}"
          + "var b=document.body;b.setAttribute('data-charts',String(c.length));"
          + "b.setAttribute('data-charts-rendered',String(n));"
          + "document.getElementById('page-errors').textContent=window.trawlErrors.join('\\n');"
          + "b.setAttribute('data-errors',String(window.trawlErrors.length));"
          + "b.setAttribute('data-ready','true');})();";

  private HtmlReport() {}

  /** The whole page. */
  public static String render(ReportData d) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n")
        .append("<title>Trawl report: ")
        .append(esc(d.database()))
        .append(" / ")
        .append(esc(d.run().runId()))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n<script>")
        .append(ERROR_COLLECTOR)
        .append("</script></head>\n<body data-ready=\"false\">\n");
    header(h, d);
    h.append("<main>\n");
    tiles(h, d);
    buckets(h, d);
    identifiers(h, d);
    severity(h, d);
    posture(h, d);
    compliance(h, d);
    objects(h, d);
    h.append("<pre id=\"page-errors\"></pre>\n</main>\n<script>")
        .append(READY_MARKER)
        .append("</script>\n</body></html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, ReportData d) {
    ReportData.RunSummary r = d.run();
    h.append("<header><h1>Sensitive data discovery report</h1><p>Database <b>")
        .append(esc(d.database()))
        .append("</b> &middot; job <b>")
        .append(esc(r.jobName()))
        .append("</b> &middot; run <b>")
        .append(esc(r.runId()))
        .append("</b> (")
        .append(esc(r.status()))
        .append(r.startedAt() == null ? "" : ", started " + TIME.format(r.startedAt()))
        .append(") &middot; generated ")
        .append(TIME.format(d.generatedAt()))
        .append("</p></header>\n");
  }

  private static void tiles(StringBuilder h, ReportData d) {
    ReportData.RunSummary r = d.run();
    h.append("<div class=\"tiles\">");
    tile(h, Html.count(r.objectsClassified()), "objects classified");
    tile(h, Html.count(r.objectsSensitive()), "objects with sensitive data");
    tile(h, Html.bytes(r.bytesClassified()), "classified");
    tile(h, Html.count(r.findings()), "findings");
    tile(
        h,
        Html.count(d.buckets().stream().filter(b -> b.objectsSensitive() > 0).count()),
        "buckets with sensitive data");
    h.append("</div>\n");
  }

  private static void tile(StringBuilder h, String figure, String what) {
    h.append("<div class=\"tile\"><b>")
        .append(esc(figure))
        .append("</b><span>")
        .append(esc(what))
        .append("</span></div>");
  }

  private static void buckets(StringBuilder h, ReportData d) {
    h.append("<section id=\"buckets\"><h2>Sensitive objects and bytes by bucket</h2>")
        .append("<p class=\"note\">Red: objects with sensitive data (and their size); grey: the")
        .append(
            " rest of the objects classified (of the bucket's bytes). From bucket_profiles.</p>");
    legend(h, List.of(new Segment(0, SvgCharts.HIGH, "sensitive"), neutral("not sensitive")));
    if (d.buckets().isEmpty()) {
      empty(h, "buckets-empty", "This run has no bucket profiles.");
      h.append("</section>\n");
      return;
    }
    List<BucketStats> shown = d.buckets().stream().limit(MAX_BUCKETS).toList();
    List<Bar> objects = new ArrayList<>();
    List<Bar> bytes = new ArrayList<>();
    for (BucketStats b : shown) {
      objects.add(
          new Bar(
              b.bucket(),
              b.bucket()
                  + ": "
                  + Html.count(b.objectsSensitive())
                  + " of "
                  + Html.count(b.objectsClassified())
                  + " classified objects sensitive"
                  + (b.highestSeverity() == null ? "" : ", highest severity " + b.highestSeverity())
                  + (b.sensitivityScore() == null
                      ? ""
                      : ", sensitivity score " + b.sensitivityScore()),
              List.of(
                  new Segment(b.objectsSensitive(), SvgCharts.HIGH, "sensitive"),
                  new Segment(
                      Math.max(0, b.objectsClassified() - b.objectsSensitive()),
                      SvgCharts.NEUTRAL,
                      "not sensitive")),
              Html.count(b.objectsSensitive()) + " / " + Html.count(b.objectsClassified())));
      // Sensitive objects' sizes out of the bucket's size; sizes can exceed what was classified
      // (archives, partial reads), so the bucket's size is the honest denominator.
      long base = Math.max(b.bytesTotal(), b.bytesSensitive());
      bytes.add(
          new Bar(
              b.bucket(),
              b.bucket()
                  + ": sensitive objects hold "
                  + Html.bytes(b.bytesSensitive())
                  + " of the bucket's "
                  + Html.bytes(base),
              List.of(
                  new Segment(b.bytesSensitive(), SvgCharts.HIGH, "sensitive"),
                  new Segment(base - b.bytesSensitive(), SvgCharts.NEUTRAL, "not sensitive")),
              Html.bytes(b.bytesSensitive()) + " of " + Html.bytes(base)));
    }
    h.append("<h3>Objects</h3>")
        .append(SvgCharts.horizontalBars("Sensitive objects by bucket", objects))
        .append("<h3>Bytes</h3>")
        .append(SvgCharts.horizontalBars("Sensitive bytes by bucket", bytes));
    more(h, d.buckets().size(), MAX_BUCKETS, "buckets");
    h.append("</section>\n");
  }

  private static void identifiers(StringBuilder h, ReportData d) {
    h.append("<section id=\"identifiers\"><h2>Sensitive data types</h2>")
        .append("<p class=\"note\">Objects each managed or custom data identifier was found in")
        .append(" (occurrences in the tooltip). From detections.</p>");
    legend(
        h,
        List.of(
            new Segment(0, categoryColor("FINANCIAL_INFORMATION"), "financial"),
            new Segment(0, categoryColor("PERSONAL_INFORMATION"), "personal"),
            new Segment(0, categoryColor("CREDENTIALS"), "credentials"),
            new Segment(0, categoryColor("CUSTOM_IDENTIFIER"), "custom")));
    if (d.identifierTypes().isEmpty()) {
      empty(h, "identifiers-empty", "No sensitive data was detected in this run.");
    } else {
      List<Bar> bars = new ArrayList<>();
      for (IdentifierStats t : d.identifierTypes().stream().limit(MAX_TYPES).toList()) {
        bars.add(
            new Bar(
                t.type(),
                t.type()
                    + " ("
                    + t.category()
                    + "): "
                    + Html.count(t.objects())
                    + " objects, "
                    + Html.count(t.occurrences())
                    + " occurrences",
                List.of(new Segment(t.objects(), categoryColor(t.category()), t.category())),
                Html.count(t.objects()) + " objects"));
      }
      h.append(SvgCharts.horizontalBars("Objects per sensitive data type", bars));
      more(h, d.identifierTypes().size(), MAX_TYPES, "types");
    }
    h.append("</section>\n");
  }

  private static void severity(StringBuilder h, ReportData d) {
    h.append("<section id=\"severity\"><h2>Findings by severity over runs</h2>")
        .append("<p class=\"note\">Sensitive data findings of every classification run,")
        .append(" oldest first; archived findings excluded. From findings.</p>");
    legend(
        h,
        List.of(
            new Segment(0, SvgCharts.HIGH, "High"),
            new Segment(0, SvgCharts.MEDIUM, "Medium"),
            new Segment(0, SvgCharts.LOW, "Low")));
    List<RunSeverity> runs = d.severityByRun();
    if (runs.isEmpty()) {
      empty(h, "severity-empty", "No findings in any run.");
    } else {
      List<RunSeverity> shown = runs.subList(Math.max(0, runs.size() - MAX_RUNS), runs.size());
      List<Bar> cols = new ArrayList<>();
      for (RunSeverity r : shown) {
        cols.add(
            new Bar(
                r.runId(),
                r.runId()
                    + (r.startedAt() == null ? "" : " (" + TIME.format(r.startedAt()) + ")")
                    + ": "
                    + r.high()
                    + " High, "
                    + r.medium()
                    + " Medium, "
                    + r.low()
                    + " Low",
                List.of(
                    new Segment(r.high(), SvgCharts.HIGH, "High"),
                    new Segment(r.medium(), SvgCharts.MEDIUM, "Medium"),
                    new Segment(r.low(), SvgCharts.LOW, "Low")),
                Html.count(r.total())));
      }
      h.append(SvgCharts.columns("Findings by severity per run", cols));
    }
    h.append("</section>\n");
  }

  private static void posture(StringBuilder h, ReportData d) {
    h.append("<section id=\"posture\"><h2>Sensitivity versus exposure</h2>")
        .append("<p class=\"note\">Each bucket's sensitivity score against its exposure score")
        .append(" (public access, sharing, encryption); colour is the risk level. From")
        .append(" bucket_risk.</p>");
    if (d.posture().isEmpty()) {
      empty(
          h,
          "posture-empty",
          "No posture yet: bucket_risk has no rows in database "
              + d.database()
              + ". Score the buckets (trawl score) and regenerate this report.");
    } else {
      h.append(SvgCharts.matrix("Buckets by sensitivity and exposure score", d.posture()));
    }
    h.append("</section>\n");
  }

  private static void compliance(StringBuilder h, ReportData d) {
    h.append("<section id=\"compliance\"><h2>Compliance</h2>");
    if (!d.complianceAvailable()) {
      h.append("<p class=\"note\">Status per framework and what to fix first.</p>");
      empty(
          h,
          "compliance-missing",
          "The compliance views (compliance_summary, compliance_violations) do not exist in"
              + " database "
              + d.database()
              + " yet. Create them (trawl export) and regenerate this report.");
      h.append("</section>\n");
      return;
    }
    h.append("<p class=\"note\">Buckets violating each framework out of those evaluated.")
        .append(" From compliance_summary.</p>");
    legend(h, List.of(new Segment(0, SvgCharts.HIGH, "violating"), neutral("compliant")));
    if (d.compliance().isEmpty()) {
      empty(h, "compliance-empty", "No framework was evaluated.");
    } else {
      List<Bar> bars = new ArrayList<>();
      for (ComplianceStatus c : d.compliance()) {
        long ok = Math.max(0, c.bucketsEvaluated() - c.bucketsViolating());
        bars.add(
            new Bar(
                c.framework(),
                c.framework()
                    + ": "
                    + c.status()
                    + ", "
                    + c.bucketsViolating()
                    + " of "
                    + c.bucketsEvaluated()
                    + " buckets violating, "
                    + c.violations()
                    + " violations",
                List.of(
                    new Segment(c.bucketsViolating(), SvgCharts.HIGH, "violating"),
                    new Segment(ok, SvgCharts.NEUTRAL, "compliant")),
                c.bucketsViolating() + " / " + c.bucketsEvaluated() + " buckets"));
      }
      h.append(SvgCharts.horizontalBars("Buckets violating each framework", bars));
      h.append("<table><tr><th>Framework</th><th>Status</th><th>Buckets violating</th>")
          .append("<th>Violations</th><th>Highest severity</th></tr>");
      for (ComplianceStatus c : d.compliance()) {
        boolean compliant = "COMPLIANT".equalsIgnoreCase(c.status());
        h.append("<tr><td>")
            .append(esc(c.framework()))
            .append("</td><td><span class=\"badge\" style=\"background:")
            .append(compliant ? SvgCharts.OK : SvgCharts.HIGH)
            .append("\">")
            .append(esc(c.status()))
            .append("</span></td><td class=\"num\">")
            .append(c.bucketsViolating())
            .append(" / ")
            .append(c.bucketsEvaluated())
            .append("</td><td class=\"num\">")
            .append(Html.count(c.violations()))
            .append("</td><td>")
            .append(esc(c.highestSeverity() == null ? "-" : c.highestSeverity()))
            .append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("<h3>Top remediation items</h3>");
    if (d.remediation().isEmpty()) {
      empty(h, "remediation-empty", "Nothing to remediate.");
    } else {
      h.append("<table><tr><th>Severity</th><th>Framework</th><th>Requirement</th>")
          .append("<th>Where</th><th>Objects</th><th>Remediation</th></tr>");
      for (RemediationItem r : d.remediation()) {
        h.append("<tr><td>");
        badge(h, r.severity());
        h.append("</td><td>")
            .append(esc(r.framework()))
            .append("</td><td>")
            .append(esc(r.requirement()))
            .append("</td><td><code>")
            .append(esc(r.bucket()))
            .append(r.key() == null ? "" : "/" + esc(r.key()))
            .append("</code></td><td class=\"num\">")
            .append(Html.count(r.objects()))
            .append("</td><td>")
            .append(esc(r.remediation()))
            .append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("</section>\n");
  }

  private static void objects(StringBuilder h, ReportData d) {
    h.append("<section id=\"objects\"><h2>Where to look first</h2>")
        .append("<p class=\"note\">The run's objects with the most sensitive data. Samples are")
        .append(" masked; raw values are never stored. From detections.</p>");
    if (d.topObjects().isEmpty()) {
      empty(h, "objects-empty", "No sensitive objects in this run.");
    } else {
      h.append("<table><tr><th>Severity</th><th>Object</th><th>Occurrences</th>")
          .append("<th>Types</th><th>Masked samples</th></tr>");
      for (SensitiveObject o : d.topObjects()) {
        h.append("<tr><td>");
        badge(h, o.severity());
        h.append("</td><td><code>")
            .append(esc(o.bucket()))
            .append('/')
            .append(esc(o.key()))
            .append("</code></td><td class=\"num\">")
            .append(Html.count(o.occurrences()))
            .append("</td><td>")
            .append(esc(String.join(", ", o.types())))
            .append("</td><td><code>")
            .append(esc(String.join("  ", o.maskedSamples())))
            .append("</code></td></tr>");
      }
      h.append("</table>");
    }
    h.append("</section>\n");
  }

  private static void badge(StringBuilder h, String severity) {
    h.append("<span class=\"badge\" style=\"background:")
        .append(SvgCharts.riskColor(severity))
        .append("\">")
        .append(esc(severity == null ? "-" : severity))
        .append("</span>");
  }

  private static void legend(StringBuilder h, List<Segment> keys) {
    h.append("<div class=\"legend\">");
    for (Segment k : keys) {
      h.append("<span><i style=\"background:")
          .append(k.color())
          .append("\"></i>")
          .append(esc(k.name()))
          .append("</span>");
    }
    h.append("</div>");
  }

  private static Segment neutral(String name) {
    return new Segment(0, SvgCharts.NEUTRAL, name);
  }

  private static void empty(StringBuilder h, String id, String message) {
    h.append("<div class=\"empty\" id=\"")
        .append(id)
        .append("\">")
        .append(esc(message))
        .append("</div>");
  }

  private static void more(StringBuilder h, int total, int shown, String what) {
    if (total > shown) {
      h.append("<p class=\"note\">Showing ")
          .append(shown)
          .append(" of ")
          .append(total)
          .append(' ')
          .append(what)
          .append(".</p>");
    }
  }

  /** Colour of a Macie sensitive data category. */
  static String categoryColor(String category) {
    if (category == null) {
      return "#78909c";
    }
    return switch (category) {
      case "FINANCIAL_INFORMATION" -> "#1e88e5";
      case "PERSONAL_INFORMATION" -> "#8e24aa";
      case "CREDENTIALS" -> "#c62828";
      case "CUSTOM_IDENTIFIER" -> "#00897b";
      default -> "#78909c";
    };
  }
}
