package dev.userops.core.summary;

import dev.userops.core.Accumulator;
import dev.userops.core.CalendarIndex;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.AccumulatorForm;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.internal.Checks;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Accumulates an {@link OrderSummary}. Memory: about 24 bytes per distinct buyer (a primitive
 * open-addressing map of order counts) plus a constant. Orders of one user may arrive in any order
 * and in any partition; merging adds per-user counts, so users are never double counted.
 *
 * <p>Order ids are not de-duplicated here: the same order added twice counts twice. The layer that
 * de-duplicates is {@link ValidOrders} (a repeated id is a {@code DUPLICATE_ORDER_ID} bad record,
 * and refunds are joined to their orders); feed a summary from it with {@link #addAll}. Partition
 * input by order or user id so that copies of one order meet in the same {@code ValidOrders}.
 *
 * <p>Measured (ScaleBenchmark, 1M users, 12M time-ordered events): 25.2 bytes of heap and 12.0
 * bytes of {@link #toByteArray()} per user; the heap figure is up to 2× the design while the map
 * grows.
 *
 * <p>Each {@code add} is one record for the spec's {@link dev.userops.core.BadRecordPolicy}:
 * records are numbered from 0 in the order this accumulator received them. Revenue that overflows a
 * {@code long} throws {@link ArithmeticException}.
 */
public final class OrderSummaryAccumulator
    implements Accumulator<OrderSummaryAccumulator, OrderSummary> {
  /** Read by {@link OrderSummarySpec#accumulatorFromBytes}. */
  static final AccumulatorForm<OrderSummarySpec, OrderSummaryAccumulator> FORM =
      new AccumulatorForm<>("OSUM", 1, OrderSummarySpec::fromJson,
          OrderSummaryAccumulator::writeFields, OrderSummaryAccumulator::readFields);

  private final OrderSummarySpec spec;
  private final long asOfMillis;
  private final BadRecords badRecords;
  private final UserOrderCounts ordersByUser = new UserOrderCounts();
  private long orders;
  private long revenueMinor;
  private long cancelledOrders;
  private long refundedOrders;
  private long firstMillis = Long.MAX_VALUE;
  private long lastMillis = Long.MIN_VALUE;

  OrderSummaryAccumulator(OrderSummarySpec spec) {
    this.spec = spec;
    this.asOfMillis = spec.asOfMillis();
    this.badRecords = new BadRecords(spec.badRecords());
  }

  @Override
  public OrderSummarySpec spec() {
    return spec;
  }

  /**
   * Adds every valid order of {@code validOrders}: paid, once per order id, net of refunds under its
   * treatment. Their bad records are in {@code validOrders.diagnostics()}.
   *
   * @param validOrders the screened orders; refunds are applied on the first visit
   * @return this accumulator
   * @throws NullPointerException if {@code validOrders} is null
   * @throws ArithmeticException if revenue overflows a {@code long}
   */
  public OrderSummaryAccumulator addAll(ValidOrders validOrders) {
    Checks.requireNonNull(validOrders, "validOrders");
    validOrders.forEach((userId, epochMillis, amountMinor) -> add(userId, epochMillis, amountMinor, OrderStatus.PAID));
    return this;
  }

  /**
   * Adds one order; the same as {@link #add(long, long, long, OrderStatus)} with its fields. The
   * order's id and channel are not used, so duplicate ids are not detected here.
   *
   * @param order the order record
   * @return this accumulator
   * @throws NullPointerException if {@code order} is null
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   * @throws ArithmeticException if revenue overflows a {@code long}
   */
  public OrderSummaryAccumulator add(Order order) {
    return add(order.userId(), order.occurredAtMillis(), order.amountMinor(), order.status());
  }

  /**
   * Adds one order record.
   *
   * @param userId the buyer
   * @param epochMillis when the order was placed, epoch milliseconds
   * @param amountMinor the order total in minor units; negative is a bad record
   * @param status only {@link OrderStatus#PAID} orders count as orders and revenue
   * @return this accumulator
   * @throws NullPointerException if {@code status} is null and the record passed screening
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   * @throws ArithmeticException if revenue overflows a {@code long}
   */
  public OrderSummaryAccumulator add(
      long userId, long epochMillis, long amountMinor, OrderStatus status) {
    long recordIndex = badRecords.next();
    if (!badRecords.acceptOrder(recordIndex, epochMillis, amountMinor, asOfMillis)) {
      return this;
    }
    switch (status) {
      case PAID -> {
        revenueMinor = Math.addExact(revenueMinor, amountMinor);
        orders++;
        ordersByUser.add(userId, 1);
        firstMillis = Math.min(firstMillis, epochMillis);
        lastMillis = Math.max(lastMillis, epochMillis);
      }
      case CANCELLED -> cancelledOrders++;
      case REFUNDED -> refundedOrders++;
    }
    return this;
  }

  @Override
  public OrderSummaryAccumulator merge(OrderSummaryAccumulator other) {
    Accumulators.checkMergeable(this, other);
    orders += other.orders;
    revenueMinor = Math.addExact(revenueMinor, other.revenueMinor);
    cancelledOrders += other.cancelledOrders;
    refundedOrders += other.refundedOrders;
    firstMillis = Math.min(firstMillis, other.firstMillis);
    lastMillis = Math.max(lastMillis, other.lastMillis);
    ordersByUser.addAll(other.ordersByUser);
    badRecords.merge(other.badRecords);
    return this;
  }

  @Override
  public OrderSummary result() {
    Map<Integer, Long> distribution = new HashMap<>();
    ordersByUser.forEach((userId, count) -> distribution.merge(count, 1L, Long::sum));
    CalendarIndex calendar = CalendarIndex.of(spec.zone());
    return OrderSummary.of(
        orders,
        revenueMinor,
        cancelledOrders,
        refundedOrders,
        orders == 0 ? null : LocalDate.ofEpochDay(calendar.dayIndex(firstMillis)),
        orders == 0 ? null : LocalDate.ofEpochDay(calendar.dayIndex(lastMillis)),
        distribution,
        badRecords.diagnostics());
  }

  @Override
  public byte[] toByteArray() {
    return FORM.write(this);
  }

  private void writeFields(BinaryForm.Writer writer) {
    writer.putLong(badRecords.records()).putLong(orders).putLong(revenueMinor);
    writer.putLong(cancelledOrders).putLong(refundedOrders);
    writer.putLong(firstMillis).putLong(lastMillis);
    badRecords.writeTo(writer);
    long[] userIds = ordersByUser.sortedUserIds();
    writer.putInt(userIds.length);
    for (long userId : userIds) {
      writer.putLong(userId).putInt(ordersByUser.get(userId));
    }
  }

  private void readFields(BinaryForm.Reader reader) {
    badRecords.advance(reader.getLong("records"));
    orders = reader.getLong("orders");
    revenueMinor = reader.getLong("revenueMinor");
    cancelledOrders = reader.getLong("cancelledOrders");
    refundedOrders = reader.getLong("refundedOrders");
    firstMillis = reader.getLong("firstMillis");
    lastMillis = reader.getLong("lastMillis");
    badRecords.readFrom(reader);
    int users = reader.getInt("users", 0, Integer.MAX_VALUE);
    long ordersOfUsers = 0;
    for (int i = 0; i < users; i++) {
      long userId = reader.getLong("userId");
      int count = reader.getInt("orderCount", 1, Integer.MAX_VALUE);
      Checks.checkArgument(ordersByUser.get(userId) == 0, "OSUM: user %s appears twice", userId);
      ordersByUser.add(userId, count);
      ordersOfUsers += count;
    }
    Checks.checkArgument(
        ordersOfUsers == orders,
        "OSUM: expected per-user order counts to sum to orders %s, got %s",
        orders,
        ordersOfUsers);
  }
}
