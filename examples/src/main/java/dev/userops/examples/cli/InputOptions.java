package dev.userops.examples.cli;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.examples.input.InputFiles;
import dev.userops.examples.input.OrderReader;
import dev.userops.examples.input.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The input options every report shares, and the one place that turns them into a reader: {@code
 * --orders FILE | --cdnow FILE} (neither: the bundled CDNOW data), {@code --zone}, {@code --as-of},
 * {@code --bad-records} and {@code --fraction-digits}.
 */
final class InputOptions {
  static final String BUNDLED_CDNOW = "data/CDNOW_master.txt";
  /** A long holds 18 decimal digits, so more could not represent even 1 major unit. */
  private static final int MAX_FRACTION_DIGITS = 18;

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
      description = "The evaluation instant: records after it are bad records. A date means the"
          + " start of that day in --zone (so that day's own records are after it);"
          + " also 2026-03-01T14:30 (in --zone) or 2026-03-01T14:30:00Z. Default: no bound for"
          + " summary and active, the last event for retention, the start of the day after the last"
          + " record for report; rfm and repurchase require it.")
  private String asOf;

  @Option(names = "--bad-records", paramLabel = "reject|skip", defaultValue = "skip",
      converter = PolicyConverter.class, completionCandidates = PolicyConverter.class,
      description = "reject: stop at the first bad record; skip: skip and count it by reason"
          + " (default: ${DEFAULT-VALUE}).")
  private BadRecordPolicy badRecords;

  @Option(names = "--fraction-digits", paramLabel = "N", defaultValue = "2",
      description = "Fraction digits of the currency of CSV amounts (default: ${DEFAULT-VALUE});"
          + " amounts with more are errors, never rounded.")
  private int fractionDigits;

  ZoneId zone() {
    return zone;
  }

  /** The {@code --as-of} instant, or {@code null} for no bound. */
  Instant asOf() {
    if (asOf == null) {
      return null;
    }
    try {
      return Timestamps.parse(asOf, zone);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "--as-of: " + e.getMessage(), e, null, asOf);
    }
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
    return badRecords;
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
    if (fractionDigits < 0 || fractionDigits > MAX_FRACTION_DIGITS) {
      throw new ParameterException(command.commandLine(), "--fraction-digits must be in [0, "
          + MAX_FRACTION_DIGITS + "], got " + fractionDigits);
    }
    try (OrderReader reader = open(users, progress)) {
      long records = reader.forEach(consumer);
      return new ReadResult(records, users, reader.diagnostics());
    }
  }

  private OrderReader open(UserIdDictionary users, Progress progress) throws IOException {
    if (file == null) {
      return OrderReader.cdnow(source(), InputFiles.open(null, BUNDLED_CDNOW), zone, users, badRecords);
    }
    Path path = file.cdnow != null ? file.cdnow : file.orders;
    InputStream in = Files.newInputStream(path);
    if (progress != null) {
      in = progress.track("reading " + path.getFileName(), in, Files.size(path));
    }
    return file.cdnow != null
        ? OrderReader.cdnow(source(), in, zone, users, badRecords)
        : OrderReader.csv(source(), in, zone, fractionDigits, users, badRecords);
  }

  /**
   * What reading found besides the orders.
   *
   * @param records data rows read, including bad ones
   * @param users the file's user ids by the dense ids orders carry
   * @param diagnostics rows the reader skipped (malformed, duplicate order ids), by reason
   */
  record ReadResult(long records, UserIdDictionary users, Diagnostics diagnostics) {}

  /** {@code reject} and {@code skip}, the policy names users type. */
  static final class PolicyConverter implements ITypeConverter<BadRecordPolicy>, Iterable<String> {
    @Override
    public BadRecordPolicy convert(String value) {
      return switch (value) {
        case "reject" -> BadRecordPolicy.REJECT;
        case "skip" -> BadRecordPolicy.SKIP_AND_COUNT;
        default -> throw new TypeConversionException("expected reject or skip, got \"" + value + "\"");
      };
    }

    @Override
    public Iterator<String> iterator() {
      return List.of("reject", "skip").iterator();
    }
  }
}
