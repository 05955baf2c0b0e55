package dev.userops.examples.input;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordReason;
import dev.userops.core.BadRecords;
import dev.userops.core.Checks;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** See {@link OrderReader#csv}. */
final class OrderCsvReader extends AbstractOrderReader {
  private static final String USER_ID = "user_id";
  private static final String ORDER_ID = "order_id";
  private static final String OCCURRED_AT = "occurred_at";
  private static final String AMOUNT = "amount";
  private static final String STATUS = "status";
  private static final String CHANNEL = "channel";
  private static final List<String> REQUIRED = List.of(USER_ID, ORDER_ID, OCCURRED_AT, AMOUNT, STATUS);
  private static final String EXPECTED_HEADER = String.join(",", REQUIRED) + "[," + CHANNEL + "]";

  private final ZoneId zone;
  private final int fractionDigits;
  private final UserIdDictionary users;
  private final BadRecords duplicates;
  private final Set<String> seenOrderIds = new HashSet<>();

  OrderCsvReader(
      String source,
      InputStream in,
      ZoneId zone,
      int fractionDigits,
      UserIdDictionary users,
      BadRecords duplicates) {
    super(source, in, ORDER_ID, OCCURRED_AT, AMOUNT);
    this.zone = Checks.requireNonNull(zone, "zone");
    this.fractionDigits = Checks.requireInRange(fractionDigits, 0, 18, "fractionDigits");
    this.users = Checks.requireNonNull(users, "users");
    this.duplicates = Checks.requireNonNull(duplicates, "duplicates");
  }

  @Override
  public long forEach(Consumer<? super Order> consumer) throws IOException {
    startReading();
    // Field counts are checked here, so that the message names the line and the header.
    CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .detectBomHeader(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(in, StandardCharsets.UTF_8);
    CloseableIterator<CsvRecord> rows = csv.iterator();
    long line = 1;
    try {
      if (!rows.hasNext()) {
        throw problem(1, "header", "expected a header " + EXPECTED_HEADER + ", got an empty file", null);
      }
      CsvRecord header = rows.next();
      line = header.getStartingLineNumber();
      Map<String, Integer> columns = columns(header);
      int userId = columns.get(USER_ID);
      int orderId = columns.get(ORDER_ID);
      int occurredAt = columns.get(OCCURRED_AT);
      int amount = columns.get(AMOUNT);
      int status = columns.get(STATUS);
      int channel = columns.getOrDefault(CHANNEL, -1);
      long records = 0;
      while (rows.hasNext()) {
        CsvRecord row = rows.next();
        line = row.getStartingLineNumber();
        if (row.getFieldCount() != header.getFieldCount()) {
          throw problem(line, "row", "expected " + header.getFieldCount() + " fields as in the header, got "
              + row.getFieldCount(), null);
        }
        long recordIndex = records++;
        String field = ORDER_ID;
        Order order;
        try {
          String id = Fields.id(row.getField(orderId));
          field = USER_ID;
          String user = Fields.id(row.getField(userId));
          field = OCCURRED_AT;
          Instant at = Timestamps.parse(row.getField(occurredAt), zone);
          field = AMOUNT;
          long amountMinor = Fields.amountMinor(row.getField(amount), fractionDigits);
          field = STATUS;
          OrderStatus orderStatus = Fields.status(row.getField(status));
          String orderChannel = channel < 0 || row.getField(channel).isEmpty() ? null : row.getField(channel);
          order = new Order(id, users.indexOf(user), at, amountMinor, orderStatus, orderChannel);
        } catch (IllegalArgumentException e) {
          throw problem(line, field, e.getMessage(), e);
        }
        if (isFirstOccurrence(order.orderId(), recordIndex, line)) {
          emit(consumer, order, line);
        }
      }
      return records;
    } catch (CsvParseException e) {
      throw problem(line + 1, "row", "malformed CSV: " + e.getMessage(), e);
    }
  }

  private boolean isFirstOccurrence(String orderId, long recordIndex, long line) {
    if (seenOrderIds.add(orderId)) {
      return true;
    }
    try {
      duplicates.report(recordIndex, BadRecordReason.DUPLICATE_ORDER_ID,
          "order_id " + Fields.quote(orderId) + " appeared on an earlier line");
    } catch (BadRecordException e) {
      throw rejected(line, e);
    }
    return false;
  }

  /** Column indexes by name; the header must name every required column once and nothing unknown. */
  private Map<String, Integer> columns(CsvRecord header) {
    Map<String, Integer> columns = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      String name = header.getField(i).strip();
      if (!REQUIRED.contains(name) && !name.equals(CHANNEL)) {
        unknown.add(name);
      } else if (columns.putIfAbsent(name, i) != null) {
        repeated.add(name);
      }
    }
    List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing column(s) " + String.join(", ", missing));
    }
    if (!unknown.isEmpty()) {
      problems.add("unknown column(s) " + String.join(", ", unknown));
    }
    if (!repeated.isEmpty()) {
      problems.add("repeated column(s) " + String.join(", ", repeated));
    }
    if (!problems.isEmpty()) {
      throw problem(header.getStartingLineNumber(), "header",
          String.join("; ", problems) + " (expected " + EXPECTED_HEADER + ")", null);
    }
    return columns;
  }
}
