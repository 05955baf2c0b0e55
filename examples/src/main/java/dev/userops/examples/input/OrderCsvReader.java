package dev.userops.examples.input;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordReason;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** See {@link OrderReader#csv}. */
final class OrderCsvReader extends AbstractOrderReader {
  private static final String USER_ID = "user_id";
  private static final String ORDER_ID = "order_id";
  private static final String OCCURRED_AT = "occurred_at";
  private static final String AMOUNT = "amount";
  private static final String STATUS = "status";
  private static final String SALES_CHANNEL = "sales_channel";
  private static final List<String> REQUIRED = List.of(USER_ID, ORDER_ID, OCCURRED_AT, AMOUNT, STATUS);

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
    long[] recordIndex = {0};
    return CsvTable.read(source, in, REQUIRED, List.of(SALES_CHANNEL), (row, line, columns) -> {
      String field = ORDER_ID;
      Order order;
      try {
        String id = Fields.id(row.getField(columns.get(ORDER_ID)));
        field = USER_ID;
        String user = Fields.id(row.getField(columns.get(USER_ID)));
        field = OCCURRED_AT;
        Instant at = Timestamps.parse(row.getField(columns.get(OCCURRED_AT)), zone);
        field = AMOUNT;
        long amountMinor = Fields.amountMinor(row.getField(columns.get(AMOUNT)), fractionDigits);
        field = STATUS;
        OrderStatus orderStatus = Fields.status(row.getField(columns.get(STATUS)));
        Integer channel = columns.get(SALES_CHANNEL);
        String orderChannel = channel == null || row.getField(channel).isEmpty() ? null : row.getField(channel);
        order = new Order(id, users.indexOf(user), at, amountMinor, orderStatus, orderChannel);
      } catch (IllegalArgumentException e) {
        throw problem(line, field, e.getMessage(), e);
      }
      if (isFirstOccurrence(order.orderId(), recordIndex[0]++, line)) {
        emit(consumer, order, line);
      }
    });
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
}
