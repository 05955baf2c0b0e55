package dev.userops.examples.cli;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.internal.Timestamps;
import dev.userops.examples.input.InputFiles;
import dev.userops.examples.input.OrderReader;
import dev.userops.examples.input.OrderTable;
import dev.userops.examples.report.AsOfRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The input options every report shares, and the one place that turns them into a reader: {@code
 * --orders FILE | --cdnow FILE} (neither: the bundled CDNOW data), {@code --zone}, {@code --as-of},
 * {@code --bad-records} and {@code --fraction-digits}.
 */
final class InputOptions {
  static final String BUNDLED_CDNOW = "data/CDNOW_master.txt";
  /** A long holds 18 decimal digits, so more could not represent even 1 major unit. */
  private static final int MAX_FRACTION_DIGITS = 18;
  /** The latest {@code --as-of}: a year in which every calculation's window still fits. */
  private static final Instant LAST_AS_OF = Instant.parse("9999-01-01T00:00:00Z");

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @ArgGroup(exclusive = true)
  private InputFile file;

  private static final class InputFile {
    @Option(names = "--orders", paramLabel = "FILE", required = true,
        description = "Order CSV with header user_id,order_id,occurred_at,amount,status[,sales_channel].")
    private Path orders;

    @Option(names = "--cdnow", paramLabel = "FILE", required = true,
        description = "CDNOW transactions (customer_id date number_of_cds dollar_value).")
    private Path cdnow;
  }

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Time zone of local dates and times in the input and of reported dates"
          + " (default: ${DEFAULT-VALUE}).")
  private ZoneId zone;

  @Option(names = "--as-of", paramLabel = "DATE|INSTANT",
      description = "The evaluation instant, from 1970-01-01 to 9999-01-01: records after it are bad"
          + " records (AFTER_AS_OF), counted. A date means the start of that day in --zone (so that"
          + " day's own records are after it); also 2026-03-01T14:30 (in --zone) or"
          + " 2026-03-01T14:30:00Z. Default: the start of the day after the last record, but never"
          + " later than the start of tomorrow in --zone by this machine's clock; rfm, repurchase and"
          + " points-sim require it.")
  private String asOf;

  @Mixin private BadRecordsOption badRecords;

  @Option(names = "--fraction-digits", paramLabel = "N", defaultValue = "2",
      description = "Fraction digits of the currency of CSV amounts (default: ${DEFAULT-VALUE});"
          + " amounts with more are errors, never rounded.")
  private int fractionDigits;

  ZoneId zone() {
    return zone;
  }

  /** The {@code --as-of} instant, or {@code null} if not given. */
  Instant asOf() {
    return asOf(command, asOf, zone);
  }

  /**
   * An {@code --as-of} value as an instant, by the rules its description states: for every command
   * that takes the option.
   *
   * @param command the command, for the usage error
   * @param asOf the value given, or {@code null}
   * @param zone the zone of a local date or date-time
   * @return the instant, or {@code null} if {@code asOf} is
   */
  static Instant asOf(CommandSpec command, String asOf, ZoneId zone) {
    if (asOf == null) {
      return null;
    }
    Instant instant;
    try {
      instant = Timestamps.parse(asOf, zone);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "--as-of: " + e.getMessage(), e, null, asOf);
    }
    // The calculations count days from 1970 in a long of milliseconds; no shop has data before.
    if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LAST_AS_OF)) {
      throw new ParameterException(command.commandLine(), "--as-of: expected an instant from "
          + Instant.EPOCH + " to " + LAST_AS_OF + ", got \"" + asOf + "\" (" + instant + ")", null, null, asOf);
    }
    return instant;
  }

  /**
   * The bound for records while reading: {@code --as-of}, or else the latest default as-of, the
   * start of tomorrow ({@link AsOfRule#latest}).
   */
  Instant asOfBound() {
    Instant given = asOf();
    return given != null ? given : AsOfRule.latest(UserOpsCommand.clock(command), zone);
  }

  /**
   * The as-of of the run and the rule that chose it: {@code --as-of}, or else {@link
   * AsOfRule#byDefault}.
   *
   * @param lastRecord the last record read within {@link #asOfBound()}, or {@code null} for none
   */
  AsOfRule asOfRule(Instant lastRecord) {
    Instant given = asOf();
    return given != null
        ? new AsOfRule(given, AsOfRule.FLAG)
        : AsOfRule.byDefault(lastRecord, zone, UserOpsCommand.clock(command));
  }

  /**
   * The {@code --as-of} instant for a command that cannot run without one.
   *
   * @param why what the command measures at {@code asOf}, for the usage error when it is missing
   */
  Instant requireAsOf(String why) {
    Instant value = asOf();
    if (value == null) {
      throw new ParameterException(command.commandLine(), "--as-of is required: " + why);
    }
    return value;
  }

  BadRecordPolicy badRecords() {
    return badRecords.policy();
  }

  /** Fraction digits of the input's amounts: CDNOW is in dollars and cents. */
  int fractionDigits() {
    return file == null || file.cdnow != null ? 2 : fractionDigits;
  }

  /** The input's name for reports and messages. */
  String source() {
    if (file == null) {
      return InputFiles.name(null, BUNDLED_CDNOW);
    }
    return (file.orders != null ? file.orders : file.cdnow).toString();
  }

  /**
   * Reads every order of the input into {@code consumer}. Rows the reader cannot read and
   * duplicate order ids are handled by the {@code --bad-records} policy here, and counted in the
   * result's diagnostics; everything else is the consumer's.
   *
   * @throws dev.userops.examples.input.InputException for malformed input or a rejected record
   */
  ReadResult read(Consumer<? super Order> consumer) throws IOException {
    return read(new UserIdDictionary(), null, consumer);
  }

  /**
   * Reads every order of the input into {@code consumer}, like {@link #read(Consumer)}, with user
   * ids mapped by {@code users} (to share them with another input) and the file's bytes shown by
   * {@code progress} ({@code null}: none).
   */
  ReadResult read(UserIdDictionary users, Progress progress, Consumer<? super Order> consumer) throws IOException {
    checkFractionDigits();
    try (OrderReader reader = open(users, progress)) {
      long records = reader.forEach(consumer);
      return new ReadResult(records, users, reader.diagnostics());
    }
  }

  /**
   * Reads every order of the input into a table ({@link OrderTable}): a CSV in up to {@code
   * threads} parts at once, CDNOW in one. The table is the same for any number of threads.
   *
   * @param boundMillis orders after this instant are bad records ({@code AFTER_AS_OF})
   * @param progress shows the progress of reading
   * @param executor runs the parts
   */
  OrderTable readTable(long boundMillis, int threads, Progress progress, ExecutorService executor)
      throws IOException {
    checkFractionDigits();
    if (file == null || file.cdnow != null) {
      return OrderTable.readUnique(users -> open(users, progress), badRecords(), boundMillis);
    }
    return OrderTable.readCsv(file.orders, source(), zone, fractionDigits, badRecords(), boundMillis, threads,
        executor, (in, length) -> progress.track("reading " + file.orders.getFileName(), in, length));
  }

  private void checkFractionDigits() {
    if (fractionDigits < 0 || fractionDigits > MAX_FRACTION_DIGITS) {
      throw new ParameterException(command.commandLine(), "--fraction-digits must be in [0, "
          + MAX_FRACTION_DIGITS + "], got " + fractionDigits);
    }
  }

  private OrderReader open(UserIdDictionary users, Progress progress) throws IOException {
    if (file == null) {
      return OrderReader.cdnow(source(), InputFiles.open(null, BUNDLED_CDNOW), zone, users, badRecords());
    }
    Path path = file.cdnow != null ? file.cdnow : file.orders;
    InputStream in = Files.newInputStream(path);
    if (progress != null) {
      in = progress.track("reading " + path.getFileName(), in, Files.size(path));
    }
    return file.cdnow != null
        ? OrderReader.cdnow(source(), in, zone, users, badRecords())
        : OrderReader.csv(source(), in, zone, fractionDigits, users, badRecords());
  }

  /**
   * What reading found besides the orders.
   *
   * @param records data rows read, including bad ones
   * @param users the file's user ids by the dense ids orders carry
   * @param diagnostics rows the reader skipped (malformed, duplicate order ids), by reason
   */
  record ReadResult(long records, UserIdDictionary users, Diagnostics diagnostics) {}
}
