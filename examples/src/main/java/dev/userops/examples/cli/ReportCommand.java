package dev.userops.examples.cli;

import dev.userops.core.Diagnostics;
import dev.userops.examples.input.EventCsvReader;
import dev.userops.examples.input.Events;
import dev.userops.examples.input.OrderTable;
import dev.userops.examples.report.AsOfRule;
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
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * report.json} (the subcommands' JSON forms) to {@code --out}. The input is read once, in parallel
 * byte ranges ({@link OrderTable}); without {@code --as-of} the report is as of the start of the
 * day after the last record, but never later than the start of tomorrow by the machine's clock
 * ({@link AsOfRule}).
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

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads that read and compute at once (default: the machine's cores, ${DEFAULT-VALUE}). The"
          + " output does not depend on it; --bad-records reject reads on one thread, as it stops at the first"
          + " bad record in file order.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
    }
    Progress progress = Progress.onStderr(spec.commandLine().getErr());
    ZoneId zone = input.zone();
    // Records after the bound are AFTER_AS_OF whichever rule picks the as-of: it is the given as-of,
    // or else the latest the default can be, and the default is after every record up to it.
    Instant bound = input.asOfBound();
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      OrderTable orders = input.readTable(bound.toEpochMilli(), threads, progress, executor);
      Events activity = events == null ? null : readEvents(progress, bound, orders);
      long last = Math.max(orders.lastMillis(),
          activity == null || activity.last() == null ? Long.MIN_VALUE : activity.last().toEpochMilli());
      AsOfRule asOf = input.asOfRule(last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last));
      UserBaseReport report;
      try {
        report = UserBaseReport.compute(orders, activity, zone, asOf.instant(), input.badRecords(), executor);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "cannot report as of " + asOf + ": " + e.getMessage(), e);
      }
      long records = orders.records() + (activity == null ? 0 : activity.records());
      Diagnostics read = activity == null ? orders.diagnostics() : orders.diagnostics().plus(activity.diagnostics());
      write(report.figures(
          new ReportFigures.Source(input.source(), events == null ? null : events.toString(), records, asOf,
              input.badRecords(), input.fractionDigits()),
          read, executor));
    } finally {
      executor.shutdownNow();
    }
    return 0;
  }

  private void write(ReportFigures figures) {
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
  }

  /** The events, their users mapped with the orders' and times screened by {@code bound}. */
  private Events readEvents(Progress progress, Instant bound, OrderTable orders) throws IOException {
    InputStream in = progress.track("reading " + events.getFileName(), Files.newInputStream(events), Files.size(events));
    return Events.readCsv(events.toString(), in, input.zone(), input.badRecords(), bound, orders.users());
  }
}
