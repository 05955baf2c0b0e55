package dev.userops.examples.report;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.summary.OrderSummary;
import dev.userops.retention.active.ActiveUsers;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.repurchase.RepurchaseResult;
import dev.userops.segmentation.dimensions.LifecycleStage;
import dev.userops.segmentation.dimensions.ValueTiers;
import dev.userops.segmentation.rfm.RfmSegments.SegmentSize;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal form of {@link ReportFigures}: compact, every line at most {@value #WIDTH}
 * characters. The retention triangle shows at most {@value #TRIANGLE_COLUMNS} columns and the
 * latest {@value #TRIANGLE_ROWS} cohorts; report.html has all of them.
 */
public final class TerminalReport {
  public static final int WIDTH = 100;
  static final int TRIANGLE_COLUMNS = 12;
  static final int TRIANGLE_ROWS = 24;

  private final ReportFigures figures;
  private final PrintWriter out;

  private TerminalReport(ReportFigures figures, PrintWriter out) {
    this.figures = figures;
    this.out = out;
  }

  public static void print(ReportFigures figures, PrintWriter out) {
    TerminalReport report = new TerminalReport(figures, out);
    report.header();
    report.userBase();
    report.segments();
    report.retention();
    report.repurchase();
    report.lifecycleAndValue();
    report.value();
    Reports.printSkipped(out, figures.diagnostics());
  }

  private String money(long minor) {
    return Reports.money(minor, figures.source().fractionDigits());
  }

  private void header() {
    ReportFigures.Source source = figures.source();
    out.println("UserOps report: " + source.orders() + (source.events() == null ? "" : " + " + source.events()));
    out.printf("  zone %s, as of %s%s%n", figures.zone().getId(), figures.asOf(),
        source.asOfRule().isGiven() ? "" : " (" + source.asOfRule().rule() + ")");
    out.printf("  bad records %s; valid order: status paid, amount >= 0, at or before as-of%n",
        source.badRecords() == BadRecordPolicy.REJECT ? "rejected" : "skipped and counted");
  }

  private void userBase() {
    OrderSummary s = figures.summary();
    section("User base");
    out.printf("  %-22s %14s   %-22s %14s%n", "users with orders", Reports.count(s.users()), "valid orders",
        Reports.count(s.orders()));
    out.printf("  %-22s %14s   %-22s %14s%n", "revenue", money(s.revenueMinor()), "average order",
        s.orders() == 0 ? "-" : money(s.revenueMinor() / s.orders()));
    out.printf("  %-22s %14s   %-22s %14s%n", "orders per user", String.format(Locale.ROOT, "%.2f",
        s.meanOrdersPerUser()), "users with 2+ orders", Reports.percent(s.usersWithAtLeast(2), s.users()));
    out.printf("  %-22s %14s   %-22s %14s%n", "cancelled orders", Reports.count(s.cancelledOrders()),
        "refunded orders", Reports.count(s.refundedOrders()));
    out.printf("  %-22s %s .. %s%n", "first .. last order", s.firstOrder() == null ? "-" : s.firstOrder(),
        s.lastOrder() == null ? "-" : s.lastOrder());
    StringBuilder distribution = new StringBuilder();
    String label = "users by orders";
    for (OrdersPerUser.Bucket bucket : OrdersPerUser.of(s)) {
      String item = bucket.label() + ": " + Reports.percent(bucket.users(), s.users());
      if (distribution.length() + item.length() + 2 > WIDTH - 26) {
        out.printf("  %-22s %s%n", label, distribution);
        distribution.setLength(0);
        label = "";
      }
      distribution.append(distribution.length() == 0 ? "" : "  ").append(item);
    }
    if (distribution.length() > 0) {
      out.printf("  %-22s %s%n", label, distribution);
    }
  }

  private void segments() {
    section("RFM segments (quintile scores, R rfm vignette segments)");
    long users = figures.segments().stream().mapToLong(SegmentSize::users).sum();
    long revenue = figures.segments().stream().mapToLong(SegmentSize::revenueMinor).sum();
    out.printf("  %-24s %12s %8s %18s %8s%n", "segment", "users", "share", "revenue", "share");
    for (SegmentSize segment : figures.segments()) {
      out.printf("  %-24s %12s %8s %18s %8s%n", segment.name(), Reports.count(segment.users()),
          Reports.percent(segment.users(), users), money(segment.revenueMinor()),
          Reports.percent(segment.revenueMinor(), revenue));
    }
  }

  private void retention() {
    RetentionMatrix matrix = figures.retention();
    int columns = Math.min(TRIANGLE_COLUMNS, matrix.columns().size());
    section("Monthly cohorts: % of first buyers ordering again in month k (blank: month not over)");
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-7s %9s", "cohort", "buyers"));
    for (int j = 0; j < columns; j++) {
      head.append(String.format(Locale.ROOT, " %5s", matrix.columns().get(j).label()));
    }
    out.println(head);
    List<RetentionMatrix.Cohort> cohorts = matrix.cohorts();
    int from = Math.max(0, cohorts.size() - TRIANGLE_ROWS);
    if (from > 0) {
      out.printf("  (%d earlier cohorts in report.html)%n", from);
    }
    for (RetentionMatrix.Cohort cohort : cohorts.subList(from, cohorts.size())) {
      out.println(triangleRow(YearMonth.from(cohort.start()).toString(), Reports.count(cohort.size()),
          cohort.counts(), cohort.rates(), columns));
    }
    out.println(triangleRow("mean", "", null, matrix.mean().rates(), columns));
    out.println("  mean: pooled over complete cells (returned / first buyers).");
  }

  private void value() {
    ValueFigures value = figures.value();
    section("Customer value: cumulative net revenue per first buyer, pooled over complete months");
    StringBuilder ages = new StringBuilder();
    for (int k : new int[] {3, 6, 12}) {
      Double perUser = k < value.ltvPerUser().size() ? value.ltvPerUser().get(k) : null;
      ages.append(String.format(Locale.ROOT, "   month %-2d %14s", k,
          perUser == null ? "-" : money(Math.round(perUser))));
    }
    out.println(" " + ages);
    ValueFigures.Prediction prediction = value.prediction();
    if (prediction.unavailable() != null) {
      out.println("  predicted CLV: not available:");
      out.println("    " + prediction.unavailable());
      return;
    }
    out.printf(Locale.ROOT, "  predicted %d-month CLV by RFM segment, discounted %.0f%% a month%n", ValueFigures.MONTHS,
        100 * ValueFigures.MONTHLY_DISCOUNT_RATE);
    out.printf(Locale.ROOT, "  (BG/NBD r %.3f, alpha %.3f, a %.3f, b %.3f; Gamma-Gamma spend p %.3f, q %.3f)%n",
        prediction.model().get("r"), prediction.model().get("alpha"), prediction.model().get("a"),
        prediction.model().get("b"), prediction.spend().get("p"), prediction.spend().get("q"));
    out.printf("  %-24s %12s %9s %14s %18s%n", "segment", "buyers", "P(alive)", "mean CLV", "total CLV");
    for (ValueFigures.SegmentValue segment : prediction.bySegment()) {
      out.printf(Locale.ROOT, "  %-24s %12s %8.1f%% %14s %18s%n", segment.segment(), Reports.count(segment.customers()),
          100 * segment.meanPAlive(), money(Math.round(segment.meanClvMinor())),
          money(Math.round(segment.totalClvMinor())));
    }
    out.println("  BG/NBD counts a buyer who never came back as alive: drop-out can only follow a purchase.");
  }

  /**
   * A row of rates; where there is none, "-" if the row's {@code counts} show the month is over
   * (a cohort without buyers), else blank (month not over; {@code counts} {@code null}: always).
   */
  private static String triangleRow(String label, String size, List<Long> counts, List<Double> rates, int columns) {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-7s %9s", label, size));
    for (int j = 1; j <= columns; j++) {
      Double rate = rates.get(j);
      if (rate != null) {
        row.append(String.format(Locale.ROOT, " %5.1f", 100 * rate));
      } else {
        row.append(counts == null || counts.get(j) == null ? "      " : "     -");
      }
    }
    return row.toString().stripTrailing();
  }

  private void repurchase() {
    RepurchaseResult r = figures.repurchase();
    section("Repurchase by month");
    RepurchaseResult.Rate pooled = r.pooled();
    out.printf("  %d-day repurchase, pooled: %s of %s mature first buyers (%s)%n", r.windowDays(),
        Reports.count(pooled.repurchasers()), Reports.count(pooled.eligible()),
        Reports.percent(pooled.repurchasers(), pooled.eligible()));
    RepurchaseResult.TimeToSecondOrder time = r.timeToSecondOrder();
    out.printf("  days from first to second order: median %s, p90 %s%n",
        time.medianDays() == null ? "-" : time.medianDays(), time.p90Days() == null ? "-" : time.p90Days());
    Map<LocalDate, RepurchaseResult.Cohort> cohorts = new HashMap<>();
    r.cohorts().forEach(c -> cohorts.put(c.start(), c));
    out.printf("  %-7s %12s %9s %12s %12s %11s%n", "month", "first buyers", r.windowDays() + "-day", "buyers",
        "also next", "next-month");
    for (RepurchaseResult.NextPeriod period : r.nextPeriods()) {
      RepurchaseResult.Cohort cohort = cohorts.get(period.start());
      if (cohort == null && period.buyers() == 0) {
        continue;
      }
      out.printf("  %-7s %12s %9s %12s %12s %11s%n", YearMonth.from(period.start()),
          cohort == null ? "0" : Reports.count(cohort.firstBuyers()),
          cohort == null ? "-" : Reports.percent(cohort.repurchasers(), cohort.mature()),
          Reports.count(period.buyers()), period.mature() ? Reports.count(period.repeatBuyers()) : "-",
          period.mature() ? Reports.percent(period.repeatBuyers(), period.buyers()) : "-");
    }
    out.printf("  %d-day rate over first buyers whose %d days are over; next-month: buyers of the month"
        + " who%n  also bought the month after, once that month is over.%n", r.windowDays(), r.windowDays());
  }

  private void lifecycleAndValue() {
    ReportFigures.Lifecycle lifecycle = figures.lifecycle();
    long users = lifecycle.users().values().stream().mapToLong(Long::longValue).sum();
    section("Lifecycle at as-of (activity: " + lifecycle.basis() + ")");
    for (Map.Entry<LifecycleStage, Long> stage : lifecycle.users().entrySet()) {
      out.printf("  %-22s %14s %8s%n", stage.getKey().name().toLowerCase(Locale.ROOT), Reports.count(stage.getValue()),
          Reports.percent(stage.getValue(), users));
    }
    out.printf("  new: first seen < %d days ago; silent: none for %d+ days; lost: none for %d+ days%n",
        lifecycle.rules().newDays(), lifecycle.rules().silentDays(), lifecycle.rules().lostDays());
    ValueTiers.Tier tier = figures.valueTier();
    section("Value tier");
    out.printf("  top spenders: %s users (%s of buyers) bring %s (%s of revenue; target %.0f%%)%n",
        Reports.count(tier.topUsers()), Reports.percent(tier.topUsers(), tier.buyers()),
        money(tier.topRevenueMinor()), Reports.percent(tier.topRevenueMinor(), tier.revenueMinor()),
        100 * tier.revenueShare());
    ActiveUsers active = figures.active();
    if (active != null && !active.days().isEmpty()) {
      ActiveUsers.Day day = active.days().get(active.days().size() - 1);
      section("Active users on " + day.date());
      out.printf("  DAU %s   WAU (7 days) %s   MAU (30 days) %s   DAU/MAU %s%n", Reports.count(day.dau()),
          Reports.count(day.wau()), Reports.count(day.mau()), Reports.percent(day.dau(), day.mau()));
    }
  }

  private void section(String title) {
    out.println();
    out.println(title);
  }
}
