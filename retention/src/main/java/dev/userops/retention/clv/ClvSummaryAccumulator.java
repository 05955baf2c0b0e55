package dev.userops.retention.clv;

import dev.userops.core.Accumulator;
import dev.userops.core.CalendarIndex;
import dev.userops.core.event.Order;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.Arrays;

/**
 * Accumulates a {@link ClvSummary} from valid orders. User ids are dense indexes from 0 to {@value
 * #MAX_USER_ID} (map other ids with {@link dev.userops.core.UserIdDictionary}).
 *
 * <p>Per user it keeps the distinct local days with a valid order, up to the last day summarized
 * (days after it collapse into one marker day), and two sums: the spend of calibration days and
 * that of the first day. That is what makes merging exact however a user's orders are split across
 * partitions: the union of the days, the sums added, and the first day's spend taken from the part
 * holding the earliest day (added when both hold it). Memory: 20 bytes per index up to the largest
 * seen (where the user's days start, the two sums), 4 bytes per stored purchase day (up to an
 * eighth more while an array has room to spare), and, while adding, an order log of 16 bytes per
 * order not yet folded into the days: at most as many orders as there are stored days and user
 * indexes, and from 1,048,576 to 8,388,608 whatever their number (16 to 128 MB); folding takes as
 * much again for a moment. The log is folded in when full (grouped by user in blocks that stay in
 * cache, then merged with the days in one pass over all users) and by {@link #result()}, {@link
 * #merge} and {@link #toByteArray()}, which also release it. So {@code add} only appends to the
 * log, whatever order users arrive in. Measured (ScaleBenchmark, 1M users, 12M orders in time
 * order, 11.9 purchase days a user, {@code add} then {@code result()}): 32.6M orders/s on one core,
 * 67.6 bytes of heap and 20.9 bytes of {@link #toByteArray()} per user; 19.9M orders/s when each
 * user's orders come out of day order.
 *
 * <p>Order ids are not de-duplicated here: the same order added twice counts twice (its day once,
 * its amount twice). The layer that de-duplicates is {@link ValidOrders} (a repeated id is a {@code
 * DUPLICATE_ORDER_ID} bad record, and refunds are joined to their orders); feed the summary from it
 * with {@link #addAll(ValidOrders)}, and partition input by order or user id so that copies of one
 * order meet in the same {@code ValidOrders}.
 *
 * <p>Each {@code add} is one record for the spec's {@link dev.userops.core.BadRecordPolicy},
 * numbered from 0 in the order this accumulator received them: a negative amount and a time before
 * 1970 are bad records. A zero amount is a purchase. The spend of all calibration orders must fit a
 * {@code long} ({@link ArithmeticException} from the {@code add} that overflows it), so no per-user
 * sum can overflow; all users' purchase days are held in one array, so at most 2,147,483,639 of
 * them ({@link IllegalStateException} from the {@code add}, {@code merge} or {@code result} that
 * would exceed it).
 */
public final class ClvSummaryAccumulator implements Accumulator<ClvSummaryAccumulator, ClvSummary> {
  /** Largest user id: where each user's days start must fit an array. */
  public static final int MAX_USER_ID = Integer.MAX_VALUE - 10;

  private static final String FAMILY = "CLVS";
  private static final int VERSION = 1;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  /**
   * The log is folded once it holds this many orders, or as many as there are stored days and
   * user indexes: each fold passes over all of them, so smaller folds would cost more than the
   * memory they save.
   */
  private static final int MIN_LOG = 1 << 20;

  /** The most orders the log holds between folds, however many days are stored: 128 MB. */
  private static final int MAX_LOG = 1 << 23;

  /** The most purchase days of all users: they are in one array. */
  private static final int MAX_DAYS = Integer.MAX_VALUE - 8;

  /** The log's blocks of users when grouped, as bits: 2,048 write positions stay in cache. */
  private static final int MAX_BLOCK_BITS = 11;

  private final ClvSummarySpec spec;
  private final CalendarIndex calendar;
  private final int calibrationEndDay;

  /** The marker day of orders after the last day summarized. */
  private final int afterDay;

  /** The first instant of the day after {@link #afterDay}: every later order is after the end. */
  private final long clearlyAfterMillis;

  private final BadRecords badRecords;

  /** The log is folded in once it holds this many orders. */
  private int foldAt = MIN_LOG;

  private final OrderLog log = new OrderLog(MAX_BLOCK_BITS);

  /** Users {@code 0 .. users - 1} have days {@code days[starts[u] .. starts[u + 1])}. */
  private int users;

  private int[] starts = {0};

  /** Each user's distinct purchase days, ascending; {@code starts[users]} are in use. */
  private int[] days = new int[0];

  /** Per user, the spend of calibration days, minor units. */
  private long[] calibrationSpend = new long[0];

  /** Per user, the spend of the first day if it is in the calibration period, else 0. */
  private long[] firstDaySpend = new long[0];

  private long records;
  private long orders;
  private long ordersAfterEnd;

  /** The spend of all calibration orders: its overflow check covers every per-user sum. */
  private long totalCalibrationSpend;

  ClvSummaryAccumulator(ClvSummarySpec spec) {
    this.spec = spec;
    this.calendar = CalendarIndex.of(spec.zone());
    this.calibrationEndDay = (int) spec.calibrationEnd().toEpochDay();
    this.afterDay = (int) spec.end().toEpochDay() + 1;
    this.clearlyAfterMillis = calendar.epochMillisOfLocal((afterDay + 1L) * MILLIS_PER_DAY);
    this.badRecords = new BadRecords(spec.badRecords());
  }

  @Override
  public ClvSummarySpec spec() {
    return spec;
  }

  /**
   * Adds one order record: it counts when the spec's {@link ClvSummarySpec#refunds()} treatment
   * counts its status, at its full amount. Refund events are not seen here, nor duplicate ids; to
   * apply them, join with {@link ValidOrders} and use {@link #addAll(ValidOrders)}.
   *
   * @param order the order; its user id must be in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @return this accumulator
   * @throws NullPointerException if {@code order} is null
   * @throws IllegalArgumentException if a counted order's user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   * @throws ArithmeticException if the spend of calibration orders overflows a {@code long}
   */
  public ClvSummaryAccumulator add(Order order) {
    long millis = order.occurredAtMillis();
    if (badRecords.acceptOrder(records++, millis, order.amountMinor(), Long.MAX_VALUE)
        && spec.refunds().counts(order.status())) {
      purchase(order.userId(), millis, order.amountMinor());
    }
    return this;
  }

  /**
   * Adds one valid order (paid, not cancelled, not fully refunded), with its amount net of partial
   * refunds.
   *
   * @param userId the buyer, in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param epochMillis when it was placed, epoch milliseconds
   * @param amountMinor its amount in minor units; negative is a bad record, zero a purchase
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   * @throws ArithmeticException if the spend of calibration orders overflows a {@code long}
   */
  public ClvSummaryAccumulator add(long userId, long epochMillis, long amountMinor) {
    long record = records++;
    // BadRecords.acceptOrder's rules (there is no asOf), in one branch; it reports what failed.
    if ((epochMillis | amountMinor) >= 0) {
      purchase(userId, epochMillis, amountMinor);
    } else {
      badRecords.acceptOrder(record, epochMillis, amountMinor, Long.MAX_VALUE);
    }
    return this;
  }

  /**
   * Adds every valid order of {@code validOrders} with its net amount, as {@link #add(long, long,
   * long)} does. Records {@code validOrders} skipped are in its own {@link
   * ValidOrders#diagnostics()}.
   *
   * @param validOrders the join of orders and refunds, under its own refund treatment (this spec's
   *     {@code refunds} applies to {@link #add(Order)} only)
   * @return this accumulator
   * @throws NullPointerException if {@code validOrders} is null
   * @throws IllegalArgumentException if a user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record in the join under {@code REJECT}
   * @throws ArithmeticException if the spend of calibration orders overflows a {@code long}
   */
  public ClvSummaryAccumulator addAll(ValidOrders validOrders) {
    validOrders.forEach(this::add);
    return this;
  }

  private void purchase(long userId, long epochMillis, long amountMinor) {
    Checks.requireInRange(userId, 0, MAX_USER_ID, "userId");
    int day =
        epochMillis < clearlyAfterMillis
            ? (int) Math.min(calendar.dayIndex(epochMillis), afterDay)
            : afterDay;
    if (day <= calibrationEndDay) {
      totalCalibrationSpend = Math.addExact(totalCalibrationSpend, amountMinor);
    } else if (day == afterDay) {
      ordersAfterEnd++;
    }
    orders++;
    if (log.isFull()) {
      makeRoom();
    }
    log.append((int) userId, day, amountMinor);
  }

  /** Grows the full log by doubling up to {@link #foldAt} orders, or folds it once it has them. */
  private void makeRoom() {
    if (log.capacity() < foldAt) {
      log.resize((int) Math.min(2L * log.capacity(), foldAt));
    } else {
      fold(false);
    }
  }

  @Override
  public ClvSummaryAccumulator merge(ClvSummaryAccumulator other) {
    Accumulators.checkMergeable(this, other);
    long mergedRecords = Math.addExact(records, other.records);
    long mergedOrders = Math.addExact(orders, other.orders);
    long mergedSpend = Math.addExact(totalCalibrationSpend, other.totalCalibrationSpend);
    checkRoom((long) log.size() + other.log.size() + other.starts[other.users]);
    badRecords.merge(other.badRecords);
    records = mergedRecords;
    orders = mergedOrders;
    ordersAfterEnd += other.ordersAfterEnd;
    totalCalibrationSpend = mergedSpend;
    int rows = log.size() + other.log.size() + other.starts[other.users];
    if (log.capacity() < rows) {
      log.resize(rows);
    }
    log.appendAll(other.log);
    // Their days as rows: the first day carries its spend, the second the rest of the calibration
    // spend (zero unless it is a calibration day), so folding them in applies the merge rules.
    for (int u = 0; u < other.users; u++) {
      for (int i = other.starts[u], end = other.starts[u + 1]; i < end; i++) {
        long amount =
            i == other.starts[u]
                ? other.firstDaySpend[u]
                : i == other.starts[u] + 1 ? other.calibrationSpend[u] - other.firstDaySpend[u] : 0;
        log.append(u, other.days[i], amount);
      }
    }
    fold(true);
    return this;
  }

  /**
   * Folds the log into the per-user days: adds each user's rows, grouped by the log, to their sums,
   * and merges their days, sorted, with the stored ones, in one pass over all users, copying the
   * days of users without rows in runs. The per-user sums are updated in place: they cannot
   * overflow (see the class comment), so nothing throws half-way.
   */
  private void fold(boolean release) {
    int rows = log.size();
    if (rows == 0) {
      log.clear(release);
      return;
    }
    checkRoom(rows);
    int capacity = starts[users] + rows;
    int newUsers = Math.max(users, log.maxUser() + 1);
    int[] newStarts = new int[newUsers + 1];
    int[] newDays = new int[capacity];
    if (newUsers > users) {
      calibrationSpend = Arrays.copyOf(calibrationSpend, newUsers);
      firstDaySpend = Arrays.copyOf(firstDaySpend, newUsers);
    }
    log.startReading();
    int w = 0;
    int u = 0;
    int next = log.nextUser();
    while (u < newUsers) {
      if (u < next) {
        // Users u .. next - 1 have no rows: their days move as one block.
        int end = Math.min(next, newUsers);
        int from = oldStart(u);
        int shift = w - from;
        for (int v = u; v < end; v++) {
          newStarts[v] = oldStart(v) + shift;
        }
        w = copy(days, from, oldStart(end), newDays, w);
        u = end;
        continue;
      }
      newStarts[u] = w;
      int a = oldStart(u);
      int b = oldStart(u + 1);
      int[] rowDays = log.userDays();
      int first = Math.min(a < b ? days[a] : Integer.MAX_VALUE, rowDays[0]);
      long calibration = calibrationSpend[u];
      long firstDay = a < b && days[a] == first ? firstDaySpend[u] : 0;
      for (int row = log.userStart(), end = log.userEnd(); row < end; row++) {
        int day = log.day(row);
        if (day <= calibrationEndDay) {
          long amount = log.amount(row);
          calibration += amount;
          firstDay += day == first ? amount : 0;
        }
      }
      for (int i = 0, n = log.userEnd() - log.userStart(); i < n; i++) {
        int day = rowDays[i];
        while (a < b && days[a] <= day) {
          newDays[w++] = days[a++];
        }
        if (w == newStarts[u] || newDays[w - 1] != day) {
          newDays[w++] = day;
        }
      }
      w = copy(days, a, b, newDays, w);
      calibrationSpend[u] = calibration;
      firstDaySpend[u] = firstDay;
      next = log.nextUser();
      u++;
    }
    newStarts[newUsers] = w;
    // Same-day rows leave room to spare; more than an eighth is given back.
    days = capacity - w > w >> 3 ? Arrays.copyOf(newDays, w) : newDays;
    starts = newStarts;
    users = newUsers;
    setFoldAt();
    log.clear(release);
  }

  /** Folds in the log once it holds as many orders as there are stored days and user indexes. */
  private void setFoldAt() {
    foldAt = (int) Math.min(MAX_LOG, Math.max(MIN_LOG, (long) starts[users] + users));
  }

  /**
   * Copies {@code from[start .. end)} to {@code to} at {@code at}; returns the position after.
   * Most runs are a user's few days, for which a loop beats the call of {@link System#arraycopy}.
   */
  private static int copy(int[] from, int start, int end, int[] to, int at) {
    if (end - start > 32) {
      System.arraycopy(from, start, to, at, end - start);
      return at + end - start;
    }
    int w = at;
    for (int i = start; i < end; i++) {
      to[w++] = from[i];
    }
    return w;
  }

  /** Checks that the days of all users and {@code rows} more fit an array. */
  private void checkRoom(long rows) {
    Checks.checkState(
        starts[users] + rows <= MAX_DAYS,
        "a summary holds at most %s purchase days, got %s stored and %s orders to add",
        MAX_DAYS,
        starts[users],
        rows);
  }

  /** Where user {@code u}'s days start in {@link #days} before a fold; the end for new users. */
  private int oldStart(int u) {
    return starts[Math.min(u, users)];
  }

  @Override
  public ClvSummary result() {
    fold(true);
    int customers = 0;
    int origin = calibrationEndDay;
    for (int u = 0; u < users; u++) {
      if (starts[u] < starts[u + 1] && days[starts[u]] <= calibrationEndDay) {
        customers++;
        origin = Math.min(origin, days[starts[u]]);
      }
    }
    int unitDays = spec.unitDays();
    // Complete periods only: a shorter last one would hold fewer purchases than the model expects.
    long[] perPeriod = new long[customers == 0 ? 0 : (afterDay - origin) / unitDays];
    ClvSummary.Columns columns = new ClvSummary.Columns(customers, origin, perPeriod);
    long buyersAfterCalibration = 0;
    for (int u = 0, c = 0; u < users; u++) {
      int from = starts[u];
      int end = starts[u + 1];
      if (from == end) {
        continue;
      }
      int first = days[from];
      if (first > calibrationEndDay) {
        buyersAfterCalibration++;
        continue;
      }
      int holdout = from + 1;
      while (holdout < end && days[holdout] <= calibrationEndDay) {
        holdout++;
      }
      int afterEnd = days[end - 1] == afterDay ? 1 : 0;
      for (int j = from + 1; j < end - afterEnd; j++) {
        int period = (days[j] - origin) / unitDays;
        if (period < perPeriod.length) {
          perPeriod[period]++;
        }
      }
      columns.set(
          c++,
          u,
          holdout - from - 1,
          days[holdout - 1] - first,
          calibrationEndDay - first,
          calibrationSpend[u] - firstDaySpend[u],
          end - holdout - afterEnd);
    }
    return new ClvSummary(
        spec, columns, buyersAfterCalibration, orders, ordersAfterEnd, badRecords.diagnostics());
  }

  @Override
  public byte[] toByteArray() {
    fold(true);
    BinaryForm.Writer writer = BinaryForm.writer(FAMILY, VERSION).putString(Json.write(spec));
    writer.putLong(records).putLong(orders).putLong(ordersAfterEnd).putLong(totalCalibrationSpend);
    badRecords.writeTo(writer);
    int buyers = 0;
    for (int u = 0; u < users; u++) {
      buyers += starts[u] < starts[u + 1] ? 1 : 0;
    }
    writer.putInt(buyers);
    // Varints of differences: a user id after the previous one, a day after the previous day,
    // are mostly one byte.
    int previousUser = -1;
    for (int u = 0; u < users; u++) {
      int from = starts[u];
      int end = starts[u + 1];
      if (from == end) {
        continue;
      }
      VarInts.put(writer, u - previousUser - 1);
      VarInts.put(writer, end - from - 1);
      VarInts.put(writer, calibrationSpend[u]);
      VarInts.put(writer, firstDaySpend[u]);
      VarInts.put(writer, days[from] + 1L);
      for (int i = from + 1; i < end; i++) {
        VarInts.put(writer, days[i] - days[i - 1] - 1);
      }
      previousUser = u;
    }
    return writer.toByteArray();
  }

  static ClvSummaryAccumulator fromBytes(ClvSummarySpec spec, byte[] bytes) {
    BinaryForm.Reader reader = BinaryForm.reader(bytes, FAMILY, VERSION);
    reader.expectSpec(spec, ClvSummarySpec::fromJson);
    ClvSummaryAccumulator acc = new ClvSummaryAccumulator(spec);
    acc.records = reader.getLong("records");
    acc.orders = reader.getLong("orders");
    acc.ordersAfterEnd = reader.getLong("ordersAfterEnd");
    acc.totalCalibrationSpend = reader.getLong("calibrationSpend");
    acc.badRecords.readFrom(reader);
    Checks.checkArgument(
        0 <= acc.ordersAfterEnd && acc.ordersAfterEnd <= acc.orders && acc.orders <= acc.records,
        "CLVS: expected 0 <= ordersAfterEnd <= orders <= records, got %s, %s, %s",
        acc.ordersAfterEnd,
        acc.orders,
        acc.records);
    // Every buyer and day takes at least a byte, so the counts are bounded by the bytes.
    int buyers = reader.getInt("buyers", 0, bytes.length);
    int[] userIds = new int[buyers];
    int[] dayCounts = new int[buyers];
    long[] calibration = new long[buyers];
    long[] firstDay = new long[buyers];
    int[] allDays = new int[0];
    int stored = 0;
    long spend = 0;
    int previousUser = -1;
    for (int b = 0; b < buyers; b++) {
      long gap = VarInts.get(reader, "userIdGap", 0, MAX_USER_ID - previousUser - 1L);
      int user = previousUser + 1 + (int) gap;
      int count = 1 + (int) VarInts.get(reader, "moreDays", 0, bytes.length);
      calibration[b] = VarInts.get(reader, "calibrationSpend", 0, Long.MAX_VALUE);
      firstDay[b] = VarInts.get(reader, "firstDaySpend", 0, calibration[b]);
      if (allDays.length - stored < count) {
        long grown = Math.max((long) stored + count, 2L * allDays.length);
        allDays = Arrays.copyOf(allDays, Math.toIntExact(grown));
      }
      int day = (int) VarInts.get(reader, "firstDay", 0, acc.afterDay + 1L) - 1;
      allDays[stored] = day;
      for (int i = 1; i < count; i++) {
        day += 1 + (int) VarInts.get(reader, "dayGap", 0, acc.afterDay - day - 1L);
        allDays[stored + i] = day;
      }
      acc.checkSpend(user, allDays, stored, count, calibration[b], firstDay[b]);
      spend = Math.addExact(spend, calibration[b]);
      userIds[b] = user;
      dayCounts[b] = count;
      stored += count;
      previousUser = user;
    }
    reader.finish();
    Checks.checkArgument(
        spend == acc.totalCalibrationSpend && stored <= acc.orders,
        "CLVS: expected users' calibration spend to sum to %s and at most %s purchase days, got %s"
            + " and %s",
        acc.totalCalibrationSpend,
        acc.orders,
        spend,
        stored);
    acc.users = buyers == 0 ? 0 : userIds[buyers - 1] + 1;
    acc.starts = new int[acc.users + 1];
    acc.calibrationSpend = new long[acc.users];
    acc.firstDaySpend = new long[acc.users];
    for (int b = 0, u = 0, start = 0; u < acc.users; u++) {
      acc.starts[u] = start;
      if (userIds[b] == u) {
        start += dayCounts[b];
        acc.calibrationSpend[u] = calibration[b];
        acc.firstDaySpend[u] = firstDay[b];
        b++;
      }
    }
    acc.starts[acc.users] = stored;
    acc.days = Arrays.copyOf(allDays, stored);
    acc.setFoldAt();
    return acc;
  }

  /** Checks that a user's sums could come from their days: spend only on calibration days. */
  private void checkSpend(
      int user, int[] allDays, int from, int count, long calibration, long first) {
    boolean firstInCalibration = allDays[from] <= calibrationEndDay;
    boolean repeatInCalibration = count > 1 && allDays[from + 1] <= calibrationEndDay;
    Checks.checkArgument(
        (firstInCalibration || calibration == 0) && (repeatInCalibration || calibration == first),
        "CLVS: user %s: calibration spend %s, first-day spend %s do not fit days %s",
        user,
        calibration,
        first,
        Arrays.toString(Arrays.copyOfRange(allDays, from, from + count)));
  }
}
