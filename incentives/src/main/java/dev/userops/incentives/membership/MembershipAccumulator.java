package dev.userops.incentives.membership;

import dev.userops.core.Accumulator;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.internal.AccumulatorForm;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Accumulates a {@link MembershipResult} from members' paid periods. User ids are dense indexes in
 * {@code [0, }{@value #MAX_USER_ID}{@code ]}.
 *
 * <p>A period is added with when it was paid, its start and (possibly cut) end and its net amount
 * (charged less refunded, credited or charged back). A user's cohort is the period of their first
 * payment. A member is active on a local day that a period of theirs overlaps, and in an interval
 * on any such day. Each period's end is a renewal due in the interval of its local day; it is
 * renewed if another period of the user starts on that local day (so a renewal, a stacked period, an
 * upgrade, or a new purchase the same day all continue it). Revenue counts in the interval of the
 * payment. A period paid after {@code asOf} is ignored and counted in {@link
 * MembershipResult#ignoredAfterAsOf()}; nothing is de-duplicated, so a period added twice counts
 * twice.
 *
 * <p>Memory (design): 4 bytes per user id up to the largest seen and 28 bytes per period, arrays
 * grown by half; serialized 8 bytes per member and 24 per period. Measured ({@code
 * MembershipAccumulatorTest}, 1M members × 4 monthly periods, one core of a shared machine): the
 * adds take 0.4 to 0.6 s, {@code result()} 0.3 to 0.4 s, and the binary form is 104 bytes per
 * member. {@code ScaleBenchmark -p accumulator=MEMBERSHIP_MONTHLY} (1M members, 12 periods each):
 * 10.0 ± 2.5 M periods added per second, 391 heap bytes and 296 serialized bytes per member.
 */
public final class MembershipAccumulator implements Accumulator<MembershipAccumulator, MembershipResult> {
  /** Largest user id: per-user arrays must fit the JVM's largest array. */
  public static final int MAX_USER_ID = Integer.MAX_VALUE - 16;

  static final AccumulatorForm<MembershipSpec, MembershipAccumulator> FORM = new AccumulatorForm<>("MEMB", 1,
      MembershipSpec::fromJson, MembershipAccumulator::writeFields, MembershipAccumulator::readFields);

  private static final int NONE = -1;
  private static final int MAX_DAYS = 36_600;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final MembershipSpec spec;
  private final CalendarIndex calendar;
  private final long asOfMillis;
  /** Per user, the index of their latest period added, or {@link #NONE}. */
  private int[] head = new int[0];
  private int[] startDay = new int[16];
  /** The local day of the end instant: a period starting on it continues this one. */
  private int[] endDay = new int[16];
  /** The local day of the last instant covered, {@code startDay - 1} for an empty period. */
  private int[] lastDay = new int[16];
  private int[] paidDay = new int[16];
  private long[] amountMinor = new long[16];
  /** Per period, the user's period added before it, or {@link #NONE}. */
  private int[] next = new int[16];
  private int periods;
  private long ignoredAfterAsOf;

  MembershipAccumulator(MembershipSpec spec) {
    this.spec = spec;
    this.calendar = CalendarIndex.of(spec.zone());
    this.asOfMillis = spec.asOf().toEpochMilli();
  }

  @Override
  public MembershipSpec spec() {
    return spec;
  }

  /**
   * Adds every period of a member's state.
   *
   * @param userId the member, in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param state the member's state; periods it forgot ({@link MembershipProgram#memoryDays()}) are
   *     not counted
   * @return this accumulator
   * @throws NullPointerException if {@code state} is null
   * @throws IllegalArgumentException as {@link #add(long, long, long, long, long)}
   */
  public MembershipAccumulator add(long userId, MembershipState state) {
    for (MembershipState.Period p : state.periods()) {
      add(userId, p.paidAtMillis(), p.startMillis(), p.endMillis(), p.chargedMinor() - p.returnedMinor());
    }
    return this;
  }

  /**
   * Adds one paid period.
   *
   * @param userId the member, in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param paidAtMillis when it was paid, epoch millis, {@code >= 0}
   * @param startMillis its start, epoch millis, {@code >= 0}
   * @param endMillis its end, exclusive, {@code >= startMillis} (equal for a period removed before
   *     it began)
   * @param netAmountMinor what the shop kept, minor units, {@code >= 0}
   * @return this accumulator
   * @throws IllegalArgumentException if a value is out of range
   */
  public MembershipAccumulator add(long userId, long paidAtMillis, long startMillis, long endMillis, long netAmountMinor) {
    Checks.requireInRange(userId, 0, MAX_USER_ID, "userId");
    Checks.requireNonNegative(paidAtMillis, "paidAtMillis");
    Checks.requireNonNegative(startMillis, "startMillis");
    Checks.checkArgument(endMillis >= startMillis, "endMillis must be >= startMillis %s, got %s", startMillis, endMillis);
    Checks.requireNonNegative(netAmountMinor, "netAmountMinor");
    if (paidAtMillis > asOfMillis) {
      ignoredAfterAsOf++;
      return this;
    }
    int start = (int) calendar.dayIndex(startMillis);
    int last = endMillis == startMillis ? start - 1 : (int) calendar.dayIndex(endMillis - 1);
    append((int) userId, start, (int) calendar.dayIndex(endMillis), last, (int) calendar.dayIndex(paidAtMillis),
        netAmountMinor);
    return this;
  }

  private void append(int user, int start, int end, int last, int paid, long amount) {
    if (user >= head.length) {
      int length = (int) Math.min(MAX_USER_ID + 1L, Math.max(user + 1L, head.length + (head.length >> 1) + 16L));
      int old = head.length;
      head = Arrays.copyOf(head, length);
      Arrays.fill(head, old, length, NONE);
    }
    if (periods == startDay.length) {
      int length = periods + (periods >> 1) + 16;
      startDay = Arrays.copyOf(startDay, length);
      endDay = Arrays.copyOf(endDay, length);
      lastDay = Arrays.copyOf(lastDay, length);
      paidDay = Arrays.copyOf(paidDay, length);
      amountMinor = Arrays.copyOf(amountMinor, length);
      next = Arrays.copyOf(next, length);
    }
    startDay[periods] = start;
    endDay[periods] = end;
    lastDay[periods] = last;
    paidDay[periods] = paid;
    amountMinor[periods] = amount;
    next[periods] = head[user];
    head[user] = periods++;
  }

  @Override
  public MembershipAccumulator merge(MembershipAccumulator other) {
    Accumulators.checkMergeable(this, other);
    for (int user = 0; user < other.head.length; user++) {
      // Reversed, so that a user's periods keep their order in the chain.
      int[] chain = other.chain(user);
      for (int i = chain.length - 1; i >= 0; i--) {
        int p = chain[i];
        append(user, other.startDay[p], other.endDay[p], other.lastDay[p], other.paidDay[p], other.amountMinor[p]);
      }
    }
    ignoredAfterAsOf += other.ignoredAfterAsOf;
    return this;
  }

  /** The user's periods, latest added first. */
  private int[] chain(int user) {
    int count = 0;
    for (int p = head[user]; p != NONE; p = next[p]) {
      count++;
    }
    int[] chain = new int[count];
    int i = 0;
    for (int p = head[user]; p != NONE; p = next[p]) {
      chain[i++] = p;
    }
    return chain;
  }

  @Override
  public MembershipResult result() {
    Granularity granularity = spec.granularity();
    int intervals = spec.intervals();
    long lastCompleteDay = calendar.dayIndex(asOfMillis + 1) - 1;
    long lastCohort = calendar.indexOfDay(granularity, calendar.dayIndex(asOfMillis));
    long firstDay = Long.MAX_VALUE;
    long firstCohort = Long.MAX_VALUE;
    for (int user = 0; user < head.length; user++) {
      if (head[user] != NONE) {
        firstCohort = Math.min(firstCohort, cohort(user));
      }
    }
    for (int p = 0; p < periods; p++) {
      if (lastDay[p] >= startDay[p]) {
        firstDay = Math.min(firstDay, startDay[p]);
      }
    }
    firstDay = Math.max(firstDay, lastCompleteDay - MAX_DAYS + 1);
    int days = firstDay > lastCompleteDay ? 0 : (int) (lastCompleteDay - firstDay + 1);
    long[] activeDiff = new long[days + 1];
    int cohorts = firstCohort == Long.MAX_VALUE ? 0 : (int) (lastCohort - firstCohort + 1);
    long[][] table = new long[Math.max(cohorts, 0) * COLUMNS][];
    long members = 0;
    long revenue = 0;
    for (int user = 0; user < head.length; user++) {
      if (head[user] == NONE) {
        continue;
      }
      members++;
      int[] chain = chain(user);
      int[][] covered = union(chain);
      for (int[] range : covered) {
        long from = Math.max(range[0], firstDay);
        long to = Math.min(range[1], lastCompleteDay);
        if (from <= to) {
          activeDiff[(int) (from - firstDay)]++;
          activeDiff[(int) (to - firstDay + 1)]--;
        }
      }
      for (int p : chain) {
        revenue = Math.addExact(revenue, amountMinor[p]);
      }
      long cohort = cohort(user);
      if (cohort < firstCohort || cohort > lastCohort) {
        continue;
      }
      int row = (int) (cohort - firstCohort) * COLUMNS;
      if (table[row] == null) {
        for (int c = 0; c < COLUMNS; c++) {
          table[row + c] = new long[intervals + 2];
        }
      }
      table[row + MEMBERS][0]++;
      tallyActive(covered, cohort, table[row + ACTIVE]);
      for (int p : chain) {
        long k = calendar.indexOfDay(granularity, paidDay[p]) - cohort;
        if (k <= intervals) {
          table[row + REVENUE][(int) k] = Math.addExact(table[row + REVENUE][(int) k], amountMinor[p]);
        }
        k = calendar.indexOfDay(granularity, endDay[p]) - cohort;
        if (lastDay[p] >= startDay[p] && k >= 0 && k <= intervals) {
          table[row + DUE][(int) k]++;
          if (renewed(chain, p)) {
            table[row + RENEWED][(int) k]++;
          }
        }
      }
    }
    List<MembershipResult.Day> activeByDay = new ArrayList<>(days);
    long active = 0;
    for (int d = 0; d < days; d++) {
      active += activeDiff[d];
      activeByDay.add(new MembershipResult.Day(LocalDate.ofEpochDay(firstDay + d), active));
    }
    List<MembershipResult.Cohort> rows = new ArrayList<>();
    for (int c = 0; c < cohorts; c++) {
      if (table[c * COLUMNS] != null) {
        rows.add(cohortRow(firstCohort + c, table, c * COLUMNS));
      }
    }
    return new MembershipResult(spec.zone(), granularity, intervals, activeByDay, rows, members, periods, revenue,
        ignoredAfterAsOf);
  }

  private static final int MEMBERS = 0;
  private static final int ACTIVE = 1;
  private static final int DUE = 2;
  private static final int RENEWED = 3;
  private static final int REVENUE = 4;
  private static final int COLUMNS = 5;

  private MembershipResult.Cohort cohortRow(long cohort, long[][] table, int row) {
    int intervals = spec.intervals();
    List<Long> active = new ArrayList<>(intervals + 1);
    List<Long> due = new ArrayList<>(intervals + 1);
    List<Long> renewed = new ArrayList<>(intervals + 1);
    List<Long> revenue = new ArrayList<>(intervals + 1);
    long cumulative = 0;
    for (int k = 0; k <= intervals; k++) {
      cumulative = Math.addExact(cumulative, table[row + REVENUE][k]);
      boolean mature = isComplete(cohort + k, 0);
      boolean decided = isComplete(cohort + k, spec.graceDays());
      active.add(mature ? table[row + ACTIVE][k] : null);
      due.add(decided ? table[row + DUE][k] : null);
      renewed.add(decided ? table[row + RENEWED][k] : null);
      revenue.add(mature ? cumulative : null);
    }
    return new MembershipResult.Cohort(calendar.periodStart(spec.granularity(), cohort), table[row + MEMBERS][0], active,
        due, renewed, revenue);
  }

  /** Whether period {@code index} and {@code graceDays} local days after it have elapsed at {@code asOf}. */
  private boolean isComplete(long index, int graceDays) {
    long endDayIndex = calendar.periodStartDay(spec.granularity(), index + 1) + graceDays;
    return calendar.epochMillisOfLocal(endDayIndex * MILLIS_PER_DAY) - 1 <= asOfMillis;
  }

  private long cohort(int user) {
    int first = Integer.MAX_VALUE;
    for (int p = head[user]; p != NONE; p = next[p]) {
      first = Math.min(first, paidDay[p]);
    }
    return calendar.indexOfDay(spec.granularity(), first);
  }

  /** Whether another period of the chain starts on the local day period {@code p} ends. */
  private boolean renewed(int[] chain, int p) {
    for (int q : chain) {
      if (q != p && startDay[q] == endDay[p] && lastDay[q] >= startDay[q]) {
        return true;
      }
    }
    return false;
  }

  /** The days the chain's non-empty periods cover, as disjoint sorted {@code [first, last]} ranges. */
  private int[][] union(int[] chain) {
    int[][] ranges = new int[chain.length][];
    int n = 0;
    for (int p : chain) {
      if (lastDay[p] >= startDay[p]) {
        ranges[n++] = new int[] {startDay[p], lastDay[p]};
      }
    }
    Arrays.sort(ranges, 0, n, (a, b) -> Integer.compare(a[0], b[0]));
    int merged = 0;
    for (int i = 0; i < n; i++) {
      if (merged > 0 && ranges[i][0] <= ranges[merged - 1][1] + 1) {
        ranges[merged - 1][1] = Math.max(ranges[merged - 1][1], ranges[i][1]);
      } else {
        ranges[merged++] = ranges[i];
      }
    }
    return Arrays.copyOf(ranges, merged);
  }

  /** Marks each interval from the cohort's that the ranges touch, once per member. */
  private void tallyActive(int[][] covered, long cohort, long[] active) {
    long marked = -1;
    for (int[] range : covered) {
      long from = Math.max(marked + 1, Math.max(0, calendar.indexOfDay(spec.granularity(), range[0]) - cohort));
      long to = Math.min(spec.intervals(), calendar.indexOfDay(spec.granularity(), range[1]) - cohort);
      for (long k = from; k <= to; k++) {
        active[(int) k]++;
      }
      marked = Math.max(marked, to);
    }
  }

  @Override
  public byte[] toByteArray() {
    return FORM.write(this);
  }

  private static void writeFields(MembershipAccumulator acc, BinaryForm.Writer writer) {
    writer.putLong(acc.ignoredAfterAsOf);
    writer.putAscending(acc.head.length, user -> acc.head[user] != NONE, user -> {
      int[] chain = acc.chain(user);
      writer.putInt(chain.length);
      for (int p : chain) {
        writer.putInt(acc.startDay[p]).putInt(acc.endDay[p]).putInt(acc.lastDay[p]).putInt(acc.paidDay[p])
            .putLong(acc.amountMinor[p]);
      }
    });
  }

  private static void readFields(MembershipAccumulator acc, BinaryForm.Reader reader) {
    acc.ignoredAfterAsOf = reader.getLong("ignoredAfterAsOf");
    reader.getAscending("members", "userId", MAX_USER_ID, user -> {
      int count = reader.getInt("periods", 1, Integer.MAX_VALUE);
      int first = acc.periods;
      for (int i = 0; i < count; i++) {
        int start = reader.getInt("startDay");
        int end = reader.getInt("endDay");
        int last = reader.getInt("lastDay");
        int paid = reader.getInt("paidDay");
        long amount = reader.getLong("amountMinor");
        Checks.checkArgument(amount >= 0 && last >= start - 1 && end >= last,
            "MEMB: period %s of user %s is inconsistent", i, user);
        acc.append(user, start, end, last, paid, amount);
      }
      // Appending links each period to the one before; the written order runs the other way.
      for (int p = first; p < acc.periods; p++) {
        acc.next[p] = p + 1 < acc.periods ? p + 1 : NONE;
      }
      acc.head[user] = first;
    });
  }

  /**
   * One member's state, for {@link MembershipSpec#collector()}.
   *
   * @param userId the member's dense id, in {@code [0, }{@value #MAX_USER_ID}{@code ]}
   * @param state the member's state
   */
  public record Member(long userId, MembershipState state) {
    /**
     * Checks the state is present.
     *
     * @param userId the member's dense id
     * @param state the member's state
     * @throws NullPointerException if {@code state} is null
     */
    public Member {
      Checks.requireNonNull(state, "state");
    }
  }
}
