package dev.userops.examples.report;

import dev.userops.retention.clv.PurchaseCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value section of {@code report.html}: LTV curves by monthly cohort (an SVG line chart, the
 * pooled curve bold), predicted CLV by RFM segment and the CLV distribution by decile. Data
 * attributes carry the drawn numbers, so tests compare them with {@link ValueFigures}.
 */
final class ValueHtml {
  private static final int W = 640;
  private static final int H = 260;
  private static final int LEFT = 70;
  private static final int BOTTOM = 30;
  private static final int TOP = 10;

  private final StringBuilder html;
  private final ValueFigures value;
  private final int fractionDigits;

  private ValueHtml(StringBuilder html, ValueFigures value, int fractionDigits) {
    this.html = html;
    this.value = value;
    this.fractionDigits = fractionDigits;
  }

  /** Appends the section to {@code html}; money in major units of {@code fractionDigits}. */
  static void append(StringBuilder html, ValueFigures value, int fractionDigits) {
    ValueHtml section = new ValueHtml(html, value, fractionDigits);
    html.append("<section id=\"value\"><h2>Customer value</h2>\n<p class=\"note\">Cumulative net revenue per first"
        + " buyer by months since the cohort's first month; thin lines: cohorts, bold: pooled over complete"
        + " months. A month not over at as-of is not drawn.</p>\n");
    section.curves();
    section.prediction();
    html.append("</section>\n");
  }

  private void curves() {
    double top = 1;
    for (ValueFigures.Cohort cohort : value.cohorts()) {
      for (Double v : cohort.revenuePerUser()) {
        top = v == null ? top : Math.max(top, v);
      }
    }
    int months = value.ltvPerUser().size();
    chart("ltv", months, Reports.money(Math.round(top), fractionDigits));
    for (ValueFigures.Cohort cohort : value.cohorts()) {
      polyline("cohort", cohort.start(), cohort.revenuePerUser(), months, top, "#b7c4d8", 1);
    }
    polyline("pooled", "pooled", value.ltvPerUser(), months, top, "#1f4e8c", 3);
    html.append("</svg>\n");
  }

  /** Opens an SVG line chart of {@code points} x positions: its axis, the ticks and the label of its top. */
  private void chart(String cssClass, int points, String topLabel) {
    html.append("<svg class=\"").append(cssClass).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W)
        .append("\" height=\"").append(H).append("\" role=\"img\" aria-label=\"").append(cssClass)
        .append(" chart\">\n");
    html.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(H - BOTTOM).append("\" x2=\"").append(W - 10)
        .append("\" y2=\"").append(H - BOTTOM).append("\" stroke=\"#8a94a6\"/>\n");
    int step = points > 40 ? 13 : 3;
    for (int k = 0; k < points; k += step) {
      html.append("<text x=\"").append(x(k, points)).append("\" y=\"").append(H - 10)
          .append("\" text-anchor=\"middle\" class=\"label\">").append(k).append("</text>");
    }
    html.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 10)
        .append("\" text-anchor=\"end\" class=\"label\">").append(HtmlReport.escape(topLabel)).append("</text>\n");
  }

  private void polyline(String kind, String name, List<Double> values, int months, double top, String colour,
      int width) {
    StringBuilder points = new StringBuilder();
    StringBuilder data = new StringBuilder();
    for (int k = 0; k < values.size() && values.get(k) != null; k++) {
      points.append(x(k, months)).append(',').append(y(values.get(k), top)).append(' ');
      data.append(data.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", values.get(k)));
    }
    if (points.length() > 0) {
      html.append("<polyline class=\"").append(kind).append("\" data-cohort=\"").append(HtmlReport.escape(name))
          .append("\" data-revenue-per-user=\"").append(data).append("\" fill=\"none\" stroke=\"").append(colour)
          .append("\" stroke-width=\"").append(width).append("\" points=\"").append(points.toString().strip())
          .append("\"><title>").append(HtmlReport.escape(name)).append("</title></polyline>\n");
    }
  }

  /** Weekly repeat purchases, actual against the model: how well the fit tracks the data. */
  private void tracking(List<PurchaseCurve.Period> weeks) {
    if (weeks.isEmpty()) {
      return;
    }
    html.append("<h3>Weekly repeat purchases: actual and BG/NBD</h3>\n<p class=\"note\">Repeat purchase days per"
        + " week since the first customer's first purchase; the model's line sums each customer's expected"
        + " purchases from their own first purchase on.</p>\n");
    List<Double> actual = new ArrayList<>();
    List<Double> predicted = new ArrayList<>();
    double top = 1;
    for (PurchaseCurve.Period week : weeks) {
      actual.add((double) week.actualPurchases());
      predicted.add(week.predictedPurchases());
      top = Math.max(top, Math.max(week.actualPurchases(), week.predictedPurchases()));
    }
    chart("tracking", weeks.size(), String.format(Locale.ROOT, "%.0f", top));
    polyline("actual", "actual", actual, weeks.size(), top, "#1f4e8c", 2);
    polyline("predicted", "BG/NBD", predicted, weeks.size(), top, "#d9822b", 2);
    html.append("</svg>\n");
  }

  private static int x(int k, int months) {
    return LEFT + (int) Math.round((double) k * (W - LEFT - 20) / Math.max(1, months - 1));
  }

  private static int y(double v, double top) {
    return H - BOTTOM - (int) Math.round(v / top * (H - BOTTOM - TOP));
  }

  private void prediction() {
    ValueFigures.Prediction prediction = value.prediction();
    if (prediction.unavailable() != null) {
      html.append("<p class=\"note\" id=\"clv-unavailable\">Predicted CLV not available: ")
          .append(HtmlReport.escape(prediction.unavailable())).append("</p>\n");
      return;
    }
    html.append("<h3>Predicted ").append(ValueFigures.MONTHS).append("-month CLV by RFM segment</h3>\n<p class=\"note\">"
        + "BG/NBD for purchases and Gamma-Gamma for spend, fitted to every buyer's history up to the last complete"
        + " day; discounted ").append(HtmlReport.percentNumber(ValueFigures.MONTHLY_DISCOUNT_RATE))
        .append("% a month. BG/NBD counts a buyer who never came back as alive (drop-out follows a purchase).</p>\n")
        .append("<table>\n<tr><th>segment</th><th>buyers</th><th>P(alive)</th><th>mean CLV</th><th>total CLV</th></tr>\n");
    for (ValueFigures.SegmentValue segment : prediction.bySegment()) {
      html.append("<tr data-segment=\"").append(HtmlReport.escape(segment.segment())).append("\" data-clv-minor=\"")
          .append(Math.round(segment.totalClvMinor())).append("\"><td>").append(HtmlReport.escape(segment.segment()))
          .append("</td><td class=\"n\">").append(Reports.count(segment.customers())).append("</td><td class=\"n\">")
          .append(HtmlReport.percentNumber(segment.meanPAlive())).append("%</td><td class=\"n\">")
          .append(Reports.money(Math.round(segment.meanClvMinor()), fractionDigits)).append("</td><td class=\"n\">")
          .append(Reports.money(Math.round(segment.totalClvMinor()), fractionDigits)).append("</td></tr>\n");
    }
    html.append("</table>\n");
    tracking(prediction.weekly());
    html.append("<h3>CLV distribution</h3>\n<table id=\"clv-deciles\">\n<tr><th>decile</th>");
    for (int d = 1; d <= prediction.clvDeciles().size(); d++) {
      html.append("<th>").append(d * 10).append("%</th>");
    }
    html.append("</tr>\n<tr><td>CLV at or below</td>");
    for (double decile : prediction.clvDeciles()) {
      html.append("<td class=\"n\">").append(Reports.money(Math.round(decile), fractionDigits)).append("</td>");
    }
    html.append("</tr>\n</table>\n");
  }
}
