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
 * Accumulates an {@link LtvResult} from valid orders. User ids are dense indexes in {@code [0,
 * }{@value #MAX_USER_ID}{@code ]} (map other ids with {@link dev.userops.core.UserIdDictionary}).
 *
 * <p>A user's cohort is the period of their first valid order (earliest {@code occurredAt}); their
 * attribute is the one passed with that order, {@code null} included: an attribute passed with a
 * later order is ignored, and one that differs between adds is not an error. Of two first orders at
 * the same millisecond, the attribute first in {@link String#compareTo} order wins, with {@code
 * null} before any string, so the result does not depend on add order. Hosts with an attribute per
 * user (an acquisition channel from their user table) pass it with every order. At most 10,000
 * distinct attributes are kept: an order that may be its user's first, with an attribute new
 * beyond that, throws {@link IllegalArgumentException}.
 *
 * <p>Refunds: {@link #add(Order)} counts the order statuses the spec's {@link LtvSpec#refunds()}
 * admits, at their full amount. To net partial refunds, join orders and refunds with {@link
 * ValidOrders}, which also rejects duplicate order ids, and use {@link #addAll(ValidOrders)}: a
 * refund reduces its order's amount in the order's period, not the refund's. This accumulator does
 * not de-duplicate: an order added twice, or to two accumulators later merged, counts twice.
 *
 * <p>Memory (design): 16 bytes per user id up to the largest seen (first order time, attribute,
 * revenue chain) and 16 bytes per (user, period) with revenue within {@code intervals} of the
 * user's first order, so at most {@code 16 · (intervals + 2)} per user; arrays grow by half.
 * Serialized: 20 bytes per user with an order and 12 per (user, period). Measured
 * (ScaleBenchmark, 1M users, 12M orders over 2026, 6.6 user-months with revenue per user): monthly
 * cohorts with 12 intervals 129.6 bytes of heap and 99.3 of {@link #toByteArray()} per user, 4.7M
 * orders/s on one core in time order (22M grouped by user, 1.8M shuffled); daily cohorts with 30
 * intervals 69.0 and 49.3 bytes, 9.6M orders/s.
 *
 * <p>Each {@code add} is one record for the spec's {@link dev.userops.core.BadRecordPolicy},
 * numbered from 0 in the order this accumulator received them: a negative amount and a time before
 * 1970 or after {@code asOf} are bad records. A sum of amounts that overflows a {@code long} throws
 * {@link ArithmeticException}: from an add, which then adds nothing; from {@code result()}, which
 * changes nothing; from a merge, which leaves this accumulator partly merged.
 */
public final class LtvAccumulator implements Accumulator<LtvAccumulator, LtvResult> {
  /** Largest user id: per-user arrays must fit the JVM's largest array. */
  public static final int MAX_USER_ID = CohortRevenue.MAX_USER_ID;

  /** Read by {@link LtvSpec#accumulatorFromBytes}. */
  static final AccumulatorForm<LtvSpec, LtvAccumulator> FORM =
      new AccumulatorForm<>("LTVT", 1, LtvSpec::fromJson,
          (acc, writer) -> acc.revenue.writeTo(writer), (acc, reader) -> acc.revenue.readFrom(reader));

  /** Group of every user in the tally; users are also in the group of their attribute. */
  private static final int ALL = 0;

  private final LtvSpec spec;
  private final CohortRevenue revenue;

  LtvAccumulator(LtvSpec spec) {
    this.spec = spec;
    this.revenue = new CohortRevenue(spec);
  }

  @Override
  public LtvSpec spec() {
    return spec;
  }

  /**
   * Adds one order record without an attribute: the same as {@link #add(Order, String)} with
   * {@code null}.
   *
   * @param order the order; its user id must be in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @return this accumulator
   * @throws NullPointerException if {@code order} is null
   * @throws IllegalArgumentException if a counted order's user id is out of range
   * @throws ArithmeticException if a sum of amounts overflows
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public LtvAccumulator add(Order order) {
    return add(order, null);
  }

  /**
   * Adds one order record: it counts, at its full amount, when the spec's {@link
   * LtvSpec#refunds()} treatment counts its status.
   *
   * @param order the order; its user id must be in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param attribute the attribute the user takes if this is their first valid order (e.g. their
   *     acquisition channel or first-order segment), or {@code null} for none
   * @return this accumulator
   * @throws NullPointerException if {@code order} is null
   * @throws IllegalArgumentException if a counted order's user id is out of range, or {@code
   *     attribute} would be one distinct attribute too many
   * @throws ArithmeticException if a sum of amounts overflows
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public LtvAccumulator add(Order order, String attribute) {
    revenue.add(order, attribute);
    return this;
  }

  /**
   * Adds one valid order (paid, not cancelled, not fully refunded) without an attribute.
   *
   * @param userId the buyer, in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param epochMillis when it was placed, epoch milliseconds
   * @param amountMinor its amount net of refunds, minor units
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range
   * @throws ArithmeticException if a sum of amounts overflows
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public LtvAccumulator add(long userId, long epochMillis, long amountMinor) {
    return add(userId, epochMillis, amountMinor, null);
  }

  /**
   * Adds one valid order (paid, not cancelled, not fully refunded).
   *
   * @param userId the buyer, in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param epochMillis when it was placed, epoch milliseconds
   * @param amountMinor its amount net of refunds, minor units
   * @param attribute the attribute the user takes if this is their first valid order, or {@code
   *     null} for none
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range, or {@code attribute} would
   *     be one distinct attribute too many
   * @throws ArithmeticException if a sum of amounts overflows
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public LtvAccumulator add(long userId, long epochMillis, long amountMinor, String attribute) {
    revenue.add(userId, epochMillis, amountMinor, attribute);
    return this;
  }

  /**
   * Adds every valid order of {@code validOrders}, at its amount net of refunds, without
   * attributes. Records {@code validOrders} skipped are in its own {@link
   * ValidOrders#diagnostics()}.
   *
   * @param validOrders the join of orders and refunds; orders it passes are screened again against
   *     this spec's {@code asOf}
   * @return this accumulator
   * @throws NullPointerException if {@code validOrders} is null
   * @throws IllegalArgumentException if a user id is out of range
   * @throws ArithmeticException if a sum of amounts overflows
   * @throws dev.userops.core.BadRecordException for a bad record, here or in the join, under
   *     {@code REJECT}
   */
  public LtvAccumulator addAll(ValidOrders validOrders) {
    validOrders.forEach(this::add);
    return this;
  }

  /**
   * Adds every valid order of {@code validOrders} as {@link #add(long, long, long, String)} does,
   * with the attribute the host keeps per order.
   *
   * @param validOrders the join of orders and refunds
   * @param attributeOfOrder the attribute of the order at an index {@link ValidOrders#addOrder}
   *     kept (the order's position among the orders it returned {@code true} for), or {@code null}
   * @return this accumulator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a user id is out of range, or there are too many distinct
   *     attributes
   * @throws ArithmeticException if a sum of amounts overflows
   * @throws dev.userops.core.BadRecordException for a bad record, here or in the join, under
   *     {@code REJECT}
   */
  public LtvAccumulator addAll(ValidOrders validOrders, IntFunction<String> attributeOfOrder) {
    Checks.requireNonNull(attributeOfOrder, "attributeOfOrder");
    validOrders.forEachIndexed(
        (index, userId, epochMillis, amountMinor) ->
            add(userId, epochMillis, amountMinor, attributeOfOrder.apply(index)));
    return this;
  }

  @Override
  public LtvAccumulator merge(LtvAccumulator other) {
    Accumulators.checkMergeable(this, other);
    revenue.merge(other.revenue);
    return this;
  }

  @Override
  public LtvResult result() {
    long firstCohort = revenue.firstCohort();
    // Group 0 is every user, group 1 users without an attribute, group 2 + id attribute id.
    int groups = 2 + revenue.attributeCount();
    CohortTable table =
        new CohortTable(
            revenue.calendar(), spec.granularity(), spec.intervals(), groups, firstCohort, revenue.asOfMillis());
    for (int user = 0; user < revenue.capacity(); user++) {
      long cohort = revenue.cohort(user);
      if (cohort != CohortRevenue.NOT_REPORTED) {
        tally(user, cohort, table.row(ALL, cohort));
        tally(user, cohort, table.row(2 + revenue.attribute(user), cohort));
      }
    }
    List<LtvResult.Split> splits = new ArrayList<>();
    List<Integer> attributes = table.attributesUsed(revenue, 2);
    // Sorted with none first, so some user has an attribute if the last id is one.
    if (!attributes.isEmpty() && attributes.get(attributes.size() - 1) != CohortRevenue.NO_ATTRIBUTE) {
      for (int id : attributes) {
        splits.add(new LtvResult.Split(revenue.attributeName(id), triangle(table, 2 + id)));
      }
    }
    return new LtvResult(
        spec.granularity(),
        spec.zone(),
        spec.intervals(),
        triangle(table, ALL),
        splits,
        revenue.orders(),
        revenue.diagnostics());
  }

  private void tally(int user, long cohort, long[] row) {
    row[CohortTable.BUYERS]++;
    revenue.addRevenueTo(user, cohort, row, CohortTable.REVENUE);
  }

  private LtvResult.Triangle triangle(CohortTable table, int group) {
    List<LtvResult.Cohort> cohorts = new ArrayList<>();
    for (int offset = 0; offset < table.cohorts(); offset++) {
      long[] row = table.rowAt(group, offset);
      if (row != null) {
        cohorts.add(new LtvResult.Cohort(table.start(offset), row[CohortTable.BUYERS], table.cumulativeRevenue(row, offset)));
      }
    }
    return LtvResult.Triangle.of(cohorts, spec.intervals());
  }

  @Override
  public byte[] toByteArray() {
    return FORM.write(this);
  }
}
