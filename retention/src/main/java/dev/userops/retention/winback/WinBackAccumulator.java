package dev.userops.retention.winback;

import dev.userops.core.Accumulator;
import dev.userops.core.CalendarIndex;
import dev.userops.core.event.Activity;
import dev.userops.core.internal.AccumulatorForm;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Accumulates a {@link WinBackResult}. User ids are dense indexes in {@code [0, 2^31)} (map other
 * ids with {@link dev.userops.core.UserIdDictionary}). Per user it keeps one bit per tracked local
 * day, from {@code lostDays} days before the first reported period to the last day completed at
 * {@code asOf}, and a flag for activity before them: {@code 8 * (1 + ceil(days / 64))} bytes per
 * index up to the largest seen (72 bytes for a year reported with {@code lostDays} 90). Activity
 * before the tracked days only matters as "lost since before", so the flag keeps merging exact:
 * bits and flags are ORed. Measured (ScaleBenchmark, 1M users, 12M events, monthly periods, lost
 * after 90 days): 121.9 bytes of heap and 76.0 bytes of {@link #toByteArray()} per user.
 *
 * <p>Each {@code add} is one record for the spec's {@link dev.userops.core.BadRecordPolicy},
 * numbered from 0 in the order this accumulator received them: a time before 1970 or after {@code
 * asOf} is a bad record.
 */
public final class WinBackAccumulator implements Accumulator<WinBackAccumulator, WinBackResult> {
  /** Read by {@link WinBackSpec#accumulatorFromBytes}. */
  static final AccumulatorForm<WinBackSpec, WinBackAccumulator> FORM =
      new AccumulatorForm<>("WBAK", 1, WinBackSpec::fromJson,
          WinBackAccumulator::writeFields, WinBackAccumulator::readFields);
  private static final long SEEN = 1;
  private static final long ACTIVE_BEFORE = 2;
  private static final int NO_DAY = Integer.MIN_VALUE;

  private final WinBackSpec spec;
  private final CalendarIndex calendar;
  private final long asOfMillis;

  /** Epoch day of tracked day 0. */
  private final long windowStart;

  /** Tracked days: day {@code windowStart + days - 1} is the last completed at asOf. */
  private final int days;

  /** Longs per user: a flags word, then the day bits. */
  private final int stride;

  /** Largest user id whose state fits in one array. */
  private final long maxUserId;

  private final BadRecords badRecords;
  private long[] state = new long[0];

  WinBackAccumulator(WinBackSpec spec) {
    this.spec = spec;
    this.calendar = CalendarIndex.of(spec.zone(), spec.weekStart());
    this.asOfMillis = spec.asOf().toEpochMilli();
    this.windowStart =
        WinBackSpec.reportStart(calendar, spec.period(), spec.from()) - spec.lostDays();
    // asOf is inclusive: its day is complete when asOf is the day's last millisecond.
    this.days = (int) (calendar.dayIndex(asOfMillis + 1) - windowStart);
    this.stride = 1 + (days + 63) / 64;
    this.maxUserId = (Integer.MAX_VALUE - 8) / stride - 1;
    this.badRecords = new BadRecords(spec.badRecords());
  }

  @Override
  public WinBackSpec spec() {
    return spec;
  }

  /**
   * Adds one activity of any type; the same as {@link #add(long, long)} with its fields.
   *
   * @param activity the activity; its user id must be a dense index in range
   * @return this accumulator
   * @throws NullPointerException if {@code activity} is null
   * @throws IllegalArgumentException if the user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public WinBackAccumulator add(Activity activity) {
    return add(activity.userId(), activity.occurredAt().toEpochMilli());
  }

  /**
   * Adds that {@code userId} was active at {@code epochMillis}.
   *
   * @param userId a dense index from 0, below {@code 2^31 / (1 + ceil(days / 64))} so that the
   *     state of all users fits in one array
   * @param epochMillis when, epoch milliseconds; activity before the days kept counts only as
   *     "seen before"
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public WinBackAccumulator add(long userId, long epochMillis) {
    long recordIndex = badRecords.next();
    if (!badRecords.acceptTime(recordIndex, epochMillis, asOfMillis)) {
      return this;
    }
    int base = base(userId);
    long day = calendar.dayIndex(epochMillis) - windowStart;
    if (day < 0) {
      state[base] |= SEEN | ACTIVE_BEFORE;
    } else {
      state[base] |= SEEN;
      if (day < days) {
        state[base + 1 + (int) (day >>> 6)] |= 1L << day;
      }
    }
    return this;
  }

  private int base(long userId) {
    Checks.requireInRange(userId, 0, maxUserId, "userId");
    int base = (int) userId * stride;
    if (base >= state.length) {
      long length = Math.min(Math.max(base + stride, 2L * state.length), (maxUserId + 1) * stride);
      state = Arrays.copyOf(state, (int) (length - length % stride));
    }
    return base;
  }

  @Override
  public WinBackAccumulator merge(WinBackAccumulator other) {
    Accumulators.checkMergeable(this, other);
    long[] theirs = other.state;
    for (int base = 0; base < theirs.length; base += stride) {
      if (theirs[base] != 0) {
        int mine = base(base / stride);
        for (int i = 0; i < stride; i++) {
          state[mine + i] |= theirs[base + i];
        }
      }
    }
    badRecords.merge(other.badRecords);
    return this;
  }

  @Override
  public WinBackResult result() {
    int reportFrom = spec.lostDays();
    long firstPeriod = calendar.indexOfDay(spec.period(), windowStart + reportFrom);
    long lastPeriod = calendar.indexOfDay(spec.period(), windowStart + days - 1);
    int periods = days > reportFrom ? (int) (lastPeriod - firstPeriod + 1) : 0;
    int[] periodStarts = new int[periods];
    for (int p = 0; p < periods; p++) {
      periodStarts[p] =
          (int) (calendar.periodStart(spec.period(), firstPeriod + p).toEpochDay() - windowStart);
    }
    Counts counts = new Counts(periodStarts, reportFrom, days, spec.silentDays(), spec.lostDays());
    for (int base = 0; base < state.length; base += stride) {
      if (state[base] != 0) {
        counts.user(state, base, stride);
      }
    }
    List<WinBackResult.Period> list = new ArrayList<>();
    for (int p = 0; p < periods; p++) {
      LocalDate start = LocalDate.ofEpochDay(windowStart + periodStarts[p]);
      list.add(
          new WinBackResult.Period(
              start,
              calendar.isComplete(spec.period(), firstPeriod + p, asOfMillis),
              counts.lapsed[p],
              counts.recalled[p],
              counts.silent[p],
              counts.lost[p],
              counts.reactivated[p]));
    }
    return new WinBackResult(
        spec.period(), spec.silentDays(), spec.lostDays(), list, badRecords.diagnostics());
  }

  /** Per-period counts, filled one user at a time in tracked-day order. */
  private static final class Counts {
    final int[] periodStarts;
    final int reportFrom;
    final int days;
    final int silentDays;
    final int lostDays;
    final long[] lapsed;
    final long[] recalled;
    final long[] silent;
    final long[] lost;
    final long[] reactivated;
    // The user's scan state: the last period each count was taken in, so each user counts once.
    int lastSilent;
    int lastLost;
    int lastReactivated;

    Counts(int[] periodStarts, int reportFrom, int days, int silentDays, int lostDays) {
      this.periodStarts = periodStarts;
      this.reportFrom = reportFrom;
      this.days = days;
      this.silentDays = silentDays;
      this.lostDays = lostDays;
      int n = periodStarts.length;
      lapsed = new long[n];
      recalled = new long[n];
      silent = new long[n];
      lost = new long[n];
      reactivated = new long[n];
    }

    /** The period of tracked day {@code day >= reportFrom}. */
    int periodOf(int day) {
      int p = Arrays.binarySearch(periodStarts, day);
      return p >= 0 ? p : -p - 2;
    }

    void user(long[] state, int base, int stride) {
      lastSilent = -1;
      lastLost = -1;
      lastReactivated = -1;
      // Activity before the tracked days stands in as the day before them: every count it could
      // change falls before the first reported day (lostDays after it), and gaps from it are at
      // least lostDays long.
      int previous = (state[base] & ACTIVE_BEFORE) != 0 ? -1 : NO_DAY;
      int nextPeriod = 0;
      int pendingRecall = -1;
      for (int w = 1; w <= stride; w++) {
        long bits = w < stride ? state[base + w] : 0;
        // After the last word, one pass with day == days closes the user's history.
        while (bits != 0 || w == stride) {
          int day = w < stride ? ((w - 1) << 6) + Long.numberOfTrailingZeros(bits) : days;
          bits &= bits - 1;
          while (nextPeriod < periodStarts.length && periodStarts[nextPeriod] <= day) {
            boolean isLapsed =
                previous != NO_DAY && periodStarts[nextPeriod] - 1 - previous >= silentDays;
            lapsed[nextPeriod] += isLapsed ? 1 : 0;
            pendingRecall = isLapsed ? nextPeriod : -1;
            nextPeriod++;
          }
          if (previous != NO_DAY) {
            lastSilent = lapse(previous + silentDays, day, silent, lastSilent);
            lastLost = lapse(previous + lostDays, day, lost, lastLost);
          }
          if (day >= days) {
            break;
          }
          if (day >= reportFrom) {
            int p = periodOf(day);
            if (previous != NO_DAY && day - previous - 1 >= silentDays && p != lastReactivated) {
              reactivated[p]++;
              lastReactivated = p;
            }
            if (pendingRecall == p) {
              recalled[p]++;
              pendingRecall = -1;
            }
          }
          previous = day;
        }
      }
    }

    /** Counts a lapse on {@code lapseDay} if it is reported and comes before the next activity. */
    private int lapse(int lapseDay, int nextActive, long[] counts, int lastPeriod) {
      if (lapseDay < nextActive && lapseDay >= reportFrom && lapseDay < days) {
        int p = periodOf(lapseDay);
        if (p != lastPeriod) {
          counts[p]++;
          return p;
        }
      }
      return lastPeriod;
    }
  }

  @Override
  public byte[] toByteArray() {
    return FORM.write(this);
  }

  private void writeFields(BinaryForm.Writer writer) {
    badRecords.writeWithRecordsTo(writer);
    writer.putAscending(state.length / stride, user -> state[user * stride] != 0, user -> {
      for (int i = 0; i < stride; i++) {
        writer.putLong(state[user * stride + i]);
      }
    });
  }

  private void readFields(BinaryForm.Reader reader) {
    badRecords.readWithRecordsFrom(reader);
    reader.getAscending("users", "userId", Integer.MAX_VALUE, userId -> {
      int base = base(userId);
      long flags = reader.getLong("flags");
      Checks.checkArgument(
          (flags & SEEN) != 0 && (flags & ~(SEEN | ACTIVE_BEFORE)) == 0,
          "WBAK: user %s: expected flags 1 or 3, got %s",
          userId,
          flags);
      state[base] = flags;
      for (int i = 1; i < stride; i++) {
        state[base + i] = reader.getLong("days");
      }
    });
  }
}
