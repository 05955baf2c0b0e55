package dev.userops.examples.cli;

import dev.userops.core.ConfigException;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.Events;
import dev.userops.examples.report.Reports;
import dev.userops.retention.cohort.CohortMode;
import dev.userops.retention.cohort.RetentionAccumulator;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.cohort.ReturnMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code userops retention}: the cohort retention matrix of an events CSV ({@code
 * user_id,occurred_at,event}) or of an order file (valid orders as event {@code order}). Settings
 * come from {@code --spec} (the retention spec's JSON form), each flag overriding its field; what
 * neither gives defaults to the data: {@code --as-of} its last event, {@code --from} the date of its
 * first start event, {@code --to} the date of {@code --as-of}.
 */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "Cohort retention matrix: first-time or recurring cohorts, returns on or on-or-after"
        + " each interval or within brackets, calendar or rolling windows; immature cells blank.")
final class RetentionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin OutputOptions output;

  @Mixin EventsInput events;

  @Option(names = "--spec", paramLabel = "SPEC.json", description = "Retention spec JSON; flags override it.")
  Path specFile;

  @Option(names = "--granularity", paramLabel = "DAY|WEEK|MONTH", description = "Cohort and interval period.")
  Granularity granularity;

  @Option(names = "--intervals", paramLabel = "N",
      description = "Columns after column 0 (default: 30 days, 12 weeks or 12 months).")
  Integer intervals;

  @Option(names = "--from", paramLabel = "DATE", description = "First cohort date, inclusive.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last cohort date, inclusive.")
  LocalDate to;

  @Option(names = "--week-start", paramLabel = "MONDAY|SUNDAY", description = "First day of a week.")
  DayOfWeek weekStart;

  @Option(names = "--cohort", paramLabel = "first-time|recurring", description = "Cohort mode.")
  String cohort;

  @Option(names = "--return", paramLabel = "on|on-or-after", description = "Return mode.")
  String returnMode;

  @Option(names = "--brackets", paramLabel = "4,10,3", split = ",",
      description = "Bracket lengths in periods after column 0, instead of one column per interval.")
  List<Integer> brackets;

  @Option(names = "--window", paramLabel = "calendar|rolling", description = "Window mode.")
  String window;

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
    Instant asOf = base == null || typed("--as-of") ? input.asOf() : base.asOf();
    Events data = events.read(input, zone, asOf);
    RetentionSpec retention = retentionSpec(base, zone, data, asOf == null ? data.asOf() : asOf);
    RetentionAccumulator accumulator = retention.newAccumulator();
    data.feed(accumulator::add, retention::startsCohort, retention::countsAsReturn);
    RetentionMatrix matrix = accumulator.result();
    Diagnostics diagnostics = data.diagnostics().plus(matrix.diagnostics());
    return output.print(
        () -> Json.writePretty(Reports.json(matrix, diagnostics)),
        out -> printTable(out, retention, matrix, diagnostics, data));
  }

  private boolean typed(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private RetentionSpec readSpec(Path file) throws IOException {
    try {
      return RetentionSpec.fromJson(Files.readString(file));
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), "--spec " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The spec file's settings (or the defaults), each typed flag overriding its field; without a
   * spec file, {@code from} and {@code to} default to the data and valid orders are the returns.
   */
  private RetentionSpec retentionSpec(RetentionSpec base, ZoneId zone, Events data, Instant asOf) {
    try {
      RetentionSpec.Builder builder = base == null ? RetentionSpec.builder() : base.toBuilder();
      builder.zone(zone).asOf(asOf);
      if (granularity != null) {
        builder.granularity(granularity);
      }
      if (weekStart != null) {
        builder.weekStart(weekStart);
      }
      if (intervals != null) {
        builder.intervals(intervals);
      }
      if (brackets != null) {
        builder.brackets(brackets);
      }
      if (cohort != null) {
        builder.cohortMode(option("--cohort", cohort, CohortMode.class, "first-time", "recurring"));
      }
      if (returnMode != null) {
        builder.returnMode(option("--return", returnMode, ReturnMode.class, "on", "on-or-after"));
      }
      if (window != null) {
        builder.window(option("--window", window, WindowMode.class, "calendar", "rolling"));
      }
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
      if (from != null || base == null) {
        builder.from(from != null ? from : data.firstDate(zone, starts, asOf));
      }
      if (to != null || base == null) {
        builder.to(to != null ? to : LocalDate.ofInstant(asOf, zone));
      }
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), "retention spec: " + e.getMessage(), e);
    }
  }

  /** {@code value}, one of the lower-case hyphenated {@code names}, as its enum constant. */
  private <E extends Enum<E>> E option(String option, String value, Class<E> type, String... names) {
    if (!Arrays.asList(names).contains(value)) {
      throw new ParameterException(spec.commandLine(),
          option + ": expected " + String.join(" or ", names) + ", got \"" + value + "\"");
    }
    return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  private void printTable(PrintWriter out, RetentionSpec retention, RetentionMatrix matrix,
      Diagnostics diagnostics, Events data) {
    out.println("Retention");
    out.printf("  %-14s %s%n", "source", data.source());
    out.printf("  %-14s %s, weeks from %s%n", "zone", retention.zone().getId(), retention.weekStart());
    out.printf("  %-14s %s .. %s by %s%n", "cohorts", retention.from(), retention.to(), retention.granularity());
    out.printf("  %-14s %s, return %s, %s windows%n", "modes", retention.cohortMode(),
        retention.returnMode(), retention.window());
    out.printf("  %-14s %s%n", "start events", retention.startEvents().isEmpty() ? "any" : retention.startEvents());
    out.printf("  %-14s %s%n", "return events", retention.returnEvents().isEmpty() ? "any" : retention.returnEvents());
    out.printf("  %-14s %s (blank cells: not yet complete)%n", "as of", retention.asOf());
    out.println();
    out.print(matrix.toText());
    Reports.printSkipped(out, diagnostics);
  }
}
