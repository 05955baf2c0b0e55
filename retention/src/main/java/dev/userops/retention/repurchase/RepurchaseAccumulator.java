package dev.userops.retention.repurchase;

import dev.userops.core.Accumulator;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.AccumulatorForm;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.internal.Checks;
import dev.userops.retention.repurchase.RepurchaseResult.Cohort;
import dev.userops.retention.repurchase.RepurchaseResult.CurvePoint;
import dev.userops.retention.repurchase.RepurchaseResult.NextPeriod;
import dev.userops.retention.repurchase.RepurchaseResult.TimeToSecondOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates a {@link RepurchaseResult} from valid orders. User ids are dense indexes in {@code
 * [0, }{@value #MAX_USER_ID}{@code ]} (map other ids with {@link
 * dev.userops.core.UserIdDictionary}); memory is 16 bytes per index up to the largest seen, whether
 * or not that user bought, plus up to half again while the array grows. For bulk input prefer
 * {@link #addAll(long[], long[])}: with users in random order it is several times faster than one
 * {@code add} per order. Measured (ScaleBenchmark, 1M users, 12M events): 20.5 bytes of heap and
 * 20.0 bytes of {@link #toByteArray()} per user.
 *
 * <p>Per user it keeps what makes merging exact however a user's orders are split across partitions
 * and in whatever order they arrive: the two smallest local order days (distinct days, or with
 * repetition when same-day orders count) — the two smallest of a union are among the two smallest
 * of each part — the number of valid orders saturated at 3, and one bit per period in which the
 * user bought for the {@value #TRACKED_PERIODS} periods up to the one containing {@code asOf}
 * (next-period repurchase is not reported for older periods). Merging takes the two smallest of the
 * four days, adds the counts and ORs the bits.
 *
 * <p>A local day is complete at {@code asOf} when its last millisecond is at or before {@code
 * asOf}: orders at {@code asOf} count, so {@code asOf} is inclusive, and an {@code asOf} of
 * 23:59:59.999 local completes its day.
 *
 * <p>Each {@code add} is one record for the spec's {@link dev.userops.core.BadRecordPolicy},
 * numbered from 0 in the order this accumulator received them: a time before 1970 or after {@code
 * asOf}, and a negative amount in {@link #add(Order)}, are bad records.
 */
public final class RepurchaseAccumulator
    implements Accumulator<RepurchaseAccumulator, RepurchaseResult> {
  /** Largest user id: two longs per user must fit in one array. */
  public static final int MAX_USER_ID = (Integer.MAX_VALUE - 8) / 2 - 1;

  /** Periods of next-period repurchase tracked per user, ending with the one containing asOf. */
  public static final int TRACKED_PERIODS = 62;

  /** Read by {@link RepurchaseSpec#accumulatorFromBytes}. */
  static final AccumulatorForm<RepurchaseSpec, RepurchaseAccumulator> FORM =
      new AccumulatorForm<>("RPUR", 1, RepurchaseSpec::fromJson,
          RepurchaseAccumulator::writeFields, RepurchaseAccumulator::readFields);
  private static final int NONE = Integer.MAX_VALUE;

  /** Days word of a user without orders: both days {@link #NONE}. */
  private static final long EMPTY = ((long) NONE << 32) | NONE;

  private static final int COUNT_SHIFT = TRACKED_PERIODS;
  private static final long PERIOD_BITS = (1L << TRACKED_PERIODS) - 1;
  private static final int MAX_COUNT = 3;

  /** Most orders {@link #addAll(long[], long[])} sorts at once: 128 MB of scratch. */
  private static final int RUN = 1 << 24;

  /** Orders are sorted by blocks of 2^13 longs (64 KB) of state, which stay in L2 while updated. */
  private static final int SORT_SHIFT = 13;

  private final RepurchaseSpec spec;
  private final CalendarIndex calendar;
  private final long asOfMillis;
  private final long asOfPeriod;
  private final int asOfDay;

  /** Bit of the period of local day {@code asOfDay - i} in the period bits, for tracked days. */
  private final byte[] periodBitOfDaysBack;

  private final Granularity nextPeriod;

  /** The spec's curve checkpoints, ascending. */
  private final int[] curveDays;

  /**
   * For a gap of g days from first order to repurchase, the first checkpoint j with {@code g <=
   * curveDays[j]}, or {@code curveDays.length} if none; gaps beyond the last checkpoint take the
   * last entry.
   */
  private final byte[] checkpointOfGap;

  /** 1 when same-day orders do not count as a repurchase, else 0. */
  private final int distinctDays;

  private final BadRecords badRecords;

  /**
   * Two longs per user id: first and second order day ({@code first << 32 | second}, {@link #NONE}
   * when absent), then the period bits with the saturated order count in the top two bits.
   */
  private long[] state = new long[0];

  private long orders;

  RepurchaseAccumulator(RepurchaseSpec spec) {
    this.spec = spec;
    this.calendar = CalendarIndex.of(spec.zone(), spec.weekStart());
    this.asOfMillis = spec.asOf().toEpochMilli();
    this.nextPeriod = spec.nextPeriod();
    this.asOfPeriod = calendar.index(nextPeriod, asOfMillis);
    this.asOfDay = (int) calendar.dayIndex(asOfMillis);
    long oldestTracked = asOfPeriod - (TRACKED_PERIODS - 1);
    this.periodBitOfDaysBack =
        new byte
            [(int) (asOfDay - calendar.periodStart(nextPeriod, oldestTracked).toEpochDay() + 1)];
    for (int i = 0; i < periodBitOfDaysBack.length; i++) {
      periodBitOfDaysBack[i] = (byte) (asOfPeriod - calendar.indexOfDay(nextPeriod, asOfDay - i));
    }
    this.curveDays = spec.curveDays().stream().mapToInt(Integer::intValue).toArray();
    int lastCheckpoint = curveDays.length == 0 ? 0 : curveDays[curveDays.length - 1];
    this.checkpointOfGap = new byte[lastCheckpoint + 2];
    for (int gap = 0, j = 0; gap < checkpointOfGap.length; gap++) {
      j += j < curveDays.length && gap > curveDays[j] ? 1 : 0;
      checkpointOfGap[gap] = (byte) j;
    }
    this.distinctDays = spec.sameDay() ? 0 : 1;
    this.badRecords = new BadRecords(spec.badRecords());
  }

  @Override
  public RepurchaseSpec spec() {
    return spec;
  }

  /**
   * Adds one order record: it counts when the spec's {@link RepurchaseSpec#refunds()} treatment
   * counts its status. Refund events are not seen here; to apply them, join with {@link
   * ValidOrders} and use {@link #addAll(ValidOrders)}.
   *
   * @param order the order; its user id must be in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @return this accumulator
   * @throws NullPointerException if {@code order} is null
   * @throws IllegalArgumentException if a counted order's user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public RepurchaseAccumulator add(Order order) {
    long recordIndex = badRecords.next();
    if (badRecords.acceptOrder(
            recordIndex, order.occurredAtMillis(), order.amountMinor(), asOfMillis)
        && spec.refunds().counts(order.status())) {
      addValid(order.userId(), order.occurredAtMillis());
    }
    return this;
  }

  /**
   * Adds one valid order (paid, not cancelled, not fully refunded).
   *
   * @param userId the buyer, in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param epochMillis when it was placed, epoch milliseconds
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public RepurchaseAccumulator add(long userId, long epochMillis) {
    long recordIndex = badRecords.next();
    if (badRecords.acceptTime(recordIndex, epochMillis, asOfMillis)) {
      addValid(userId, epochMillis);
    }
    return this;
  }

  /**
   * Adds valid orders given as columns: the same as {@link #add(long, long)} with {@code
   * userIds[i], epochMillis[i]} for each {@code i} in order, but several times faster when users
   * arrive in random order. Runs of up to {@value #RUN} good orders are first sorted by the block
   * of user state they touch (a counting sort), so that each block is updated while it is in cache;
   * this takes a transient 8 bytes per order of a run.
   *
   * @param userIds buyers, each in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param epochMillis order times, epoch milliseconds, row for row
   * @return this accumulator
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or a user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public RepurchaseAccumulator addAll(long[] userIds, long[] epochMillis) {
    Checks.requireEqualLengths("userIds and epochMillis", userIds.length, epochMillis.length);
    int i = 0;
    while (i < userIds.length) {
      int end = Math.min(userIds.length, i + RUN);
      int runEnd = i;
      long maxUserId = -1;
      // What add(long, long) would reject or report is left to it, after the run before it.
      while (runEnd < end
          && epochMillis[runEnd] >= 0
          && epochMillis[runEnd] <= asOfMillis
          && userIds[runEnd] >= 0
          && userIds[runEnd] <= MAX_USER_ID) {
        maxUserId = Math.max(maxUserId, userIds[runEnd++]);
      }
      if (runEnd > i) {
        slot(maxUserId);
        addRun(userIds, epochMillis, i, runEnd);
      }
      if (runEnd < end) {
        add(userIds[runEnd], epochMillis[runEnd]);
        runEnd++;
      }
      i = runEnd;
    }
    return this;
  }

  /** Adds good orders {@code from} (inclusive) to {@code to}; the state covers their users. */
  private void addRun(long[] userIds, long[] epochMillis, int from, int to) {
    int[] starts = new int[(state.length >>> SORT_SHIFT) + 2];
    for (int i = from; i < to; i++) {
      starts[((int) userIds[i] << 1 >>> SORT_SHIFT) + 1]++;
    }
    for (int b = 1; b < starts.length; b++) {
      starts[b] += starts[b - 1];
    }
    long[] sorted = new long[to - from]; // (slot, day) by state block
    for (int i = from; i < to; i++) {
      int slot = (int) userIds[i] << 1;
      sorted[starts[slot >>> SORT_SHIFT]++] =
          (long) slot << 32 | calendar.dayIndex(epochMillis[i]) & 0xFFFF_FFFFL;
    }
    for (int k = 0, n = to - from; k < n; k++) {
      long entry = sorted[k];
      int day = (int) entry;
      update((int) (entry >>> 32), day, periodBit(day));
    }
    badRecords.advance(to - from);
    orders += to - from;
  }

  /**
   * Adds every valid order of {@code validOrders} as {@link #add(long, long)} does. Records {@code
   * validOrders} skipped are in its own {@link ValidOrders#diagnostics()}.
   *
   * @param validOrders the join of orders and refunds; orders it passes are screened again against
   *     this spec's {@code asOf}
   * @return this accumulator
   * @throws NullPointerException if {@code validOrders} is null
   * @throws IllegalArgumentException if a user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record, here or in the join, under
   *     {@code REJECT}
   */
  public RepurchaseAccumulator addAll(ValidOrders validOrders) {
    validOrders.forEach((userId, epochMillis, amountMinor) -> add(userId, epochMillis));
    return this;
  }

  private void addValid(long userId, long epochMillis) {
    int slot = slot(userId);
    int day = (int) calendar.dayIndex(epochMillis);
    orders++;
    update(slot, day, periodBit(day));
  }

  /** The period bit of local day {@code day <= asOfDay}, 0 if its period is not tracked. */
  private long periodBit(int day) {
    int daysBack = asOfDay - day;
    return daysBack < periodBitOfDaysBack.length ? 1L << periodBitOfDaysBack[daysBack] : 0;
  }

  private int slot(long userId) {
    Checks.requireInRange(userId, 0, MAX_USER_ID, "userId");
    int slot = (int) userId << 1;
    if (slot >= state.length) {
      grow(slot + 2);
    }
    return slot;
  }

  private void grow(int minLength) {
    int oldLength = state.length;
    // Growth by half keeps the slack of dense ids small: at most a third of the array.
    long grown = Math.max(minLength, oldLength + (oldLength >> 1)) & ~1L;
    int length = (int) Math.min(grown, 2L * (MAX_USER_ID + 1));
    state = Arrays.copyOf(state, length);
    for (int i = oldLength; i < length; i += 2) {
      state[i] = EMPTY;
    }
  }

  private void update(int slot, int day, long bit) {
    state[slot] = insert(state[slot], day);
    state[slot + 1] = mergeWord(state[slot + 1], bit | 1L << COUNT_SHIFT);
  }

  /**
   * Inserts {@code day} into the two smallest days {@code days} holds. Branch-free: a mispredicted
   * branch on a day just loaded from a cache miss would stall the misses of the next orders.
   */
  private long insert(long days, int day) {
    int first = (int) (days >>> 32);
    int second = (int) days;
    int later = Math.max(first, day);
    // Without same-day repurchase, a day equal to the first is no candidate for the second.
    int repeatsFirst = (((day - first) | (first - day)) >>> 31 ^ 1) & distinctDays;
    later += (NONE - later) & -repeatsFirst;
    return (long) Math.min(first, day) << 32 | Math.min(second, later) & 0xFFFF_FFFFL;
  }

  @Override
  public RepurchaseAccumulator merge(RepurchaseAccumulator other) {
    Accumulators.checkMergeable(this, other);
    if (other.state.length > state.length) {
      grow(other.state.length);
    }
    long[] theirs = other.state;
    for (int slot = 0; slot < theirs.length; slot += 2) {
      long days = theirs[slot];
      if (days != EMPTY) {
        int second = (int) days;
        state[slot] = insert(state[slot], (int) (days >>> 32));
        if (second != NONE) {
          state[slot] = insert(state[slot], second);
        }
        state[slot + 1] = mergeWord(state[slot + 1], theirs[slot + 1]);
      }
    }
    orders = Math.addExact(orders, other.orders);
    badRecords.merge(other.badRecords);
    return this;
  }

  private static long mergeWord(long mine, long theirs) {
    long total = Math.min(MAX_COUNT, (mine >>> COUNT_SHIFT) + (theirs >>> COUNT_SHIFT));
    return (mine | theirs) & PERIOD_BITS | total << COUNT_SHIFT;
  }

  @Override
  public RepurchaseResult result() {
    int minFirst = NONE;
    int maxDay = Integer.MIN_VALUE;
    for (int slot = 0; slot < state.length; slot += 2) {
      long days = state[slot];
      if (days != EMPTY) {
        minFirst = Math.min(minFirst, (int) (days >>> 32));
        maxDay = Math.max(maxDay, (int) days == NONE ? (int) (days >>> 32) : (int) days);
      }
    }
    Tally tally = minFirst == NONE ? new Tally(0, 0, 0) : tally(minFirst, maxDay);
    List<Cohort> cohorts = new ArrayList<>();
    List<CurvePoint> curve = new ArrayList<>();
    long firstCohort = minFirst == NONE ? 0 : calendar.indexOfDay(spec.cohort(), minFirst);
    for (int c = 0; c < tally.cohorts.length; c += 3) {
      if (tally.cohorts[c] > 0) {
        LocalDate start = calendar.periodStart(spec.cohort(), firstCohort + c / 3);
        cohorts.add(
            new Cohort(start, tally.cohorts[c], tally.cohorts[c + 1], tally.cohorts[c + 2]));
        for (int j = 0, p = 2 * curveDays.length * (c / 3); j < curveDays.length; j++, p += 2) {
          curve.add(new CurvePoint(start, curveDays[j], tally.curve[p], tally.curve[p + 1]));
        }
      }
    }
    return new RepurchaseResult(
        spec.windowDays(),
        spec.cohort(),
        nextPeriod,
        cohorts,
        curve,
        nextPeriods(tally.periodBuyers, tally.periodRepeaters),
        timeToSecondOrder(tally.gaps),
        tally.buyers,
        tally.twoPlus,
        tally.threePlus,
        orders,
        badRecords.diagnostics());
  }

  /** Counts of one pass over the users whose order days lie in {@code [minFirst, maxDay]}. */
  private static final class Tally {
    /** Per cohort from the first: first buyers, mature ones, mature repurchasers. */
    final long[] cohorts;

    /** Per cohort from the first, then per checkpoint: mature first buyers, their repurchasers. */
    final long[] curve;

    /** Repeat buyers by days from first order to repurchase. */
    final long[] gaps;

    final long[] periodBuyers = new long[TRACKED_PERIODS];
    final long[] periodRepeaters = new long[TRACKED_PERIODS];
    long buyers;
    long twoPlus;
    long threePlus;

    Tally(long cohorts, int days, int checkpoints) {
      this.cohorts = new long[Math.toIntExact(3 * cohorts)];
      this.curve = new long[Math.toIntExact(2 * checkpoints * cohorts)];
      this.gaps = new long[days];
    }
  }

  private Tally tally(int minFirst, int maxDay) {
    int window = spec.windowDays();
    long lastCompleteDay = calendar.dayIndex(asOfMillis + 1) - 1;
    long lastMatureFirstDay = lastCompleteDay - window;
    long firstCohort = calendar.indexOfDay(spec.cohort(), minFirst);
    // Cohort of each day, looked up rather than computed per user.
    int[] cohortOfDay = new int[maxDay - minFirst + 1];
    for (int d = 0; d < cohortOfDay.length; d++) {
      cohortOfDay[d] = (int) (calendar.indexOfDay(spec.cohort(), minFirst + d) - firstCohort);
    }
    Tally tally =
        new Tally(cohortOfDay[cohortOfDay.length - 1] + 1, cohortOfDay.length, curveDays.length);
    CurveCounts curve = new CurveCounts(minFirst, lastCompleteDay, cohortOfDay);
    for (int slot = 0; slot < state.length; slot += 2) {
      long days = state[slot];
      if (days == EMPTY) {
        continue;
      }
      int first = (int) (days >>> 32);
      int second = (int) days;
      int c = 3 * cohortOfDay[first - minFirst];
      tally.cohorts[c]++;
      if (first <= lastMatureFirstDay) {
        tally.cohorts[c + 1]++;
        tally.cohorts[c + 2] += second != NONE && second - first <= window ? 1 : 0;
      }
      curve.add(first, second);
      if (second != NONE) {
        tally.gaps[second - first]++;
      }
      long word = state[slot + 1];
      long count = word >>> COUNT_SHIFT;
      tally.buyers++;
      tally.twoPlus += count >= 2 ? 1 : 0;
      tally.threePlus += count >= 3 ? 1 : 0;
      countPeriods(word & PERIOD_BITS, tally.periodBuyers, tally.periodRepeaters);
    }
    curve.addTo(tally.curve);
    return tally;
  }

  /**
   * The repurchase curve's counts in one pass at constant cost per user: a loop over the
   * checkpoints per user would branch on random first days. A row holds first buyers, then their
   * repurchasers by the first checkpoint their gap is within (the last column: none). First buyers
   * mature for every checkpoint share their cohort's row; the others, of at most the last
   * checkpoint's days, have a row per first day, as their maturity differs by checkpoint.
   */
  private final class CurveCounts {
    private final int minFirst;
    private final long lastCompleteDay;
    private final int[] cohortOfDay;
    private final int width = curveDays.length + 2;
    private final int maxGap = checkpointOfGap.length - 1;

    /** Where in {@code counts} the row of each first day starts, by day from {@code minFirst}. */
    private final int[] rowOfDay;

    private final long[] counts;

    CurveCounts(int minFirst, long lastCompleteDay, int[] cohortOfDay) {
      this.minFirst = minFirst;
      this.lastCompleteDay = lastCompleteDay;
      this.cohortOfDay = cohortOfDay;
      boolean none = curveDays.length == 0;
      long lastFullyMature = none ? 0 : lastCompleteDay - curveDays[curveDays.length - 1];
      this.rowOfDay = new int[none ? 0 : cohortOfDay.length];
      int rows = none ? 0 : cohortOfDay[cohortOfDay.length - 1] + 1;
      for (int d = 0; d < rowOfDay.length; d++) {
        rowOfDay[d] = width * (minFirst + d <= lastFullyMature ? cohortOfDay[d] : rows++);
      }
      this.counts = new long[rows * width];
    }

    void add(int first, int second) {
      if (rowOfDay.length > 0) {
        int r = rowOfDay[first - minFirst];
        counts[r]++;
        counts[r + 1 + checkpointOfGap[(int) Math.min((long) second - first, maxGap)]]++;
      }
    }

    /** Adds mature first buyers and repurchasers by cohort and checkpoint to {@code curve}. */
    void addTo(long[] curve) {
      if (rowOfDay.length == 0) {
        return;
      }
      int cohorts = cohortOfDay[cohortOfDay.length - 1] + 1;
      for (int c = 0; c < cohorts; c++) {
        addRow(c * width, curveDays.length, c, curve);
      }
      for (int d = 0; d < rowOfDay.length; d++) {
        if (rowOfDay[d] >= cohorts * width) {
          // The N-day rule at each checkpoint: first day f is mature for d once f + d is complete.
          int mature = 0;
          while (mature < curveDays.length
              && minFirst + d <= lastCompleteDay - curveDays[mature]) {
            mature++;
          }
          addRow(rowOfDay[d], mature, cohortOfDay[d], curve);
        }
      }
    }

    /** Adds row {@code r}, of cohort {@code c}, to the first {@code mature} checkpoints. */
    private void addRow(int r, int mature, int c, long[] curve) {
      long repurchasers = 0;
      for (int j = 0, p = 2 * curveDays.length * c; j < mature; j++, p += 2) {
        repurchasers += counts[r + 1 + j];
        curve[p] += counts[r];
        curve[p + 1] += repurchasers;
      }
    }
  }

  /** Bit k is period {@code asOfPeriod - k}; a repeat in period k needs bit k - 1 (its next). */
  private static void countPeriods(long bits, long[] buyers, long[] repeaters) {
    for (long b = bits; b != 0; b &= b - 1) {
      buyers[Long.numberOfTrailingZeros(b)]++;
    }
    for (long r = bits & (bits << 1); r != 0; r &= r - 1) {
      repeaters[Long.numberOfTrailingZeros(r)]++;
    }
  }

  private List<NextPeriod> nextPeriods(long[] buyers, long[] repeaters) {
    int oldest = TRACKED_PERIODS - 1;
    while (oldest >= 0 && buyers[oldest] == 0) {
      oldest--;
    }
    List<NextPeriod> periods = new ArrayList<>();
    for (int k = oldest; k >= 0; k--) {
      long period = asOfPeriod - k;
      periods.add(
          new NextPeriod(
              calendar.periodStart(nextPeriod, period),
              buyers[k],
              repeaters[k],
              calendar.isComplete(nextPeriod, period + 1, asOfMillis)));
    }
    return periods;
  }

  private static TimeToSecondOrder timeToSecondOrder(long[] gaps) {
    Map<Integer, Long> byDays = new TreeMap<>();
    for (int days = 0; days < gaps.length; days++) {
      if (gaps[days] > 0) {
        byDays.put(days, gaps[days]);
      }
    }
    return new TimeToSecondOrder(byDays);
  }

  @Override
  public byte[] toByteArray() {
    return FORM.write(this);
  }

  private void writeFields(BinaryForm.Writer writer) {
    writer.putLong(badRecords.records()).putLong(orders);
    badRecords.writeTo(writer);
    writer.putAscending(state.length >>> 1, user -> state[2 * user] != EMPTY,
        user -> writer.putLong(state[2 * user]).putLong(state[2 * user + 1]));
  }

  private void readFields(BinaryForm.Reader reader) {
    badRecords.advance(reader.getLong("records"));
    orders = reader.getLong("orders");
    badRecords.readFrom(reader);
    reader.getAscending("users", "userId", MAX_USER_ID, userId -> {
      long days = reader.getLong("days");
      long word = reader.getLong("periods");
      int first = (int) (days >>> 32);
      int second = (int) days;
      Checks.checkArgument(
          first != NONE && first <= second && (spec.sameDay() || first != second),
          "RPUR: user %s: expected first order day <= second, got %s, %s",
          userId,
          first,
          second);
      Checks.checkArgument(
          word >>> COUNT_SHIFT >= (second == NONE ? 1 : 2),
          "RPUR: user %s: order count %s too small for order days %s, %s",
          userId,
          word >>> COUNT_SHIFT,
          first,
          second);
      int slot = slot(userId);
      state[slot] = days;
      state[slot + 1] = word;
    });
  }
}
