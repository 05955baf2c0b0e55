package dev.userops.retention.value;

import dev.userops.core.Accumulator;
import dev.userops.core.event.Order;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.AccumulatorForm;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Accumulates an {@link AcquisitionResult} from valid orders and sign-ups, each with the buyer's
 * acquisition channel as the host knows it. User ids are dense indexes in {@code [0,
 * }{@value #MAX_USER_ID}{@code ]} (map other ids with {@link dev.userops.core.UserIdDictionary}).
 *
 * <p>A user's acquisition channel is the one passed with their earliest sign-up or valid order
 * (first touch), {@code null} (none) included; on a tie in time a sign-up wins over an order, and
 * between two sign-ups or two orders the channel first in {@link String#compareTo} order, {@code
 * null} first. So a channel that differs between adds is not an error, and the result does not
 * depend on add order. A user's cohort as a first buyer is the period of their first valid order,
 * as in {@link LtvAccumulator}; as a new user, the period of their earliest sign-up. Only the
 * earliest sign-up of a user counts.
 *
 * <p>Refunds and duplicates as in {@link LtvAccumulator}: {@link #add(Order, String)} counts the
 * statuses the spec admits at their full amount, {@link #addAll(ValidOrders, IntFunction)} nets
 * refunds, and only {@link ValidOrders} rejects duplicate order ids.
 *
 * <p>Memory (design): that of {@link LtvAccumulator} (16 bytes per user id and 16 per user and
 * period with revenue in the horizon) plus 12 bytes per user id for the sign-up (time, channel);
 * arrays grow by half. Serialized: 20 bytes per user with an order, 12 per (user, period) and 16
 * per user with a sign-up. Measured (ScaleBenchmark, 1M users, 12M orders and 1M sign-ups over
 * 2026, monthly cohorts, 12 intervals, five channels): 144.9 bytes of heap and 115.3 of {@link
 * #toByteArray()} per user, 4.8M orders/s on one core in time order.
 *
 * <p>Each {@code add} and {@code addSignup} is one record for the spec's {@link
 * dev.userops.core.BadRecordPolicy}, numbered from 0 in the order this accumulator received them:
 * a negative amount and a time before 1970 or after {@code asOf} are bad records. Overflow as in
 * {@link LtvAccumulator}.
 */
public final class AcquisitionAccumulator
    implements Accumulator<AcquisitionAccumulator, AcquisitionResult> {
  /** Largest user id: per-user arrays must fit the JVM's largest array. */
  public static final int MAX_USER_ID = CohortRevenue.MAX_USER_ID;

  /** Read by {@link AcquisitionSpec#accumulatorFromBytes}. */
  static final AccumulatorForm<AcquisitionSpec, AcquisitionAccumulator> FORM =
      new AccumulatorForm<>("ACQE", 1, AcquisitionSpec::fromJson,
          (acc, writer) -> acc.revenue.writeTo(writer), (acc, reader) -> acc.revenue.readFrom(reader));

  private final AcquisitionSpec spec;
  private final CohortRevenue revenue;

  AcquisitionAccumulator(AcquisitionSpec spec) {
    this.spec = spec;
    this.revenue = new CohortRevenue(spec.cohorts());
  }

  @Override
  public AcquisitionSpec spec() {
    return spec;
  }

  /**
   * Adds one order record: it counts, at its full amount, when the cohorts' {@link
   * LtvSpec#refunds()} treatment counts its status.
   *
   * @param order the order; its user id must be in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param acquisitionChannel the buyer's acquisition channel as known with this order, or {@code
   *     null} for none
   * @return this accumulator
   * @throws NullPointerException if {@code order} is null
   * @throws IllegalArgumentException if a counted order's user id is out of range, or the channel
   *     would be one distinct channel too many (over 10,000, as in {@link LtvAccumulator})
   * @throws ArithmeticException if a sum of amounts overflows
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public AcquisitionAccumulator add(Order order, String acquisitionChannel) {
    revenue.add(order, acquisitionChannel);
    return this;
  }

  /**
   * Adds one valid order (paid, not cancelled, not fully refunded).
   *
   * @param userId the buyer, in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param epochMillis when it was placed, epoch milliseconds
   * @param amountMinor its amount net of refunds, minor units
   * @param acquisitionChannel the buyer's acquisition channel as known with this order, or {@code
   *     null} for none
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range, or the channel would be
   *     one distinct channel too many
   * @throws ArithmeticException if a sum of amounts overflows
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public AcquisitionAccumulator add(
      long userId, long epochMillis, long amountMinor, String acquisitionChannel) {
    revenue.add(userId, epochMillis, amountMinor, acquisitionChannel);
    return this;
  }

  /**
   * Adds every valid order of {@code validOrders}, at its amount net of refunds, as {@link
   * #add(long, long, long, String)} does. Records {@code validOrders} skipped are in its own {@link
   * ValidOrders#diagnostics()}.
   *
   * @param validOrders the join of orders and refunds
   * @param acquisitionChannelOfOrder the channel of the order at an index {@link
   *     ValidOrders#addOrder} kept (its position among the orders it returned {@code true} for), or
   *     {@code null}
   * @return this accumulator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a user id is out of range, or there are too many channels
   * @throws ArithmeticException if a sum of amounts overflows
   * @throws dev.userops.core.BadRecordException for a bad record, here or in the join, under
   *     {@code REJECT}
   */
  public AcquisitionAccumulator addAll(
      ValidOrders validOrders, IntFunction<String> acquisitionChannelOfOrder) {
    Checks.requireNonNull(acquisitionChannelOfOrder, "acquisitionChannelOfOrder");
    validOrders.forEachIndexed(
        (index, userId, epochMillis, amountMinor) ->
            add(userId, epochMillis, amountMinor, acquisitionChannelOfOrder.apply(index)));
    return this;
  }

  /**
   * Adds that a user signed up (registered, installed: whatever the host counts as a new user).
   *
   * @param userId the user, in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param epochMillis when, epoch milliseconds
   * @param acquisitionChannel the channel the user came through, or {@code null} for none
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range, or the channel would be
   *     one distinct channel too many
   * @throws dev.userops.core.BadRecordException for a time before 1970 or after {@code asOf} under
   *     {@code REJECT}
   */
  public AcquisitionAccumulator addSignup(long userId, long epochMillis, String acquisitionChannel) {
    revenue.addSignup(userId, epochMillis, acquisitionChannel);
    return this;
  }

  @Override
  public AcquisitionAccumulator merge(AcquisitionAccumulator other) {
    Accumulators.checkMergeable(this, other);
    revenue.merge(other.revenue);
    return this;
  }

  /** The user's acquisition channel: of the earliest sign-up or order, a sign-up on a tie. */
  private int channel(int user) {
    long signup = revenue.signupMillis(user);
    return signup != CohortRevenue.NONE && signup <= revenue.firstMillis(user)
        ? revenue.signupAttribute(user)
        : revenue.attribute(user);
  }

  @Override
  public AcquisitionResult result() {
    // Group 1 + id is channel id; group 0, no channel.
    LtvSpec cohorts = spec.cohorts();
    CohortTable table =
        new CohortTable(
            revenue.calendar(),
            cohorts.granularity(),
            cohorts.intervals(),
            1 + revenue.attributeCount(),
            revenue.firstCohort(),
            revenue.asOfMillis());
    for (int user = 0; user < revenue.capacity(); user++) {
      long cohort = revenue.cohort(user);
      long signupCohort = revenue.signupCohort(user);
      if (cohort == CohortRevenue.NOT_REPORTED && signupCohort == CohortRevenue.NOT_REPORTED) {
        continue;
      }
      int group = 1 + channel(user);
      if (cohort != CohortRevenue.NOT_REPORTED) {
        long[] row = table.row(group, cohort);
        row[CohortTable.BUYERS]++;
        revenue.addRevenueTo(user, cohort, row, CohortTable.REVENUE);
      }
      if (signupCohort != CohortRevenue.NOT_REPORTED) {
        long[] row = table.row(group, signupCohort);
        row[CohortTable.NEW_USERS]++;
        row[CohortTable.CONVERTED] += revenue.firstMillis(user) != CohortRevenue.NONE ? 1 : 0;
      }
    }
    List<AcquisitionResult.Channel> list = new ArrayList<>();
    for (int id : table.attributesUsed(revenue, 1)) {
      List<AcquisitionResult.Cohort> rows = new ArrayList<>();
      for (int offset = 0; offset < table.cohorts(); offset++) {
        long[] row = table.rowAt(1 + id, offset);
        if (row != null) {
          rows.add(
              new AcquisitionResult.Cohort(
                  table.start(offset),
                  null,
                  row[CohortTable.NEW_USERS],
                  row[CohortTable.CONVERTED],
                  row[CohortTable.BUYERS],
                  table.cumulativeRevenue(row, offset)));
        }
      }
      list.add(new AcquisitionResult.Channel(revenue.attributeName(id), rows));
    }
    return new AcquisitionResult(spec, list, revenue.orders(), revenue.diagnostics());
  }

  @Override
  public byte[] toByteArray() {
    return FORM.write(this);
  }
}
