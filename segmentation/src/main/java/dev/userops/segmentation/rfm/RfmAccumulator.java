package dev.userops.segmentation.rfm;

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
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Accumulates {@link RfmFeatures} from valid orders. User ids are dense indexes, as {@link
 * dev.userops.core.UserIdDictionary} assigns them: the per-user state is one {@code long[]}
 * indexed by user id with a user's fields side by side (last order time; orders and spend packed
 * in one long), so an order touches one 16-byte slot, within one cache line. Memory: 16 bytes ×
 * (largest user id + 1), plus about 32 bytes per distinct purchase day under {@link
 * RfmSpec.Frequency#PURCHASE_DAYS}; users beyond about 524 thousand orders or 2^44 minor units of
 * spend move to an exact side table (about 100 bytes each).
 * Measured (ScaleBenchmark, 1M users, 12M events, frequency ORDERS): 27.2 bytes of heap and 28.0
 * bytes of {@link #toByteArray()} per user.
 *
 * <p>Each {@code add} is one record for the spec's {@link dev.userops.core.BadRecordPolicy},
 * numbered from 0 in the order this accumulator received them, and is screened by the rules every
 * calculation shares (amount {@code >= 0}, time in [1970, {@code asOf}]). Orders with partial
 * refunds go through {@link ValidOrders} first ({@link #addAll}), which holds the one definition
 * of a valid order and its net amount. Spend that overflows a {@code long} throws {@link
 * ArithmeticException}.
 */
public final class RfmAccumulator implements Accumulator<RfmAccumulator, RfmFeatures> {
  /** The largest user id plus one; keeps the state array within a Java array's bounds. */
  public static final long MAX_USERS = UserStates.MAX_USERS;

  /** Read by {@link RfmSpec#accumulatorFromBytes}. */
  static final AccumulatorForm<RfmSpec, RfmAccumulator> FORM =
      new AccumulatorForm<>("RFMA", 1, RfmSpec::fromJson,
          RfmAccumulator::writeFields, RfmAccumulator::readFields);
  /** Rows per screening pass of the columnar add: 96 KiB of input, within L2. */
  private static final int BATCH_ROWS = 4096;

  private final RfmSpec spec;
  private final long asOfMillis;
  private final CalendarIndex calendar;
  private final BadRecords badRecords;
  private final PurchaseDays purchaseDays;
  private final UserStates users = new UserStates();

  RfmAccumulator(RfmSpec spec) {
    this.spec = spec;
    this.asOfMillis = spec.asOf().toEpochMilli();
    this.calendar = CalendarIndex.of(spec.zone());
    this.badRecords = new BadRecords(spec.badRecords());
    this.purchaseDays = spec.frequency() == RfmSpec.Frequency.PURCHASE_DAYS ? new PurchaseDays() : null;
  }

  @Override
  public RfmSpec spec() {
    return spec;
  }

  /**
   * Adds one valid order: a purchase with its amount net of refunds.
   *
   * @param userId the buyer's dense index, in {@code [0, MAX_USERS)}
   * @param epochMillis when it was placed, epoch milliseconds
   * @param amountMinor its amount in minor units; negative is a bad record
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   * @throws ArithmeticException if the user's spend overflows a {@code long}
   */
  public RfmAccumulator add(long userId, long epochMillis, long amountMinor) {
    long record = badRecords.next();
    // BadRecords.acceptOrder's rules, tested with two branches first; it reports what failed.
    if ((epochMillis | amountMinor) >= 0 && epochMillis <= asOfMillis) {
      purchase(userId, epochMillis, amountMinor);
    } else {
      badRecords.acceptOrder(record, epochMillis, amountMinor, asOfMillis);
    }
    return this;
  }

  /**
   * Adds rows {@code [from, to)} of columns of valid orders: the same as {@link #add(long, long,
   * long) add(userIds[i], epochMillis[i], amountMinor[i])} for each row in turn, faster for columnar
   * input. Rows are screened a few thousand at a time in one pass; when all of them pass, they go
   * through a loop that touches nothing but each user's slot, otherwise (and under {@link
   * RfmSpec.Frequency#PURCHASE_DAYS}) row by row.
   *
   * @param userIds buyers' dense indexes, each in {@code [0, MAX_USERS)}
   * @param epochMillis order times, epoch milliseconds
   * @param amountMinor order amounts net of refunds, in minor units
   * @param from the first row, inclusive
   * @param to the row to stop before; {@code from == to} adds nothing
   * @return this accumulator
   * @throws NullPointerException if an array is null
   * @throws IndexOutOfBoundsException if {@code [from, to)} is not within every array
   * @throws IllegalArgumentException if a user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}; rows before
   *     it are added
   */
  public RfmAccumulator add(long[] userIds, long[] epochMillis, long[] amountMinor, int from, int to) {
    Objects.checkFromToIndex(from, to, userIds.length);
    Objects.checkFromToIndex(from, to, epochMillis.length);
    Objects.checkFromToIndex(from, to, amountMinor.length);
    // In chunks small enough to stay in cache between the screening pass and the update loop.
    for (int start = from; start < to; ) {
      int end = start + Math.min(BATCH_ROWS, to - start);
      addChunk(userIds, epochMillis, amountMinor, start, end);
      start = end;
    }
    return this;
  }

  private void addChunk(long[] userIds, long[] epochMillis, long[] amountMinor, int from, int to) {
    long signs = 0;
    long maxUser = -1;
    for (int i = from; i < to; i++) {
      // Negative when a user id, time or amount is below zero or a time is after asOf.
      signs |= userIds[i] | epochMillis[i] | amountMinor[i] | (asOfMillis - epochMillis[i]);
      maxUser = Math.max(maxUser, userIds[i]);
    }
    if (signs < 0 || maxUser >= MAX_USERS || purchaseDays != null) {
      for (int i = from; i < to; i++) {
        add(userIds[i], epochMillis[i], amountMinor[i]);
      }
      return;
    }
    users.reserve(maxUser);
    users.addOrders(userIds, epochMillis, amountMinor, from, to);
    badRecords.advance(to - from);
  }

  /**
   * Adds one order record without separate refunds: screened like {@link #add(long, long, long)},
   * and a purchase only if its status is {@link dev.userops.core.event.OrderStatus#PAID}.
   *
   * @param order the order; its id is not checked for duplicates (use {@link ValidOrders})
   * @return this accumulator
   * @throws NullPointerException if {@code order} is null
   * @throws IllegalArgumentException if the paid order's user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public RfmAccumulator add(Order order) {
    return add(order.userId(), order.occurredAtMillis(), order.amountMinor(), order.status());
  }

  /**
   * Adds one order record by its fields, as {@link #add(Order)} does with an order of these fields:
   * screened like {@link #add(long, long, long)}, and a purchase only if {@code status} is {@link
   * dev.userops.core.event.OrderStatus#PAID}. For hosts that hold no order id (RFM does not read it).
   *
   * @param userId the buyer's dense index, in {@code [0, MAX_USERS)}
   * @param epochMillis when it was placed, epoch milliseconds
   * @param amountMinor its amount in minor units; negative is a bad record
   * @param status its status
   * @return this accumulator
   * @throws NullPointerException if {@code status} is null
   * @throws IllegalArgumentException if the paid order's user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public RfmAccumulator add(long userId, long epochMillis, long amountMinor, OrderStatus status) {
    Checks.requireNonNull(status, "status");
    if (badRecords.acceptOrder(badRecords.next(), epochMillis, amountMinor, asOfMillis) && status.isValidOrder()) {
      purchase(userId, epochMillis, amountMinor);
    }
    return this;
  }

  /**
   * Adds every valid order of {@code validOrders} with its net amount. Records {@code validOrders}
   * screened are counted in its own {@link ValidOrders#diagnostics()}, not here.
   *
   * @param validOrders the join of orders and refunds, created with this spec's {@code asOf}
   * @return this accumulator
   * @throws NullPointerException if {@code validOrders} is null
   * @throws dev.userops.core.BadRecordException for a bad refund under the join's {@code REJECT}
   *     policy
   */
  public RfmAccumulator addAll(ValidOrders validOrders) {
    validOrders.forEach(this::add);
    return this;
  }

  private void purchase(long userId, long epochMillis, long amountMinor) {
    users.add(userId, epochMillis, 1, amountMinor);
    if (purchaseDays != null) {
      purchaseDays.add(PurchaseDays.key(userId, calendar.dayIndex(epochMillis)));
    }
  }

  @Override
  public RfmAccumulator merge(RfmAccumulator other) {
    Accumulators.checkMergeable(this, other);
    users.addAll(other.users);
    if (purchaseDays != null) {
      purchaseDays.addAll(other.purchaseDays);
    }
    badRecords.merge(other.badRecords);
    return this;
  }

  /**
   * One user's part of an accumulator: what {@link #merge} adds for that user. With {@link
   * #forEachUser} and {@link #addUser}, an engine that spreads users over machines (the Spark
   * adapter) merges each user's partial states where that user's features are computed, with dense
   * ids of its own, instead of whole accumulators whose dense ids would collide.
   *
   * @param userId the user's dense index, {@code >= 0}
   * @param lastMillis the latest order's time, epoch milliseconds, {@code >= 0}
   * @param orders the user's valid orders, {@code >= 1}
   * @param spendMinor their total amount in minor units, {@code >= 0}
   */
  public record UserState(long userId, long lastMillis, long orders, long spendMinor) {
    /**
     * Checks the ranges of the fields.
     *
     * @param userId the user's dense index, {@code >= 0}
     * @param lastMillis the latest order's time, epoch milliseconds, {@code >= 0}
     * @param orders the user's valid orders, {@code >= 1}
     * @param spendMinor their total amount in minor units, {@code >= 0}
     * @throws IllegalArgumentException if a field is out of its range
     */
    public UserState {
      Checks.checkArgument(userId >= 0, "userId must be >= 0, got %s", userId);
      Checks.checkArgument(lastMillis >= 0, "lastMillis must be >= 0, got %s", lastMillis);
      Checks.checkArgument(orders > 0, "orders must be > 0, got %s", orders);
      Checks.checkArgument(spendMinor >= 0, "spendMinor must be >= 0, got %s", spendMinor);
    }
  }

  /**
   * Gives the state of every user with at least one valid order, ascending by user id. Bad-record
   * counts are not per user and are not given.
   *
   * @param action receives each user's state
   * @throws NullPointerException if {@code action} is null
   * @throws IllegalStateException under {@link RfmSpec.Frequency#PURCHASE_DAYS}, where a user's
   *     state also holds its distinct purchase days
   */
  public void forEachUser(Consumer<? super UserState> action) {
    Checks.requireNonNull(action, "action");
    checkOrdersOnly();
    for (int u = 0; u < users.capacity(); u++) {
      if (users.has(u)) {
        action.accept(new UserState(u, users.lastMillis(u), users.orders(u), users.spend(u)));
      }
    }
  }

  /**
   * Adds one user's state, as merging an accumulator that holds only that user would: the latest
   * order time is the later of the two, orders and spend are summed. Not a record: bad-record
   * numbering is unchanged.
   *
   * @param state the state, its {@code userId} a dense index of this accumulator, below {@link
   *     #MAX_USERS}
   * @return this accumulator
   * @throws NullPointerException if {@code state} is null
   * @throws IllegalArgumentException if the user id is out of range or the time after {@code asOf}
   * @throws IllegalStateException under {@link RfmSpec.Frequency#PURCHASE_DAYS}
   * @throws ArithmeticException if the user's orders or spend overflow a {@code long}
   */
  public RfmAccumulator addUser(UserState state) {
    checkOrdersOnly();
    Checks.checkArgument(state.lastMillis() <= asOfMillis,
        "lastMillis must be <= asOf (%s), got %s", asOfMillis, state.lastMillis());
    users.add(state.userId(), state.lastMillis(), state.orders(), state.spendMinor());
    return this;
  }

  private void checkOrdersOnly() {
    Checks.checkState(purchaseDays == null,
        "per-user states need frequency ORDERS; PURCHASE_DAYS keeps each user's days, merge whole accumulators");
  }

  @Override
  public RfmFeatures result() {
    int n = users.size();
    long[] userIds = new long[n];
    long[] recency = new long[n];
    long[] frequency = new long[n];
    long[] spend = new long[n];
    boolean total = spec.monetary() == RfmSpec.Monetary.TOTAL;
    long[] monetary = total ? spend : new long[n];
    long asOfDay = calendar.dayIndex(asOfMillis);
    int i = 0;
    for (int u = 0; u < users.capacity(); u++) {
      if (users.has(u)) {
        userIds[i] = u;
        recency[i] = asOfDay - calendar.dayIndex(users.lastMillis(u));
        frequency[i] = users.orders(u);
        spend[i] = users.spend(u);
        if (!total) {
          monetary[i] = meanHalfUp(spend[i], frequency[i]);
        }
        i++;
      }
    }
    if (purchaseDays != null) {
      countPurchaseDays(userIds, frequency);
    }
    return new RfmFeatures(userIds, recency, frequency, monetary, spend, badRecords.diagnostics());
  }

  private void countPurchaseDays(long[] userIds, long[] frequency) {
    Arrays.fill(frequency, 0);
    for (long key : purchaseDays.sortedKeys()) {
      frequency[Arrays.binarySearch(userIds, PurchaseDays.userOf(key))]++;
    }
  }

  private static long meanHalfUp(long total, long count) {
    long mean = total / count;
    return 2 * (total % count) >= count ? mean + 1 : mean;
  }

  @Override
  public byte[] toByteArray() {
    return FORM.write(this);
  }

  private void writeFields(BinaryForm.Writer writer) {
    badRecords.writeWithRecordsTo(writer);
    writer.putAscending(users.capacity(), users::has,
        u -> writer.putLong(users.lastMillis(u)).putLong(users.orders(u)).putLong(users.spend(u)));
    if (purchaseDays != null) {
      long[] keys = purchaseDays.sortedKeys();
      writer.putInt(keys.length);
      for (long key : keys) {
        writer.putLong(key);
      }
    }
  }

  private void readFields(BinaryForm.Reader reader) {
    badRecords.readWithRecordsFrom(reader);
    reader.getAscending("users", "userId", (int) MAX_USERS - 1, userId -> {
      long last = reader.getLong("lastMillis");
      Checks.checkArgument(
          last >= 0 && last <= asOfMillis, "RFMA: lastMillis must be in [0, asOf], got %s", last);
      long orders = reader.getLong("orders");
      Checks.checkArgument(orders > 0, "RFMA: orders must be > 0, got %s", orders);
      long spend = reader.getLong("spend");
      Checks.checkArgument(spend >= 0, "RFMA: spend must be >= 0, got %s", spend);
      users.add(userId, last, orders, spend);
    });
    if (purchaseDays != null) {
      int keys = reader.getInt("purchaseDays", 0, Integer.MAX_VALUE);
      for (int i = 0; i < keys; i++) {
        long key = reader.getLong("purchaseDay");
        int userId = PurchaseDays.userOf(key);
        Checks.checkArgument(
            userId < users.capacity() && users.has(userId),
            "RFMA: purchase day of user %s without orders", userId);
        Checks.checkArgument(purchaseDays.add(key), "RFMA: purchase day %s appears twice", key);
      }
    }
  }
}
