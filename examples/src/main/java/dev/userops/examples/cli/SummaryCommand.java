package dev.userops.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.examples.report.AsOfRule;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserOpsJson;
import dev.userops.core.internal.Json;
import dev.userops.core.summary.OrderSummary;
import dev.userops.core.summary.OrderSummaryAccumulator;
import dev.userops.core.summary.OrderSummarySpec;
import dev.userops.examples.report.OrdersPerUser;
import dev.userops.examples.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;

/**
 * {@code userops summary}: users, valid orders, revenue, cancellations and refunds, the date range
 * and the orders-per-user distribution, with bad records counted by reason (those the reader skips,
 * duplicate order ids, and those the summary skips, added up).
 */
@Command(
    name = "summary",
    description = "Users, valid orders, revenue and orders per user. Without --orders or --cdnow,"
        + " runs on the bundled CDNOW data (Fader, Hardie & Lee 2005; MIT licence, lifetimes).")
final class SummaryCommand extends InputCommand {
  @Override
  public Integer call() throws IOException {
    OrderSummarySpec summarySpec = new OrderSummarySpec(input.zone(), input.asOfBound(), input.badRecords());
    OrderSummaryAccumulator accumulator = summarySpec.newAccumulator();
    InputOptions.ReadResult read = input.read(accumulator::add);
    OrderSummary summary = accumulator.result();
    AsOfRule asOf = input.asOfRule(
        summary.lastOrder() == null ? null : summary.lastOrder().atStartOfDay(input.zone()).toInstant());
    Diagnostics diagnostics = read.diagnostics().plus(summary.diagnostics());
    return output.print(
        () -> json(summary, diagnostics, asOf, read.records()),
        out -> printTable(out, summary, diagnostics, asOf, read.records()));
  }

  /** The summary's own JSON form, after the run's settings, with diagnostics of reader and summary. */
  private String json(OrderSummary summary, Diagnostics diagnostics, AsOfRule asOf, long records) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("source", input.source());
    document.put("zone", input.zone().getId());
    document.put("asOf", asOf.instant().toString());
    document.put("asOfRule", asOf.rule());
    document.put("badRecords", input.badRecords().name());
    document.put("records", records);
    document.setAll((ObjectNode) mapper.valueToTree(summary));
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    return Json.writePretty(document);
  }

  private void printTable(
      PrintWriter out, OrderSummary summary, Diagnostics diagnostics, AsOfRule asOf, long records) {
    out.println("Order summary");
    setting(out, "source", input.source());
    setting(out, "zone", input.zone().getId());
    setting(out, "as of", asOf.toString());
    setting(out, "bad records", input.badRecords() == BadRecordPolicy.REJECT ? "reject" : "skip and count");
    out.println();
    row(out, "records read", Reports.count(records));
    row(out, "users", Reports.count(summary.users()));
    row(out, "valid orders", Reports.count(summary.orders()));
    row(out, "revenue", Reports.money(summary.revenueMinor(), input.fractionDigits()));
    row(out, "cancelled orders", Reports.count(summary.cancelledOrders()));
    row(out, "refunded orders", Reports.count(summary.refundedOrders()));
    row(out, "first order", summary.firstOrder() == null ? "-" : summary.firstOrder().toString());
    row(out, "last order", summary.lastOrder() == null ? "-" : summary.lastOrder().toString());
    row(out, "orders per user", String.format(Locale.ROOT, "%.2f", summary.meanOrdersPerUser()));
    out.println();
    out.printf("  %-24s %14s %8s%n", "valid orders/user", "users", "share");
    printDistribution(out, summary);
    Reports.printSkipped(out, diagnostics);
  }

  /** Users by valid orders per user, bucketed; buckets up to the one holding the most, so gaps show as zeros. */
  private static void printDistribution(PrintWriter out, OrderSummary summary) {
    for (OrdersPerUser.Bucket bucket : OrdersPerUser.of(summary)) {
      out.printf("    %-22s %14s %8s%n", bucket.label(), Reports.count(bucket.users()),
          Reports.percent(bucket.users(), summary.users()));
    }
  }

  private static void setting(PrintWriter out, String label, String text) {
    out.printf("  %-24s %s%n", label, text);
  }

  /** A figure, right-aligned so that digits line up. */
  private static void row(PrintWriter out, String label, String value) {
    out.printf("  %-24s %14s%n", label, value);
  }
}
