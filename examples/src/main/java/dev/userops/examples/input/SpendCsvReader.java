package dev.userops.examples.input;

import static dev.userops.examples.input.Columns.CHANNEL;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.internal.Fields;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads acquisition spend: a CSV ({@link CsvTable}) with the columns {@code channel, period,
 * spend}, where {@code period} is an ISO date ({@code 2024-03-01}) in the period the money was
 * spent in (any day of it names the whole period) and {@code spend} an amount in major units with at most the
 * input's fraction digits, like an order amount ({@code 1250.00}).
 *
 * <p>Spend is money the economics are divided by, so a row that cannot be read ends the run rather
 * than being skipped: a wrong field count, an empty channel, a period that is not an ISO date, or a
 * spend that is malformed or negative is an {@link InputException} naming the file, the line and
 * the field. Rows of one channel and period add up (a host may export spend per campaign).
 */
public final class SpendCsvReader {
  private static final String PERIOD = "period";
  private static final String SPEND = "spend";
  private static final List<String> REQUIRED = List.of(CHANNEL, PERIOD, SPEND);

  /** Receives each row read. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * One row.
     *
     * @param channel the acquisition channel, trimmed, not empty
     * @param periodDay a local day in the period, as written
     * @param spendMinor the spend in minor units, {@code >= 0}
     */
    void spend(String channel, LocalDate periodDay, long spendMinor);
  }

  private SpendCsvReader() {}

  /**
   * Reads every row of {@code in} into {@code visitor}.
   *
   * @param source the input's name in messages
   * @param in read to its end; the caller closes it
   * @param fractionDigits digits after the decimal point of the currency's minor unit, 0 to 18
   * @return the number of data rows read
   * @throws InputException for a row or header that cannot be read
   */
  public static long read(String source, InputStream in, int fractionDigits, Visitor visitor) throws IOException {
    RowScreen screen = new RowScreen(source, BadRecordPolicy.REJECT);
    return CsvTable.read(in, REQUIRED, List.of(), screen, row -> {
      String channel = row.id(CHANNEL);
      LocalDate period = row.parse(PERIOD, BadRecordReason.MALFORMED_TIMESTAMP, SpendCsvReader::date);
      long spendMinor = row.amountMinor(SPEND, fractionDigits);
      if (spendMinor < 0) {
        throw new MalformedField(SPEND, BadRecordReason.NEGATIVE_AMOUNT,
            "expected a spend >= 0, got " + Fields.quote(row.text(SPEND)));
      }
      visitor.spend(channel, period, spendMinor);
    });
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected an ISO date in the period, e.g. 2024-03-01, got " + Fields.quote(text), e);
    }
  }
}
