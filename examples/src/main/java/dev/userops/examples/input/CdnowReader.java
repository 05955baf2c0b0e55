package dev.userops.examples.input;

import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.Checks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** See {@link OrderReader#cdnow}. */
final class CdnowReader extends AbstractOrderReader {
  private static final String CUSTOMER_ID = "customer_id";
  private static final String DATE = "date";
  private static final String NUMBER_OF_CDS = "number_of_cds";
  private static final String DOLLAR_VALUE = "dollar_value";
  private static final List<String> HEADER = List.of(CUSTOMER_ID, DATE, NUMBER_OF_CDS, DOLLAR_VALUE);
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final int CENTS = 2;

  private final ZoneId zone;
  private final UserIdDictionary users;

  CdnowReader(String source, InputStream in, ZoneId zone, UserIdDictionary users) {
    super(source, in, "line", DATE, DOLLAR_VALUE);
    this.zone = Checks.requireNonNull(zone, "zone");
    this.users = Checks.requireNonNull(users, "users");
  }

  @Override
  public long forEach(Consumer<? super Order> consumer) throws IOException {
    startReading();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = lines.readLine();
    if (header == null || !Arrays.asList(fields(header)).equals(HEADER)) {
      throw problem(1, "header", "expected " + Fields.quote(String.join(" ", HEADER)) + ", got "
          + (header == null ? "an empty file" : Fields.quote(header.strip())), null);
    }
    long line = 1;
    long records = 0;
    for (String text = lines.readLine(); text != null; text = lines.readLine()) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      String[] fields = fields(text);
      if (fields.length != HEADER.size()) {
        throw problem(line, "row", "expected " + HEADER.size() + " whitespace-separated fields "
            + String.join(" ", HEADER) + ", got " + fields.length, null);
      }
      records++;
      String field = CUSTOMER_ID;
      Order order;
      try {
        String customer = Fields.id(fields[0]);
        field = DATE;
        Instant day = date(fields[1]).atStartOfDay(zone).toInstant();
        field = NUMBER_OF_CDS;
        cdCount(fields[2]);
        field = DOLLAR_VALUE;
        long cents = Fields.amountMinor(fields[3], CENTS);
        order = Order.of("cdnow-" + line, users.indexOf(customer), day, cents, OrderStatus.PAID);
      } catch (IllegalArgumentException e) {
        throw problem(line, field, e.getMessage(), e);
      }
      emit(consumer, order, line);
    }
    return records;
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

  private static void cdCount(String text) {
    try {
      if (Integer.parseInt(text) >= 0) {
        return;
      }
    } catch (NumberFormatException e) {
      // Falls through to the one message for every malformed count.
    }
    throw new IllegalArgumentException("expected a whole number of CDs >= 0, got " + Fields.quote(text));
  }
}
