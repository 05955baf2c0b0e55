package dev.userops.examples.cli;

import dev.userops.examples.report.AsOfRule;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Diagnostics;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.Events;
import dev.userops.examples.report.Reports;
import dev.userops.retention.active.ActiveUsers;
import dev.userops.retention.active.ActiveUsersAccumulator;
import dev.userops.retention.active.ActiveUsersSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code userops active}: distinct active users per local day of {@code --from..--to} in {@code
 * --zone}: DAU, trailing 7- and 30-day WAU and MAU, calendar week- and month-to-date, and stickiness
 * DAU/MAU. Any event of an events CSV counts as activity; with an order file, valid orders do.
 */
@Command(
    name = "active",
    description = "Daily, weekly and monthly active users (exact distinct counts) and stickiness DAU/MAU."
        + " With --events, every event counts as activity, whatever its event value; with orders, valid"
        + " orders do.")
final class ActiveCommand extends InputCommand {
  @Mixin EventsInput events;

  @Option(names = "--from", paramLabel = "DATE", required = true, description = "First day, inclusive.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", required = true, description = "Last day, inclusive.")
  LocalDate to;

  @Option(names = "--week-start", paramLabel = "monday|sunday", defaultValue = "monday",
      description = "First day of a calendar week (default: ${DEFAULT-VALUE}).")
  DayOfWeek weekStart;

  @Override
  public Integer call() throws IOException {
    ActiveUsersSpec activeSpec =
        fromOptions(null, () -> new ActiveUsersSpec(input.zone(), from, to, weekStart, input.badRecords()));
    Events data = events.read(input, input.zone(), input.asOfBound());
    AsOfRule asOf = input.asOfRule(data.last());
    ActiveUsersAccumulator accumulator = activeSpec.newAccumulator();
    data.feed((userId, epochMillis, start, returned) -> accumulator.add(userId, epochMillis), name -> true, name -> true);
    ActiveUsers active = accumulator.result();
    Diagnostics diagnostics = data.diagnostics().plus(active.diagnostics());
    return output.print(
        () -> Json.writePretty(Reports.json(active, data.records(), diagnostics)),
        out -> printTable(out, active, diagnostics, data, asOf));
  }

  private void printTable(PrintWriter out, ActiveUsers active, Diagnostics diagnostics, Events data, AsOfRule asOf) {
    out.println("Active users");
    out.printf("  %-14s %s%n", "source", data.source());
    out.printf("  %-14s %s, weeks from %s%n", "zone", input.zone().getId(), weekStart);
    out.printf("  %-14s %s%n", "as of", asOf);
    out.printf("  %-14s %s%n", "bad records", input.badRecords() == BadRecordPolicy.REJECT ? "reject" : "skip and count");
    out.printf("  %-14s %s%n", "records read", Reports.count(data.records()));
    out.println();
    out.printf("  %-10s %10s %10s %10s %10s %10s %10s%n", "day", "DAU", "WAU 7d", "MAU 30d", "week-td",
        "month-td", "DAU/MAU");
    for (ActiveUsers.Day day : active.days()) {
      out.printf("  %-10s %10s %10s %10s %10s %10s %10s%n", day.date(), Reports.count(day.dau()),
          Reports.count(day.wau()), Reports.count(day.mau()), Reports.count(day.weekToDate()),
          Reports.count(day.monthToDate()),
          day.stickiness() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * day.stickiness()));
    }
    Reports.printSkipped(out, diagnostics);
  }
}
