package dev.userops.examples.report;

import dev.userops.core.summary.OrderSummary;
import dev.userops.retention.active.ActiveUsers;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.repurchase.RepurchaseResult.CurvePoint;
import dev.userops.retention.repurchase.RepurchaseResult;
import dev.userops.segmentation.dimensions.LifecycleStage;
import dev.userops.segmentation.dimensions.ValueTiers;
import dev.userops.segmentation.rfm.RfmSegments.SegmentSize;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML form of {@link ReportFigures}: one self-contained page, inline CSS and SVG, no scripts,
 * fonts or images fetched from anywhere, so it opens offline and can be mailed as one file.
 *
 * <p>Every drawn figure carries its numbers as {@code data-*} attributes (cohort, column, count,
 * rate; segment, users, revenue; ...) so tests can check that what is drawn is what was computed,
 * and {@code <title>} tooltips for readers. Immature retention cells are hatched grey, never a
 * colour of the rate scale, so "not yet known" cannot be mistaken for 0%.
 */
public final class HtmlReport {
  /** Retention rate 0 of the colour scale, and its top. */
  private static final int[] LOW = {0xee, 0xf4, 0xfb};
  private static final int[] HIGH = {0x0b, 0x3c, 0x7a};
  private static final String ACCENT = "#e8710a";

  private final ReportFigures figures;
  private final StringBuilder html = new StringBuilder(1 << 16);

  private HtmlReport(ReportFigures figures) {
    this.figures = figures;
  }

  public static String render(ReportFigures figures) {
    HtmlReport report = new HtmlReport(figures);
    report.page();
    return report.html.toString();
  }

  private void page() {
    ReportFigures.Source source = figures.source();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>UserOps report: ").append(escape(source.orders())).append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
    html.append("<header><h1>User base report</h1><p class=\"meta\">").append(escape(source.orders()))
        .append(source.events() == null ? "" : " + " + escape(source.events()))
        .append(" &middot; zone ").append(escape(figures.zone().getId()))
        .append(" &middot; as of ").append(figures.asOf()).append("</p></header>\n");
    kpis();
    retention();
    segments();
    repurchaseCurve();
    ordersPerUser();
    lifecycleAndValue();
    ValueHtml.append(html, figures.value(), figures.source().fractionDigits());
    active();
    definitions();
    html.append("</main>\n</body>\n</html>\n");
  }

  // ---------------------------------------------------------------- key figures

  private void kpis() {
    OrderSummary s = figures.summary();
    RepurchaseResult.Rate pooled = figures.repurchase().pooled();
    html.append("<section id=\"kpis\" class=\"kpis\">\n");
    kpi("users", "users with orders", s.users(), Reports.count(s.users()));
    kpi("orders", "valid orders", s.orders(), Reports.count(s.orders()));
    kpi("revenue", "revenue", s.revenueMinor(), money(s.revenueMinor()));
    kpi("average-order", "average order", s.orders() == 0 ? 0 : s.revenueMinor() / s.orders(),
        s.orders() == 0 ? "-" : money(s.revenueMinor() / s.orders()));
    kpi("repeat-users", "users with 2+ orders", s.usersWithAtLeast(2), Reports.percent(s.usersWithAtLeast(2), s.users()));
    kpi("repurchase", figures.repurchase().windowDays() + "-day repurchase", pooled.repurchasers(),
        Reports.percent(pooled.repurchasers(), pooled.eligible()));
    html.append("</section>\n");
  }

  private void kpi(String key, String label, long value, String text) {
    html.append("<div class=\"kpi\" data-kpi=\"").append(key).append("\" data-value=\"").append(value)
        .append("\"><div class=\"value\">").append(escape(text)).append("</div><div class=\"label\">")
        .append(escape(label)).append("</div></div>\n");
  }

  // ---------------------------------------------------------------- retention heatmap

  private static final int CELL_W = 48;
  private static final int CELL_H = 24;
  private static final int LABEL_W = 74;
  private static final int SIZE_W = 72;
  private static final int HEAD_H = 28;

  private void retention() {
    RetentionMatrix matrix = figures.retention();
    List<RetentionMatrix.Cohort> cohorts = matrix.cohorts();
    int columns = matrix.columns().size();
    double top = 0;
    for (RetentionMatrix.Cohort cohort : cohorts) {
      for (int j = 1; j < cohort.rates().size(); j++) {
        Double rate = cohort.rates().get(j);
        top = rate == null ? top : Math.max(top, rate);
      }
    }
    double scaleTop = top > 0 ? top : 1;
    html.append("<section id=\"retention\"><h2>Monthly cohort retention</h2>\n<p class=\"note\">Users by the"
        + " month of their first valid order; column <i>k</i> is the share of them with a valid order in calendar"
        + " month <i>k</i> after it. Hatched cells: month not yet over at as-of, so unknown (not 0%). Mean:"
        + " pooled over complete cells.</p>\n");
    int width = LABEL_W + SIZE_W + columns * CELL_W + 2;
    int height = HEAD_H + (cohorts.size() + 1) * CELL_H + 2;
    html.append("<div class=\"scroll\"><svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"retention heatmap\">\n")
        .append("<defs><pattern id=\"immature\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
            + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f4f4f4\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c8c8c8\" stroke-width=\"3\"/></pattern></defs>\n");
    text(LABEL_W - 6, HEAD_H - 9, "end", "head", "cohort");
    text(LABEL_W + SIZE_W - 6, HEAD_H - 9, "end", "head", "buyers");
    for (int j = 0; j < columns; j++) {
      text(LABEL_W + SIZE_W + j * CELL_W + CELL_W / 2, HEAD_H - 9, "middle", "head", matrix.columns().get(j).label());
    }
    int y = HEAD_H;
    for (RetentionMatrix.Cohort cohort : cohorts) {
      String start = cohort.start().toString();
      text(LABEL_W - 6, y + 16, "end", "label", YearMonth.from(cohort.start()).toString());
      html.append("<g class=\"cell size\" data-cohort=\"").append(start).append("\" data-column=\"0\" data-count=\"")
          .append(cohort.size()).append("\">");
      text(LABEL_W + SIZE_W - 6, y + 16, "end", "label", Reports.count(cohort.size()));
      html.append("</g>\n");
      for (int j = 1; j <= columns; j++) {
        cell(start, j, cohort.counts().get(j), cohort.rates().get(j), cohort.size(), y, scaleTop);
      }
      y += CELL_H;
    }
    text(LABEL_W - 6, y + 16, "end", "label mean", "mean");
    RetentionMatrix.Mean mean = matrix.mean();
    for (int j = 1; j <= columns; j++) {
      cell("mean", j, mean.rates().get(j) == null ? null : mean.counts().get(j), mean.rates().get(j),
          mean.eligible().get(j), y, scaleTop);
    }
    html.append("</svg></div>\n");
    legend(top);
    html.append("</section>\n");
  }

  /**
   * One heatmap cell. A {@code null} count is immature (hatched); a complete cell of a cohort
   * without buyers has a count of 0 and no rate, and is drawn blank, not hatched.
   */
  private void cell(String cohort, int column, Long count, Double rate, long of, int y, double scaleTop) {
    int x = LABEL_W + SIZE_W + (column - 1) * CELL_W;
    html.append("<g class=\"cell ").append(count == null ? "immature" : "mature").append("\" data-cohort=\"")
        .append(cohort).append("\" data-column=\"").append(column).append('"');
    if (count != null) {
      html.append(" data-count=\"").append(count).append('"');
    }
    if (rate != null) {
      html.append(" data-rate=\"").append(rate).append('"');
    }
    html.append('>');
    html.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(CELL_W - 2)
        .append("\" height=\"").append(CELL_H - 2).append("\" fill=\"");
    if (count == null) {
      html.append("url(#immature)\"/><title>").append(escape(cohort)).append(", month ").append(column)
          .append(": not yet complete</title>");
    } else if (rate == null) {
      html.append("#ffffff\" stroke=\"#e3e8ef\"/>");
      text(x + (CELL_W - 2) / 2, y + 16, "middle", "light", "-");
      html.append("<title>").append(escape(cohort)).append(", month ").append(column).append(": no buyers</title>");
    } else {
      double t = Math.min(1, rate / scaleTop);
      html.append(colour(t)).append("\"/>");
      text(x + (CELL_W - 2) / 2, y + 16, "middle", t > 0.55 ? "dark" : "light", percentNumber(rate));
      html.append("<title>").append(escape(cohort)).append(", month ").append(column).append(": ")
          .append(Reports.count(count)).append(" of ").append(Reports.count(of)).append("</title>");
    }
    html.append("</g>\n");
  }

  private void legend(double top) {
    html.append("<div class=\"legend\"><span class=\"ramp\" style=\"background:linear-gradient(to right,")
        .append(colour(0)).append(',').append(colour(1)).append(")\"></span> 0% &ndash; ")
        .append(percentNumber(top)).append("% <span class=\"swatch hatched\"></span> not yet complete</div>\n");
  }

  private static String colour(double t) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", mix(0, t), mix(1, t), mix(2, t));
  }

  private static int mix(int channel, double t) {
    return (int) Math.round(LOW[channel] + (HIGH[channel] - LOW[channel]) * t);
  }

  // ---------------------------------------------------------------- segments

  private static final int BAR_W = 360;

  private void segments() {
    List<SegmentSize> segments = figures.segments();
    long users = segments.stream().mapToLong(SegmentSize::users).sum();
    long revenue = segments.stream().mapToLong(SegmentSize::revenueMinor).sum();
    html.append("<section id=\"segments\"><h2>RFM segments</h2>\n<p class=\"note\">Recency, frequency and"
        + " monetary value scored 1&ndash;5 by quintile, segments of the R <code>rfm</code> package vignette."
        + " Bars: <span class=\"key users\"></span> share of users, <span class=\"key revenue\"></span> share of"
        + " revenue.</p>\n");
    int row = 40;
    int height = segments.size() * row + 8;
    html.append("<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(180 + BAR_W + 170)
        .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"segment chart\">\n");
    int y = 4;
    for (SegmentSize segment : segments) {
      double userShare = users == 0 ? 0 : (double) segment.users() / users;
      double revenueShare = revenue == 0 ? 0 : (double) segment.revenueMinor() / revenue;
      html.append("<g class=\"segment\" data-segment=\"").append(escape(segment.name())).append("\" data-users=\"")
          .append(segment.users()).append("\" data-revenue-minor=\"").append(segment.revenueMinor()).append("\">");
      text(172, y + 22, "end", "label", segment.name());
      bar("users", 180, y + 3, userShare, Reports.count(segment.users()) + " users ("
          + Reports.percent(segment.users(), users) + ")");
      bar("revenue", 180, y + 19, revenueShare, money(segment.revenueMinor()) + " ("
          + Reports.percent(segment.revenueMinor(), revenue) + " of revenue)");
      html.append("<title>").append(escape(segment.name())).append(": ").append(Reports.count(segment.users()))
          .append(" users, ").append(money(segment.revenueMinor())).append("</title></g>\n");
      y += row;
    }
    html.append("</svg>\n</section>\n");
  }

  /** A bar of {@code share} of {@link #BAR_W}, labelled after its end. */
  private void bar(String kind, int x, int y, double share, String label) {
    double width = share * BAR_W;
    html.append("<rect class=\"bar ").append(kind).append("\" x=\"").append(x).append("\" y=\"").append(y)
        .append("\" width=\"").append(format(width)).append("\" height=\"14\"/>");
    text((int) Math.ceil(x + width) + 6, y + 12, "start", "value", label);
  }

  // ---------------------------------------------------------------- repurchase curve

  private static final int PLOT_W = 560;
  private static final int PLOT_H = 260;
  private static final int PLOT_LEFT = 52;
  private static final int PLOT_TOP = 14;
  private static final int MAX_COHORT_KEYS = 12;

  private void repurchaseCurve() {
    RepurchaseResult repurchase = figures.repurchase();
    Map<LocalDate, List<CurvePoint>> byCohort = new LinkedHashMap<>();
    List<Integer> days = new ArrayList<>();
    for (CurvePoint point : repurchase.curve()) {
      byCohort.computeIfAbsent(point.cohortStart(), c -> new ArrayList<>()).add(point);
      if (!days.contains(point.days())) {
        days.add(point.days());
      }
    }
    html.append("<section id=\"repurchase\"><h2>Repurchase curve by cohort</h2>\n<p class=\"note\">Share of"
        + " a month's first buyers with a second valid order within <i>d</i> days of their first, counted once"
        + " <i>d</i> days have passed for them (so young cohorts stop early).</p>\n");
    if (days.isEmpty()) {
      html.append("<p>No first buyers.</p></section>\n");
      return;
    }
    long[] mature = new long[days.size()];
    long[] repurchasers = new long[days.size()];
    double top = 0;
    for (CurvePoint point : repurchase.curve()) {
      int k = days.indexOf(point.days());
      mature[k] += point.mature();
      repurchasers[k] += point.repurchasers();
      top = Math.max(top, point.rate().orElse(0));
    }
    double yTop = Math.max(0.05, Math.ceil(top * 20) / 20);
    html.append("<svg class=\"curve-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(PLOT_LEFT + PLOT_W + 30).append("\" height=\"").append(PLOT_TOP + PLOT_H + 40)
        .append("\" role=\"img\" aria-label=\"repurchase curve\">\n");
    for (int tick = 0; tick <= 4; tick++) {
      double rate = yTop * tick / 4;
      int y = plotY(rate, yTop);
      html.append("<line class=\"grid\" x1=\"").append(PLOT_LEFT).append("\" x2=\"").append(PLOT_LEFT + PLOT_W)
          .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>");
      text(PLOT_LEFT - 6, y + 4, "end", "axis", percentNumber(rate) + "%");
    }
    for (int k = 0; k < days.size(); k++) {
      text(plotX(k, days.size()), PLOT_TOP + PLOT_H + 18, "middle", "axis", days.get(k) + "d");
    }
    text(PLOT_LEFT + PLOT_W / 2, PLOT_TOP + PLOT_H + 36, "middle", "axis", "days since first order");
    int cohortIndex = 0;
    for (Map.Entry<LocalDate, List<CurvePoint>> cohort : byCohort.entrySet()) {
      curve("cohort", cohort.getKey().toString(), cohortColour(cohortIndex++, byCohort.size()), cohort.getValue(),
          days, yTop);
    }
    // Pooled points carry the first cohort's start only because CurvePoint needs one; it is not drawn.
    List<CurvePoint> pooled = new ArrayList<>();
    for (int k = 0; k < days.size(); k++) {
      pooled.add(new CurvePoint(repurchase.curve().get(0).cohortStart(), days.get(k), mature[k], repurchasers[k]));
    }
    curve("pooled", "all", ACCENT, pooled, days, yTop);
    html.append("</svg>\n");
    cohortLegend(new ArrayList<>(byCohort.keySet()));
    html.append("</section>\n");
  }

  /** Each cohort's colour while they can be told apart, else the ends of the ramp. */
  private void cohortLegend(List<LocalDate> cohorts) {
    html.append("<div class=\"legend\">");
    if (cohorts.size() <= MAX_COHORT_KEYS) {
      for (int i = 0; i < cohorts.size(); i++) {
        html.append("<span class=\"key\" style=\"background:").append(cohortColour(i, cohorts.size()))
            .append("\"></span> ").append(YearMonth.from(cohorts.get(i))).append(" &nbsp;");
      }
    } else {
      html.append("<span class=\"key\" style=\"background:").append(cohortColour(0, cohorts.size()))
          .append("\"></span> ").append(YearMonth.from(cohorts.get(0))).append(" &hellip; <span class=\"key\" style=\"")
          .append("background:").append(cohortColour(cohorts.size() - 1, cohorts.size())).append("\"></span> ")
          .append(YearMonth.from(cohorts.get(cohorts.size() - 1)));
    }
    html.append(" &nbsp;<span class=\"key pooled\"></span> all cohorts</div>\n");
  }

  private static String cohortColour(int index, int cohorts) {
    return colour(cohorts == 1 ? 1 : 0.25 + 0.75 * index / (cohorts - 1));
  }

  private void curve(String kind, String cohort, String stroke, List<CurvePoint> points, List<Integer> days,
      double yTop) {
    html.append("<g class=\"curve ").append(kind).append("\" data-cohort=\"").append(cohort).append("\"><title>")
        .append(kind.equals("pooled") ? "all cohorts" : escape(cohort)).append("</title>");
    StringBuilder line = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (CurvePoint point : points) {
      if (point.rate().isEmpty()) {
        continue;
      }
      double rate = point.rate().getAsDouble();
      int x = plotX(days.indexOf(point.days()), days.size());
      int y = plotY(rate, yTop);
      line.append(line.length() == 0 ? "" : " ").append(x).append(',').append(y);
      dots.append("<circle class=\"point\" cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"")
          .append(kind.equals("pooled") ? 3.5 : 2.5).append("\" fill=\"").append(stroke).append("\" data-days=\"")
          .append(point.days()).append("\" data-mature=\"").append(point.mature()).append("\" data-repurchasers=\"")
          .append(point.repurchasers()).append("\" data-rate=\"").append(rate).append("\"><title>")
          .append(escape(cohort)).append(", ").append(point.days()).append(" days: ")
          .append(Reports.count(point.repurchasers())).append(" of ").append(Reports.count(point.mature()))
          .append("</title></circle>");
    }
    html.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(kind.equals("pooled") ? 3 : 1.5).append("\" points=\"").append(line).append("\"/>")
        .append(dots).append("</g>\n");
  }

  private static int plotX(int k, int count) {
    return PLOT_LEFT + (count == 1 ? PLOT_W / 2 : k * PLOT_W / (count - 1));
  }

  private static int plotY(double rate, double yTop) {
    return PLOT_TOP + (int) Math.round(PLOT_H * (1 - rate / yTop));
  }

  // ---------------------------------------------------------------- orders per user

  private void ordersPerUser() {
    OrderSummary summary = figures.summary();
    List<OrdersPerUser.Bucket> buckets = OrdersPerUser.of(summary);
    long most = buckets.stream().mapToLong(OrdersPerUser.Bucket::users).max().orElse(0);
    html.append("<section id=\"orders-per-user\"><h2>Orders per user</h2>\n<p class=\"note\">Users by their"
        + " number of valid orders up to as-of.</p>\n");
    int slot = 64;
    int height = 180;
    html.append("<svg class=\"columns\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(Math.max(1, buckets.size()) * slot + 20).append("\" height=\"").append(height + 44)
        .append("\" role=\"img\" aria-label=\"orders per user\">\n");
    int x = 10;
    for (OrdersPerUser.Bucket bucket : buckets) {
      double h = most == 0 ? 0 : (double) height * bucket.users() / most;
      html.append("<g class=\"bucket\" data-bucket=\"").append(bucket.label()).append("\" data-users=\"")
          .append(bucket.users()).append("\"><rect class=\"bar users\" x=\"").append(x + 8).append("\" y=\"")
          .append(format(20 + height - h)).append("\" width=\"").append(slot - 16).append("\" height=\"")
          .append(format(h)).append("\"/>");
      text(x + slot / 2, (int) (20 + height - h) - 5, "middle", "value", Reports.percent(bucket.users(), summary.users()));
      text(x + slot / 2, 20 + height + 16, "middle", "axis", bucket.label());
      html.append("<title>").append(bucket.label()).append(" orders: ").append(Reports.count(bucket.users()))
          .append(" users</title></g>\n");
      x += slot;
    }
    text(10 + buckets.size() * slot / 2, 20 + height + 36, "middle", "axis", "valid orders per user");
    html.append("</svg>\n</section>\n");
  }

  // ---------------------------------------------------------------- lifecycle, value tier, active users

  private void lifecycleAndValue() {
    ReportFigures.Lifecycle lifecycle = figures.lifecycle();
    long users = lifecycle.users().values().stream().mapToLong(Long::longValue).sum();
    html.append("<section id=\"lifecycle\" class=\"pair\"><div><h2>Lifecycle at as-of</h2>\n<table>\n"
        + "<tr><th>stage</th><th>users</th><th>share</th></tr>\n");
    for (Map.Entry<LifecycleStage, Long> stage : lifecycle.users().entrySet()) {
      html.append("<tr data-stage=\"").append(stage.getKey().name()).append("\" data-users=\"")
          .append(stage.getValue()).append("\"><td>").append(stage.getKey().name().toLowerCase(Locale.ROOT))
          .append("</td><td class=\"n\">").append(Reports.count(stage.getValue())).append("</td><td class=\"n\">")
          .append(Reports.percent(stage.getValue(), users)).append("</td></tr>\n");
    }
    ValueTiers.Tier tier = figures.valueTier();
    html.append("</table></div>\n<div id=\"value-tier\" data-top-users=\"").append(tier.topUsers())
        .append("\" data-top-revenue-minor=\"").append(tier.topRevenueMinor()).append("\" data-buyers=\"")
        .append(tier.buyers()).append("\"><h2>Value tier</h2>\n<p class=\"big\">")
        .append(Reports.percent(tier.topUsers(), tier.buyers())).append(" of buyers</p><p>")
        .append(Reports.count(tier.topUsers())).append(" top spenders bring ").append(money(tier.topRevenueMinor()))
        .append(", ").append(Reports.percent(tier.topRevenueMinor(), tier.revenueMinor()))
        .append(" of revenue (the fewest users covering ")
        .append(String.format(Locale.ROOT, "%.0f%%", 100 * tier.revenueShare())).append(").</p></div>\n</section>\n");
  }

  private void active() {
    ActiveUsers active = figures.active();
    if (active == null || active.days().isEmpty()) {
      return;
    }
    html.append("<section id=\"active\"><h2>Active users</h2>\n<table>\n<tr><th>day</th><th>DAU</th>"
        + "<th>WAU (7 days)</th><th>MAU (30 days)</th><th>DAU/MAU</th></tr>\n");
    for (ActiveUsers.Day day : active.days()) {
      html.append("<tr data-day=\"").append(day.date()).append("\" data-dau=\"").append(day.dau())
          .append("\"><td>").append(day.date()).append("</td><td class=\"n\">").append(Reports.count(day.dau()))
          .append("</td><td class=\"n\">").append(Reports.count(day.wau())).append("</td><td class=\"n\">")
          .append(Reports.count(day.mau())).append("</td><td class=\"n\">")
          .append(Reports.percent(day.dau(), day.mau())).append("</td></tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  // ---------------------------------------------------------------- definitions

  private void definitions() {
    ReportFigures.Source source = figures.source();
    ReportFigures.Lifecycle lifecycle = figures.lifecycle();
    html.append("<section id=\"definitions\"><h2>Definitions</h2>\n<dl>\n");
    definition("zone", escape(figures.zone().getId()) + ": every date, day, month and cohort is local to it.");
    definition("as of", figures.asOf() + (source.asOfRule().isGiven()
        ? "." : " (" + source.asOfRule().rule() + ").")
        + " Nothing after it counts; a day or month is complete once its last millisecond is at or before it.");
    definition("valid order", "An order with status paid, amount &ge; 0 and time at or before as-of, at its"
        + " amount. Cancelled and refunded orders are not valid orders.");
    definition("bad records", (source.badRecords().name().equals("REJECT") ? "Rejected" : "Skipped and counted")
        + ": negative amounts, times before 1970 or after as-of, repeated order ids. Skipped: "
        + (figures.diagnostics().skipped().isEmpty() ? "none" : escape(figures.diagnostics().skipped().toString()))
        + ".");
    definition("RFM", "Recency: calendar days from the last valid order to as-of; frequency: valid orders;"
        + " monetary: their total. Each scored 1&ndash;5 by quintile, ties sharing a score.");
    definition("retention", "First-time monthly cohorts by first valid order; a return is a valid order in a"
        + " later calendar month. The mean row is pooled: returned / cohort sizes over complete cells.");
    definition(figures.repurchase().windowDays() + "-day repurchase", "A second valid order on local days"
        + " d0+1 .. d0+" + figures.repurchase().windowDays() + " after the first order's day d0, over first buyers"
        + " whose window is over. Next-month: buyers of a month who also bought the next, once it is over.");
    definition("lifecycle", "Activity: " + escape(lifecycle.basis()) + ". New: first seen fewer than "
        + lifecycle.rules().newDays() + " days ago; lost: inactive " + lifecycle.rules().lostDays()
        + "+ days; silent: " + lifecycle.rules().silentDays() + "+ days; returning: active after a gap of "
        + lifecycle.rules().silentDays() + "+ days; otherwise active.");
    definition("value tier", "The fewest top spenders (by net spend, ties by user id) whose spend covers "
        + String.format(Locale.ROOT, "%.0f%%", 100 * figures.valueTier().revenueShare()) + " of revenue.");
    html.append("</dl>\n<p class=\"note\">Made by <code>userops report</code> from ").append(escape(source.orders()))
        .append(" (").append(Reports.count(source.records())).append(" records).</p>\n</section>\n");
  }

  private void definition(String term, String htmlText) {
    html.append("<dt>").append(escape(term)).append("</dt><dd>").append(htmlText).append("</dd>\n");
  }

  // ---------------------------------------------------------------- helpers

  private void text(int x, int y, String anchor, String cssClass, String content) {
    html.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"").append(anchor)
        .append("\" class=\"").append(cssClass).append("\">").append(escape(content)).append("</text>");
  }

  private String money(long minor) {
    return Reports.money(minor, figures.source().fractionDigits());
  }

  /** A rate as a percentage number with one decimal: 0.1468 → "14.7". */
  public static String percentNumber(double rate) {
    return String.format(Locale.ROOT, "%.1f", 100 * rate);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static final String CSS = """
      :root{--ink:#1d2733;--muted:#5f6b7a;--line:#e3e8ef;--users:#2f6db5;--revenue:#e8710a}
      *{box-sizing:border-box}
      body{margin:0;background:#f6f8fb;color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
      main{max-width:1180px;margin:0 auto;padding:24px}
      header h1{margin:0 0 4px;font-size:26px}
      .meta,.note{color:var(--muted);margin:4px 0 12px}
      section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
      h2{font-size:18px;margin:0 0 6px}
      .kpis{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;background:none;border:0;padding:0}
      .kpi{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
      .kpi .value{font-size:22px;font-weight:600}
      .kpi .label{color:var(--muted);font-size:12px}
      .scroll{overflow-x:auto}
      svg text{font-size:12px;fill:var(--ink)}
      svg text.head{font-weight:600;fill:var(--muted)}
      svg text.dark{fill:#fff}
      svg text.axis,svg text.value{fill:var(--muted);font-size:11px}
      svg text.mean{font-weight:600}
      .bar.users{fill:var(--users)}
      .bar.revenue{fill:var(--revenue)}
      line.grid{stroke:var(--line)}
      .legend{color:var(--muted);font-size:12px;margin-top:6px}
      .ramp{display:inline-block;width:120px;height:10px;vertical-align:middle}
      .swatch{display:inline-block;width:18px;height:12px;vertical-align:middle;margin-left:14px;border:1px solid #ddd}
      .hatched{background:repeating-linear-gradient(45deg,#f4f4f4 0 3px,#c8c8c8 3px 5px)}
      .key{display:inline-block;width:12px;height:10px;vertical-align:middle}
      .key.users{background:var(--users)}.key.revenue{background:var(--revenue)}.key.pooled{background:#e8710a}
      .pair{display:grid;grid-template-columns:1fr 1fr;gap:24px}
      table{border-collapse:collapse}
      th,td{padding:3px 12px 3px 0;text-align:left;border-bottom:1px solid var(--line)}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      .big{font-size:28px;font-weight:600;margin:4px 0}
      dl{display:grid;grid-template-columns:160px 1fr;gap:6px 16px;margin:0}
      dt{font-weight:600}dd{margin:0}
      """;
}
