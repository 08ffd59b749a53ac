package io.trawl.jobs.report;

import static io.trawl.jobs.report.Html.esc;
import static io.trawl.jobs.report.Html.num;

import io.trawl.jobs.report.ReportData.PosturePoint;
import java.util.List;

/**
 * Inline SVG charts drawn in Java, so the report needs no charting library and no network. Every
 * chart is an {@code <svg class="chart">} with an accessible label; every mark has a {@code
 * <title>} tooltip with the exact figures, so labels can be shortened without losing information.
 */
final class SvgCharts {
  /** Colours of Macie's severities, also used for risk levels. */
  static final String HIGH = "#c0392b";

  static final String MEDIUM = "#e67e22";
  static final String LOW = "#f4c430";
  static final String NEUTRAL = "#cfd8dc";
  static final String OK = "#27ae60";

  private static final int WIDTH = 760;
  private static final int LABEL_WIDTH = 250;
  private static final int VALUE_WIDTH = 170;
  private static final int ROW = 24;

  private SvgCharts() {}

  /**
   * A part of a bar.
   *
   * @param value its length in the chart's unit
   * @param color fill colour
   * @param name what it is, for the tooltip
   */
  record Segment(double value, String color, String name) {}

  /**
   * One bar (or column) made of stacked segments.
   *
   * @param label axis label (user data, escaped here)
   * @param tooltip full description shown on hover
   * @param segments stacked parts, drawn in order
   * @param valueText the figure printed next to the bar
   */
  record Bar(String label, String tooltip, List<Segment> segments, String valueText) {
    double total() {
      return segments.stream().mapToDouble(Segment::value).sum();
    }
  }

  /** A horizontal bar chart, one row per bar, scaled to the longest bar. */
  static String horizontalBars(String ariaLabel, List<Bar> bars) {
    double max = bars.stream().mapToDouble(Bar::total).max().orElse(0);
    int height = Math.max(1, bars.size()) * ROW + 8;
    int barArea = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    StringBuilder s = open(ariaLabel, WIDTH, height);
    int y = 4;
    for (Bar bar : bars) {
      s.append("<g><title>").append(esc(bar.tooltip())).append("</title>");
      s.append(text(LABEL_WIDTH - 8, y + 16, "end", Html.shorten(bar.label(), 30), "label"));
      double x = LABEL_WIDTH;
      for (Segment seg : bar.segments()) {
        double w = max <= 0 ? 0 : seg.value() / max * barArea;
        // A non-zero value stays visible even next to a much larger one.
        if (seg.value() > 0 && w < 2) {
          w = 2;
        }
        if (w > 0) {
          s.append(rect(x, y + 3, w, ROW - 6, seg.color()));
          x += w;
        }
      }
      s.append(text((int) x + 6, y + 16, "start", bar.valueText(), "value"));
      s.append("</g>");
      y += ROW;
    }
    // The axis line keeps an all-zero chart from being an empty box.
    s.append(line(LABEL_WIDTH, 2, LABEL_WIDTH, height - 2, "#90a4ae"));
    return s.append("</svg>").toString();
  }

  /** Vertical stacked columns, e.g. findings by severity for each run, oldest on the left. */
  static String columns(String ariaLabel, List<Bar> columns) {
    int height = 260;
    int top = 20;
    int bottom = 60;
    int left = 50;
    int plot = height - top - bottom;
    double max = columns.stream().mapToDouble(Bar::total).max().orElse(0);
    double step = Math.max(1, niceStep(max));
    double axisMax = Math.max(step, Math.ceil(max / step) * step);
    StringBuilder s = open(ariaLabel, WIDTH, height);
    for (double v = 0; v <= axisMax + 1e-9; v += step) {
      double y = top + plot - v / axisMax * plot;
      s.append(line(left, y, WIDTH - 10, y, "#eceff1"));
      s.append(text(left - 6, (int) y + 4, "end", Html.count((long) v), "tick"));
    }
    int n = Math.max(1, columns.size());
    double slot = (WIDTH - left - 10.0) / n;
    double w = Math.min(48, slot * 0.7);
    for (int i = 0; i < columns.size(); i++) {
      Bar c = columns.get(i);
      double x = left + i * slot + (slot - w) / 2;
      double y = top + plot;
      s.append("<g><title>").append(esc(c.tooltip())).append("</title>");
      for (Segment seg : c.segments()) {
        double h = seg.value() / axisMax * plot;
        if (h > 0) {
          y -= h;
          s.append(rect(x, y, w, h, seg.color()));
        }
      }
      s.append(text((int) (x + w / 2), (int) y - 4, "middle", c.valueText(), "value"));
      s.append(
          text(
              (int) (x + w / 2),
              top + plot + 16,
              "middle",
              Html.shorten(c.label(), Math.max(6, (int) (slot / 7))),
              "label"));
      s.append("</g>");
    }
    s.append(line(left, top + plot, WIDTH - 10, top + plot, "#90a4ae"));
    return s.append("</svg>").toString();
  }

  /**
   * The sensitivity-versus-exposure matrix: sensitivity score across, exposure score up, the
   * top-right quadrant (sensitive and exposed) shaded as the one to fix first.
   */
  static String matrix(String ariaLabel, List<PosturePoint> points) {
    int size = 420;
    int left = 50;
    int top = 16;
    int plot = size - 70;
    StringBuilder s = open(ariaLabel, WIDTH, size);
    double half = plot / 2.0;
    s.append(rect(left, top + half, half, half, "#f1f8e9"));
    s.append(rect(left + half, top + half, half, half, "#fff8e1"));
    s.append(rect(left, top, half, half, "#fff8e1"));
    s.append(rect(left + half, top, half, half, "#fdecea"));
    s.append(text((int) (left + plot - 6), top + 16, "end", "sensitive and exposed", "quad"));
    s.append(text(left + 6, top + plot - 8, "start", "neither", "quad"));
    s.append(line(left, top + plot, left + plot, top + plot, "#90a4ae"));
    s.append(line(left, top, left, top + plot, "#90a4ae"));
    for (int v = 0; v <= 100; v += 25) {
      double x = left + v / 100.0 * plot;
      double y = top + plot - v / 100.0 * plot;
      s.append(text((int) x, top + plot + 16, "middle", String.valueOf(v), "tick"));
      s.append(text(left - 6, (int) y + 4, "end", String.valueOf(v), "tick"));
    }
    s.append(text(left + plot / 2, top + plot + 36, "middle", "sensitivity score (Macie)", "axis"));
    s.append("<text class=\"axis\" text-anchor=\"middle\" transform=\"translate(14,")
        .append(top + plot / 2)
        .append(") rotate(-90)\">exposure score</text>");
    for (PosturePoint p : points) {
      // -1 (classification errors only) is drawn at 0: it says nothing about sensitivity.
      double sx = Math.max(0, Math.min(100, p.sensitivityScore()));
      double ex = Math.max(0, Math.min(100, p.exposureScore()));
      double x = left + sx / 100 * plot;
      double y = top + plot - ex / 100 * plot;
      String tip =
          p.bucket()
              + ": sensitivity "
              + p.sensitivityScore()
              + ", exposure "
              + p.exposureScore()
              + (p.riskLevel() == null ? "" : ", risk " + p.riskLevel())
              + (p.riskScore() == null ? "" : " (" + p.riskScore() + ")");
      s.append("<g><title>").append(esc(tip)).append("</title>");
      s.append("<circle cx=\"")
          .append(num(x))
          .append("\" cy=\"")
          .append(num(y))
          .append("\" r=\"7\" fill=\"")
          .append(riskColor(p.riskLevel()))
          .append("\" stroke=\"#37474f\" stroke-width=\"1\"/>");
      s.append(text((int) x + 10, (int) y + 4, "start", Html.shorten(p.bucket(), 24), "label"));
      s.append("</g>");
    }
    // A key of the colours, to the right of the plot.
    int ky = top + 10;
    for (String level : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")) {
      s.append(rect(left + plot + 150, ky, 12, 12, riskColor(level)));
      s.append(text(left + plot + 168, ky + 11, "start", level, "tick"));
      ky += 20;
    }
    return s.append("</svg>").toString();
  }

  /** Fill of a risk level or severity (any case). */
  static String riskColor(String level) {
    if (level == null) {
      return NEUTRAL;
    }
    return switch (level.toUpperCase(java.util.Locale.ROOT)) {
      case "CRITICAL" -> "#7b1fa2";
      case "HIGH" -> HIGH;
      case "MEDIUM" -> MEDIUM;
      case "LOW" -> LOW;
      default -> NEUTRAL;
    };
  }

  private static double niceStep(double max) {
    if (max <= 5) {
      return 1;
    }
    double raw = max / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * mag >= raw) {
        return m * mag;
      }
    }
    return 10 * mag;
  }

  private static StringBuilder open(String ariaLabel, int w, int h) {
    return new StringBuilder(4096)
        .append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\" aria-label=\"")
        .append(esc(ariaLabel))
        .append("\">");
  }

  private static String rect(double x, double y, double w, double h, String fill) {
    return "<rect x=\""
        + num(x)
        + "\" y=\""
        + num(y)
        + "\" width=\""
        + num(w)
        + "\" height=\""
        + num(h)
        + "\" fill=\""
        + fill
        + "\"/>";
  }

  private static String line(double x1, double y1, double x2, double y2, String stroke) {
    return "<line x1=\""
        + num(x1)
        + "\" y1=\""
        + num(y1)
        + "\" x2=\""
        + num(x2)
        + "\" y2=\""
        + num(y2)
        + "\" stroke=\""
        + stroke
        + "\"/>";
  }

  private static String text(int x, int y, String anchor, String content, String cls) {
    return "<text x=\""
        + x
        + "\" y=\""
        + y
        + "\" text-anchor=\""
        + anchor
        + "\" class=\""
        + cls
        + "\">"
        + esc(content)
        + "</text>";
  }
}
