package dev.userops.examples.cli;

import dev.userops.examples.report.AsOfRule;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.Events;
import dev.userops.examples.input.InputFiles;
import dev.userops.examples.report.Reports;
import dev.userops.retention.cohort.CohortMode;
import dev.userops.retention.cohort.RetentionAccumulator;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.cohort.ReturnMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code userops retention}: the cohort retention matrix of an events CSV or of an order file
 * (valid orders as event {@code order}). Settings come from {@code --spec} (the retention spec's
 * JSON form), each flag overriding its field; what neither gives defaults to the data: {@code
 * --as-of} by {@link AsOfRule}, {@code --from} the date of the first start event, {@code --to} the
 * last day before the as-of.
 */
@Command(
    name = "retention",
    description = "Cohort retention matrix: first-time or recurring cohorts, returns on or on-or-after"
        + " each interval or within brackets, calendar or rolling windows; immature cells blank."
        + " With --events, cohorts start at the events named by --start-event and returns are the events"
        + " named by --return-event (default: any event value); with orders, valid orders (event"
        + " 'order') are both.")
final class RetentionCommand extends InputCommand {
  @Mixin EventsInput events;

  @Option(names = "--spec", paramLabel = "SPEC.json", description = "Retention spec JSON; flags override it.")
  Path specFile;

  @Option(names = "--granularity", paramLabel = "day|week|month", description = "Cohort and interval period.")
  Granularity granularity;

  @Option(names = "--intervals", paramLabel = "N",
      description = "Columns after column 0 (default: 30 days, 12 weeks or 12 months).")
  Integer intervals;

  @Option(names = "--from", paramLabel = "DATE", description = "First cohort date, inclusive.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last cohort date, inclusive.")
  LocalDate to;

  @Option(names = "--week-start", paramLabel = "monday|sunday", description = "First day of a week.")
  DayOfWeek weekStart;

  @Option(names = "--cohort-mode", paramLabel = "first-time|recurring",
      description = "first-time: a user's cohort is the period of their first start event; recurring: every"
          + " period with a start event.")
  CohortMode cohortMode;

  @Option(names = "--return-mode", paramLabel = "on|on-or-after",
      description = "on: returned in that interval; on-or-after: in that interval or a later one.")
  ReturnMode returnMode;

  @Option(names = "--brackets", paramLabel = "4,10,3", split = ",",
      description = "Bracket lengths in periods after column 0, instead of one column per interval.")
  List<Integer> brackets;

  @Option(names = "--window", paramLabel = "calendar|rolling",
      description = "calendar: intervals are calendar periods; rolling: periods from each user's start.")
  WindowMode window;

  @Option(names = "--start-event", paramLabel = "NAME",
      description = "Event that starts a cohort; repeatable (default: any event).")
  List<String> startEvents;

  @Option(names = "--return-event", paramLabel = "NAME",
      description = "Event that counts as a return; repeatable (default: any event; with orders, valid orders).")
  List<String> returnEvents;

  @Override
  public Integer call() throws IOException {
    RetentionSpec base = specFile == null ? null : readSpec(specFile);
    ZoneId zone = base == null || typed("--zone") ? input.zone() : base.zone();
    Instant given = base == null || typed("--as-of") ? input.asOf() : base.asOf();
    Clock clock = UserOpsCommand.clock(spec);
    Events data = events.read(input, zone, given != null ? given : AsOfRule.latest(clock, zone));
    AsOfRule asOf = given == null ? AsOfRule.byDefault(data.last(), zone, clock)
        : new AsOfRule(given, typed("--as-of") ? AsOfRule.FLAG : "--spec");
    RetentionSpec retention = retentionSpec(base, zone, data, asOf.instant());
    RetentionAccumulator accumulator = retention.newAccumulator();
    data.feed(accumulator::add, retention::startsCohort, retention::countsAsReturn);
    RetentionMatrix matrix = accumulator.result();
    Diagnostics diagnostics = data.diagnostics().plus(matrix.diagnostics());
    return output.print(
        () -> Json.writePretty(Reports.json(matrix, data.records(), diagnostics)),
        out -> printTable(out, retention, matrix, diagnostics, data, asOf));
  }

  private boolean typed(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private static RetentionSpec readSpec(Path file) throws IOException {
    return InputFiles.config(file, null, RetentionSpec::fromJson);
  }

  /**
   * The spec file's settings (or the defaults), each typed flag overriding its field; without a
   * spec file, {@code from} and {@code to} default to the data and valid orders are the returns.
   */
  private RetentionSpec retentionSpec(RetentionSpec base, ZoneId zone, Events data, Instant asOf) {
    return fromOptions("retention spec", () -> builder(base, zone, data, asOf).build());
  }

  /** The builder of {@link #retentionSpec}, whose setters reject a conflicting setting when it is set. */
  private RetentionSpec.Builder builder(RetentionSpec base, ZoneId zone, Events data, Instant asOf) {
    RetentionSpec.Builder builder = base == null ? RetentionSpec.builder() : base.toBuilder();
    builder.zone(zone).asOf(asOf);
    ifGiven(granularity, builder::granularity);
    ifGiven(weekStart, builder::weekStart);
    ifGiven(intervals, builder::intervals);
    ifGiven(brackets, builder::brackets);
    ifGiven(cohortMode, builder::cohortMode);
    ifGiven(returnMode, builder::returnMode);
    ifGiven(window, builder::window);
    List<String> starts = startEvents != null ? startEvents : base == null ? List.of() : base.startEvents();
    builder.startEvents(starts);
    if (returnEvents != null) {
      builder.returnEvents(returnEvents);
    } else if (base == null && !events.given()) {
      builder.returnEvents(List.of(Events.ORDER_EVENT));
    }
    if (base == null || typed("--bad-records")) {
      builder.badRecords(input.badRecords());
    }
    // The last day that starts before the as-of: a day starting at it holds no record.
    LocalDate lastDay = LocalDate.ofInstant(asOf.minusMillis(1), zone);
    if (from != null || base == null) {
      builder.from(from != null ? from : min(data.firstDate(zone, starts, asOf), lastDay));
    }
    if (to != null || base == null) {
      builder.to(to != null ? to : lastDay);
    }
    return builder;
  }

  /** Sets a flag's value when it was given, keeping the spec file's (or the default) otherwise. */
  private static <T> void ifGiven(T flag, Consumer<T> setter) {
    if (flag != null) {
      setter.accept(flag);
    }
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private void printTable(PrintWriter out, RetentionSpec retention, RetentionMatrix matrix,
      Diagnostics diagnostics, Events data, AsOfRule asOf) {
    out.println("Retention");
    out.printf("  %-14s %s%n", "source", data.source());
    out.printf("  %-14s %s, weeks from %s%n", "zone", retention.zone().getId(), retention.weekStart());
    out.printf("  %-14s %s .. %s by %s%n", "cohorts", retention.from(), retention.to(), retention.granularity());
    out.printf("  %-14s %s, return %s, %s windows%n", "modes", retention.cohortMode(),
        retention.returnMode(), retention.window());
    out.printf("  %-14s %s%n", "start events", retention.startEvents().isEmpty() ? "any" : retention.startEvents());
    out.printf("  %-14s %s%n", "return events", retention.returnEvents().isEmpty() ? "any" : retention.returnEvents());
    out.printf("  %-14s %s; blank cells: not yet complete%n", "as of", asOf);
    out.printf("  %-14s %s%n", "records read", Reports.count(data.records()));
    out.println();
    out.print(matrix.toText());
    Reports.printSkipped(out, diagnostics);
  }
}
