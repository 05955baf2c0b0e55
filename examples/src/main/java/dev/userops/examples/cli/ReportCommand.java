package dev.userops.examples.cli;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.UserIdDictionary;
import dev.userops.examples.input.EventCsvReader;
import dev.userops.examples.input.Events;
import dev.userops.examples.report.HtmlReport;
import dev.userops.examples.report.ReportFigures;
import dev.userops.examples.report.TerminalReport;
import dev.userops.examples.report.UserBaseReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code userops report}: the picture of a user base in one command. Prints a compact summary
 * (user base, RFM segments, monthly retention triangle, repurchase, lifecycle, value tier) and
 * writes {@code report.html} (self-contained: inline CSS and SVG, nothing fetched) and {@code
 * report.json} (the subcommands' JSON forms) to {@code --out}. Without {@code --as-of} the report
 * is as of the start of the day after the last dated record, which takes a first pass over the
 * input to find; with it, the input is read once.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "The user base in one report: terminal summary, report.html and report.json."
        + " Without --orders or --cdnow, runs on the bundled CDNOW data.")
final class ReportCommand implements Callable<Integer> {
  static final String HTML_FILE = "report.html";
  static final String JSON_FILE = "report.json";

  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Option(names = "--events", paramLabel = "FILE",
      description = "Events CSV (" + EventCsvReader.HEADER + ") with the same user ids as the orders:"
          + " adds active users and makes any event count as activity for the lifecycle.")
  Path events;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "userops-report",
      description = "Directory for report.html and report.json, created if missing (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.onStderr(err);
    Instant asOf = input.asOf();
    boolean asOfDefaulted = asOf == null;
    if (asOfDefaulted) {
      asOf = dayAfterLastRecord(progress);
    }
    UserIdDictionary users = new UserIdDictionary();
    UserBaseReport report;
    try {
      report = new UserBaseReport(input.zone(), asOf, input.badRecords(), events != null);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "cannot report as of " + asOf
          + (asOfDefaulted ? " (the day after the last record)" : "") + ": " + e.getMessage(), e);
    }
    InputOptions.ReadResult read = input.read(users, progress, report::addOrder);
    long records = read.records();
    Diagnostics readDiagnostics = read.diagnostics();
    if (events != null) {
      try (EventCsvReader reader = openEvents(progress, users)) {
        records += reader.forEach(a -> report.addActivity(a.userId(), a.occurredAt().toEpochMilli()));
        readDiagnostics = readDiagnostics.plus(reader.diagnostics());
      }
    }
    ReportFigures figures = report.figures(
        new ReportFigures.Source(input.source(), events == null ? null : events.toString(), records, asOfDefaulted,
            input.badRecords(), input.fractionDigits()),
        readDiagnostics);
    Path html = out.resolve(HTML_FILE);
    Path json = out.resolve(JSON_FILE);
    try {
      Files.createDirectories(out);
      Files.writeString(html, HtmlReport.render(figures), StandardCharsets.UTF_8);
      Files.writeString(json, figures.toJson() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--out " + out + ": cannot write the report: " + e, e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    TerminalReport.print(figures, stdout);
    stdout.println();
    stdout.println("Wrote " + html + " and " + json);
    stdout.flush();
    return 0;
  }

  private EventCsvReader openEvents(Progress progress, UserIdDictionary users) throws IOException {
    InputStream in = progress.track("reading " + events.getFileName(), Files.newInputStream(events), Files.size(events));
    return EventCsvReader.of(events.toString(), in, input.zone(), users, input.badRecords());
  }

  /**
   * The start of the local day after the last valid order or event: the first instant at which
   * every record of the input has happened and its day is complete.
   */
  private Instant dayAfterLastRecord(Progress progress) throws IOException {
    long[] last = {Long.MIN_VALUE};
    input.read(new UserIdDictionary(), progress, order -> {
      if (order.status().isValidOrder() && order.amountMinor() >= 0) {
        last[0] = Math.max(last[0], order.occurredAtMillis());
      }
    });
    if (events != null) {
      try (EventCsvReader reader = openEvents(progress, new UserIdDictionary())) {
        reader.forEach(a -> last[0] = Math.max(last[0], a.occurredAt().toEpochMilli()));
      }
    }
    if (last[0] < 0) {
      throw new ParameterException(spec.commandLine(),
          "--as-of is required: the input has no valid order or event on or after 1970-01-01 to date the report by");
    }
    CalendarIndex calendar = CalendarIndex.of(input.zone());
    return Instant.ofEpochMilli(calendar.periodStartEpochMillis(Granularity.DAY, calendar.dayIndex(last[0]) + 1));
  }
}
