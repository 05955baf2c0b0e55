package dev.userops.examples.input;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Fields;
import dev.userops.core.internal.Utf8;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** See {@link OrderReader#cdnow}. */
final class CdnowReader extends AbstractOrderReader {
  private static final String CUSTOMER_ID = "customer_id";
  private static final String DATE = "date";
  private static final String NUMBER_OF_CDS = "number_of_cds";
  private static final String DOLLAR_VALUE = "dollar_value";
  private static final List<String> HEADER = List.of(CUSTOMER_ID, DATE, NUMBER_OF_CDS, DOLLAR_VALUE);
  /** ASCII whitespace ({@code \s} without UNICODE_CHARACTER_CLASS): the line is ISO-8859-1 here. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final int CENTS = 2;

  private final ZoneId zone;
  private final UserIdDictionary users;

  CdnowReader(String source, InputStream in, ZoneId zone, UserIdDictionary users, BadRecordPolicy policy) {
    super(source, in, policy, "line", DATE, DOLLAR_VALUE);
    this.zone = Checks.requireNonNull(zone, "zone");
    this.users = Checks.requireNonNull(users, "users");
  }

  @Override
  public long forEach(Consumer<? super Order> consumer) throws IOException {
    startReading();
    BufferedReader lines = Utf8Input.latin1Lines(in);
    String header = lines.readLine();
    if (header == null || !Arrays.asList(fields(header)).equals(HEADER)) {
      throw new InputException(screen.source(), 1, "header", "expected "
          + Fields.quote(String.join(" ", HEADER)) + ", got "
          + (header == null ? "an empty file" : Fields.quote(Utf8.showMalformed(header.strip()))), null);
    }
    Row row = new Row(HEADER, Map.of(CUSTOMER_ID, 0, DATE, 1, NUMBER_OF_CDS, 2, DOLLAR_VALUE, 3));
    // Line 1 is the header.
    return screen.forEachLine(lines, 1, (line, text) -> {
      List<String> fields = Arrays.asList(fields(text));
      if (fields.size() != HEADER.size()) {
        throw new MalformedField("row", BadRecordReason.WRONG_FIELD_COUNT, "expected " + HEADER.size()
            + " whitespace-separated fields " + String.join(" ", HEADER) + ", got " + fields.size());
      }
      row.set(line, fields);
      String customer = row.id(CUSTOMER_ID);
      Instant day = row.parse(DATE, BadRecordReason.MALFORMED_TIMESTAMP, CdnowReader::date).atStartOfDay(zone).toInstant();
      row.parse(NUMBER_OF_CDS, BadRecordReason.MALFORMED_AMOUNT, CdnowReader::cdCount);
      long cents = row.amountMinor(DOLLAR_VALUE, CENTS);
      emit(consumer, Order.of("cdnow-" + line, users.indexOf(customer), day, cents, OrderStatus.PAID), line);
    });
  }

  private static String[] fields(String line) {
    return WHITESPACE.split(line.strip());
  }

  private static LocalDate date(String text) {
    try {
      if (text.length() == 8) {
        return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
      }
    } catch (DateTimeException e) {
      // Falls through to the one message for every malformed date.
    }
    throw new IllegalArgumentException("expected a date yyyyMMdd like 19970101, got " + Fields.quote(text));
  }

  private static Integer cdCount(String text) {
    try {
      int count = Integer.parseInt(text);
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // Falls through to the one message for every malformed count.
    }
    throw new IllegalArgumentException("expected a whole number of CDs >= 0, got " + Fields.quote(text));
  }
}
