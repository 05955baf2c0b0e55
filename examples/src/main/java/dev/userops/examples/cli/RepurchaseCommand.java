package dev.userops.examples.cli;

import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Json;
import dev.userops.examples.report.Reports;
import dev.userops.retention.repurchase.RepurchaseAccumulator;
import dev.userops.retention.repurchase.RepurchaseResult;
import dev.userops.retention.repurchase.RepurchaseResult.Cohort;
import dev.userops.retention.repurchase.RepurchaseResult.NextPeriod;
import dev.userops.retention.repurchase.RepurchaseSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code userops repurchase}: N-day repurchase by first-order cohort (only mature first buyers in
 * the rate), pooled over cohorts, next-period repurchase and time to second order, over valid
 * (paid) orders. JSON: the form of {@link RepurchaseResult#toJson()} (cohorts with {@code mature},
 * the first buyers whose window had elapsed and the rate's denominator; the curve; next periods;
 * time to second order with its quantiles and repeat buyers by days; {@code pooled}), with {@code
 * records} read; unknown rates are {@code null}.
 */
@Command(
    name = "repurchase",
    description =
        "N-day repurchase by first-order cohort, next-period repurchase and time to"
            + " second order, over valid orders. A first buyer counts once day d0 + N has fully elapsed"
            + " at --as-of (required).")
final class RepurchaseCommand extends InputCommand {
  @Option(
      names = "--window-days",
      paramLabel = "N",
      defaultValue = "30",
      description =
          "Repurchase window: an order on local days d0+1 .. d0+N (default: ${DEFAULT-VALUE}).")
  int windowDays;

  @Option(
      names = "--cohort-period",
      paramLabel = "day|week|month",
      defaultValue = "month",
      description = "Period of the first-order cohorts (default: ${DEFAULT-VALUE}).")
  Granularity cohortPeriod;

  @Option(
      names = "--next-period",
      paramLabel = "day|week|month",
      defaultValue = "month",
      description = "Period of next-period repurchase (default: ${DEFAULT-VALUE}).")
  Granularity nextPeriod;

  @Option(names = "--same-day", description = "Count a second order on the first order's day.")
  boolean sameDay;

  @Override
  public Integer call() throws IOException {
    Instant asOf = input.requireAsOf("maturity depends on it");
    RepurchaseSpec repurchaseSpec = fromOptions(null, () -> RepurchaseSpec.of(input.zone(), asOf)
        .withWindowDays(windowDays)
        .withCohort(cohortPeriod)
        .withNextPeriod(nextPeriod)
        .withSameDay(sameDay)
        .withBadRecords(input.badRecords()));
    RepurchaseAccumulator accumulator = repurchaseSpec.newAccumulator();
    InputOptions.ReadResult read = input.read(accumulator::add);
    RepurchaseResult result = accumulator.result();
    Diagnostics diagnostics = read.diagnostics().plus(result.diagnostics());
    return output.print(
        () -> Json.writePretty(Reports.json(result, read.records(), diagnostics)),
        out -> print(out, result, diagnostics, asOf, read.records()));
  }

  private void print(
      PrintWriter out, RepurchaseResult result, Diagnostics diagnostics, Instant asOf, long records) {
    out.println("Repurchase");
    out.printf("  %-24s %s%n", "source", input.source());
    out.printf("  %-24s %s%n", "zone", input.zone().getId());
    out.printf("  %-24s %s%n", "as of", asOf);
    out.printf("  %-24s %s%n", "records read", Reports.count(records));
    out.println();
    out.printf(
        "%d-day repurchase by %s of first order (rate over mature first buyers)%n",
        result.windowDays(), result.cohort().name().toLowerCase(Locale.ROOT));
    out.printf(
        "  %-12s %12s %12s %12s %8s%n", "cohort", "first buyers", "mature", "repurchasers", "rate");
    for (Cohort c : result.cohorts()) {
      out.printf(
          "  %-12s %12s %12s %12s %8s%n",
          c.start(),
          Reports.count(c.firstBuyers()),
          Reports.count(c.mature()),
          Reports.count(c.repurchasers()),
          Reports.percent(c.repurchasers(), c.mature()));
    }
    RepurchaseResult.Rate pooled = result.pooled();
    out.printf(
        "  %-12s %12s %12s %12s %8s%n",
        "pooled",
        "",
        Reports.count(pooled.eligible()),
        Reports.count(pooled.repurchasers()),
        Reports.percent(pooled.repurchasers(), pooled.eligible()));
    out.println();
    out.printf("Next-%s repurchase%n", result.nextPeriod().name().toLowerCase(Locale.ROOT));
    out.printf("  %-12s %12s %12s %8s%n", "period", "buyers", "also next", "rate");
    for (NextPeriod p : result.nextPeriods()) {
      out.printf(
          "  %-12s %12s %12s %8s%n",
          p.start(),
          Reports.count(p.buyers()),
          Reports.count(p.repeatBuyers()),
          p.mature() ? Reports.percent(p.repeatBuyers(), p.buyers()) : "-");
    }
    out.println();
    RepurchaseResult.TimeToSecondOrder time = result.timeToSecondOrder();
    out.printf("  %-24s %14s%n", "buyers", Reports.count(result.buyers()));
    out.printf(
        "  %-24s %14s%n",
        "with 2+ orders", Reports.percent(result.buyersWith2Plus(), result.buyers()));
    out.printf(
        "  %-24s %14s%n",
        "with 3+ orders", Reports.percent(result.buyersWith3Plus(), result.buyers()));
    out.printf(
        "  %-24s %14s%n",
        "days to 2nd order, p50", time.medianDays() == null ? "-" : time.medianDays());
    out.printf(
        "  %-24s %14s%n", "days to 2nd order, p90", time.p90Days() == null ? "-" : time.p90Days());
    Reports.printSkipped(out, diagnostics);
  }
}
