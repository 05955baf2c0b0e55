package dev.userops.examples.input;

import static dev.userops.examples.input.Columns.OCCURRED_AT;
import static dev.userops.examples.input.Columns.ORDER_ID;
import static dev.userops.examples.input.Columns.USER_ID;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Fields;
import dev.userops.core.internal.IdTable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/** See {@link OrderReader#csv}. */
final class OrderCsvReader extends AbstractOrderReader {
  private static final String AMOUNT = "amount";
  private static final String STATUS = "status";
  private static final String SALES_CHANNEL = "sales_channel";
  private static final List<String> REQUIRED = List.of(USER_ID, ORDER_ID, OCCURRED_AT, AMOUNT, STATUS);

  private final ZoneId zone;
  private final int fractionDigits;
  private final UserIdDictionary users;
  private final IdTable seenOrderIds;
  private final boolean deferDuplicates;
  private final CsvTable.Part part;

  /**
   * @param seenOrderIds the order ids seen so far; each passed on is added in order, so the
   *     {@code i}-th order passed on has index {@code i} there if it starts empty
   * @param deferDuplicates whether to pass on every order, appending its id to {@code
   *     seenOrderIds} ({@link IdTable#append}) for the caller to find repeats later, rather than
   *     look each id up while reading
   * @param part where a later part of the file starts, or {@code null} to read from the header
   */
  OrderCsvReader(
      String source,
      InputStream in,
      ZoneId zone,
      int fractionDigits,
      UserIdDictionary users,
      IdTable seenOrderIds,
      boolean deferDuplicates,
      CsvTable.Part part,
      BadRecordPolicy policy) {
    super(source, in, policy, ORDER_ID, OCCURRED_AT, AMOUNT);
    this.zone = Checks.requireNonNull(zone, "zone");
    this.fractionDigits = Checks.requireInRange(fractionDigits, 0, 18, "fractionDigits");
    this.users = Checks.requireNonNull(users, "users");
    this.seenOrderIds = Checks.requireNonNull(seenOrderIds, "seenOrderIds");
    this.deferDuplicates = deferDuplicates;
    this.part = part;
  }

  @Override
  public long forEach(Consumer<? super Order> consumer) throws IOException {
    return read((id, user, at, amountMinor, status, row) -> {
      String channel = row.text(SALES_CHANNEL);
      consumer.accept(new Order(id.toString(), user, at, amountMinor, status,
          channel == null || channel.isEmpty() ? null : channel));
    });
  }

  /**
   * Reads every order into {@code part} ({@link OrderTable.Part#add}), without an {@link Order} or
   * a string of its id per row. Call once, instead of {@link #forEach}.
   *
   * @return the number of data rows read, bad ones included
   */
  long readInto(OrderTable.Part part) throws IOException {
    return read((id, user, at, amountMinor, status, row) ->
        part.add(user, at.toEpochMilli(), amountMinor, status));
  }

  /** Receives each order that is read and is the first with its id, or every one if deferred. */
  @FunctionalInterface
  private interface Orders {
    /** One order; {@code id} is valid only during the call, {@code row} for its other columns. */
    void order(CharSequence id, long user, Instant at, long amountMinor, OrderStatus status, Row row);
  }

  private long read(Orders orders) throws IOException {
    startReading();
    return CsvTable.read(in, part, REQUIRED, List.of(SALES_CHANNEL), screen, row -> {
      CharSequence id = row.idChars(ORDER_ID);
      CharSequence user = row.idChars(USER_ID);
      Instant at = row.timestamp(OCCURRED_AT, zone);
      long amountMinor = row.amountMinor(AMOUNT, fractionDigits);
      OrderStatus status = row.status(STATUS);
      // The user is added only once the row is known to be good.
      if (isFirstOccurrence(id, row.line())) {
        try {
          orders.order(id, users.indexOf(user), at, amountMinor, status, row);
        } catch (BadRecordException e) {
          throw rejected(row.line(), e);
        }
      }
    });
  }

  private boolean isFirstOccurrence(CharSequence orderId, long line) {
    if (deferDuplicates) {
      seenOrderIds.append(orderId);
      return true;
    }
    int before = seenOrderIds.size();
    if (seenOrderIds.indexOf(orderId) == before) {
      return true;
    }
    screen.report(line, ORDER_ID, BadRecordReason.DUPLICATE_ORDER_ID,
        "order_id " + Fields.quote(orderId.toString()) + " appeared on an earlier line");
    return false;
  }
}
