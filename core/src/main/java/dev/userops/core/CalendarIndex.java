package dev.userops.core;

import dev.userops.core.internal.Checks;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Maps epoch milliseconds to calendar period indexes (day, week, month) local to one {@link ZoneId},
 * and period indexes back to their start; also local wall-clock time both ways ({@link
 * #localMillis}, {@link #epochMillisOfLocal}, {@link #nextEpochMillisOfLocal}, DST gaps and overlaps
 * resolved by one documented rule) and the local {@link #hourOfWeek}. Immutable and thread-safe; build one per zone and week
 * start, then call it per event.
 *
 * <p>Indexes count periods since the Unix epoch in local time: the day index is the local date's
 * {@link LocalDate#toEpochDay() epoch day}; the month index is {@code (year - 1970) * 12 + month - 1};
 * the week index counts weeks starting on {@link #weekStart()} such that the week containing
 * 1970-01-01 has index 0. A period is the set of instants whose local date falls in it, so a day
 * across a DST change is 23 or 25 hours long, and a local date a zone skipped (Pacific/Apia
 * 2011-12-30) has no instants at all: its index is never returned. Where a zone set its clock back
 * across midnight (America/St_Johns until 2011, at 00:01), a local date repeats: instants of the
 * repeated hour belong to the earlier date although they follow the later date's start.
 *
 * <p>For instants in [1900-01-01, 2200-01-01) UTC the zone's offset comes from transition tables
 * built once here, so the index methods neither allocate nor touch {@code java.time}; outside that
 * range they fall back to {@link ZoneRules} and allocate. Month indexes come from a table of month
 * starts for the same years and from arithmetic outside them. Zone rules are those of the JDK's tz
 * database at construction time.
 */
public final class CalendarIndex {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final long MILLIS_PER_HOUR = 3_600_000L;
  /** The largest UTC offset java.time allows, 18 hours. */
  private static final long MAX_OFFSET_MILLIS = 18 * MILLIS_PER_HOUR;
  private static final long TABLE_START_MILLIS = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
  private static final long TABLE_END_MILLIS = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
  /** Bucket width 2^31 ms (about 24.9 days): at most a few transitions fall in one bucket. */
  private static final int BUCKET_SHIFT = 31;
  private static final int BUCKET_FIELDS = 4;
  private static final int OFFSET = 0;
  private static final int NEXT_TRANSITION = 1;
  private static final int MONTH = 2;
  private static final int NEXT_MONTH = 3;

  private static final long MONTH_TABLE_START_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
  private static final long MONTH_TABLE_DAYS =
      LocalDate.of(2200, 1, 1).toEpochDay() - MONTH_TABLE_START_DAY;
  private static final long MONTH_TABLE_START_INDEX = (1900 - 1970) * 12L;
  /** 2^32 / mean Gregorian month length in days. */
  private static final long MONTHS_PER_DAY_Q32 = (4800L << 32) / 146_097;
  /** Epoch day of the first day of each month from 1900-01 to 2200-02. */
  private static final int[] MONTH_START_DAYS = monthStartDays();
  /** Per zone, the index of each week start by {@link DayOfWeek#ordinal()}, built on first use. */
  private static final ConcurrentMap<ZoneId, CalendarIndex[]> CACHE = new ConcurrentHashMap<>();

  private final ZoneId zone;
  private final ZoneRules rules;
  private final DayOfWeek weekStart;
  /** Days to add to an epoch day so that weeks start on a multiple of 7. */
  private final int weekShift;
  /** Whether the zone's offset never changes, in or outside the table range. */
  private final boolean fixed;
  /** Offset in millis for fixed-offset zones; unused when {@link #transitionMillis} is non-empty. */
  private final long fixedOffsetMillis;
  /** Transition instants in the table range, ascending. */
  private final long[] transitionMillis;
  /** {@code offsetMillis[i]} is in force before {@code transitionMillis[i]} and after the one before. */
  private final long[] offsetMillis;
  /** Per bucket: index of the first transition after the bucket's start. */
  private final int[] firstTransitionOfBucket;
  /**
   * Per bucket, {@value #BUCKET_FIELDS} longs side by side so that one cache line serves the common
   * case, an instant before the bucket's first transition: the offset in force at the bucket's
   * start ({@code OFFSET}), that transition ({@code NEXT_TRANSITION}, {@link Long#MAX_VALUE} if
   * none), the month of the bucket's start in local time ({@code MONTH}) and the local start of
   * the next month in local epoch millis ({@code NEXT_MONTH}). Until that transition the offset is
   * constant, so local time runs from the bucket's local start for less than 25 days and crosses
   * at most one month boundary.
   */
  private final long[] buckets;

  private CalendarIndex(ZoneId zone, DayOfWeek weekStart) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.weekStart = weekStart;
    // 1970-01-01 (epoch day 0) is a Thursday.
    this.weekShift = Math.floorMod(DayOfWeek.THURSDAY.getValue() - weekStart.getValue(), 7);
    List<ZoneOffsetTransition> transitions = transitionsInTable(rules);
    this.fixed = rules.isFixedOffset();
    this.fixedOffsetMillis = rules.getOffset(Instant.ofEpochMilli(TABLE_START_MILLIS)).getTotalSeconds() * 1000L;
    this.transitionMillis = new long[transitions.size()];
    this.offsetMillis = new long[transitions.size() + 1];
    offsetMillis[0] = fixedOffsetMillis;
    for (int i = 0; i < transitions.size(); i++) {
      ZoneOffsetTransition t = transitions.get(i);
      transitionMillis[i] = t.toEpochSecond() * 1000L;
      offsetMillis[i + 1] = t.getOffsetAfter().getTotalSeconds() * 1000L;
    }
    int buckets = (int) ((TABLE_END_MILLIS - TABLE_START_MILLIS) >>> BUCKET_SHIFT) + 1;
    this.firstTransitionOfBucket = new int[buckets];
    this.buckets = new long[BUCKET_FIELDS * buckets];
    int next = 0;
    for (int b = 0; b < buckets; b++) {
      long bucketStart = TABLE_START_MILLIS + ((long) b << BUCKET_SHIFT);
      while (next < transitionMillis.length && transitionMillis[next] <= bucketStart) {
        next++;
      }
      firstTransitionOfBucket[b] = next;
      long localStartDay = Math.floorDiv(bucketStart + offsetMillis[next], MILLIS_PER_DAY);
      long month = monthIndexOfDay(localStartDay);
      int slot = b * BUCKET_FIELDS;
      this.buckets[slot + OFFSET] = offsetMillis[next];
      this.buckets[slot + NEXT_TRANSITION] =
          next < transitionMillis.length ? transitionMillis[next] : Long.MAX_VALUE;
      this.buckets[slot + MONTH] = month;
      this.buckets[slot + NEXT_MONTH] =
          monthStartDay(month + 1) * MILLIS_PER_DAY;
    }
  }

  /**
   * A calendar index for {@code zone} with weeks starting on Monday (ISO weeks).
   *
   * @param zone the zone whose local dates periods follow
   * @return the cached index, as {@link #of(ZoneId, DayOfWeek)}
   * @throws NullPointerException if {@code zone} is null
   */
  public static CalendarIndex of(ZoneId zone) {
    return of(zone, DayOfWeek.MONDAY);
  }

  /**
   * A calendar index for {@code zone} with weeks starting on {@code weekStart}.
   *
   * @param zone the zone whose local dates periods follow
   * @param weekStart the first day of every week, e.g. {@link DayOfWeek#SUNDAY} for US weeks
   * <p>Indexes are immutable and cached per zone and week start for the life of the class loader
   * (the one per-zone cache of the library: building one reads the zone's transitions for 1900 to
   * 2200, about 0.1 ms and a few KB, so per-event callers such as a policy's {@code apply} can call
   * this freely). The cache holds at most one index per distinct zone and week start used, a set
   * bounded by the zones the JDK knows.
   *
   * @return the index for {@code zone} and {@code weekStart}
   * @throws NullPointerException if an argument is null
   */
  public static CalendarIndex of(ZoneId zone, DayOfWeek weekStart) {
    Checks.requireNonNull(zone, "zone");
    Checks.requireNonNull(weekStart, "weekStart");
    // No key object per call: check-in taps and push decisions look their index up per event.
    CalendarIndex[] byWeekStart = CACHE.computeIfAbsent(zone, z -> new CalendarIndex[DayOfWeek.values().length]);
    CalendarIndex index = byWeekStart[weekStart.ordinal()];
    if (index == null) {
      // A race builds an equal index twice at worst; its fields are final, so any copy read is whole.
      index = new CalendarIndex(zone, weekStart);
      byWeekStart[weekStart.ordinal()] = index;
    }
    return index;
  }

  private static List<ZoneOffsetTransition> transitionsInTable(ZoneRules rules) {
    List<ZoneOffsetTransition> transitions = new ArrayList<>();
    if (rules.isFixedOffset()) {
      return transitions;
    }
    ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochMilli(TABLE_START_MILLIS));
    while (t != null && t.toEpochSecond() * 1000L < TABLE_END_MILLIS) {
      transitions.add(t);
      t = rules.nextTransition(t.getInstant());
    }
    return transitions;
  }

  private static int[] monthStartDays() {
    int months = (2200 - 1900) * 12 + 2;
    int[] starts = new int[months];
    for (int m = 0; m < months; m++) {
      starts[m] = (int) LocalDate.of(1900, 1, 1).plusMonths(m).toEpochDay();
    }
    return starts;
  }

  /**
   * The zone periods are local to.
   *
   * @return the zone given to {@link #of}
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The first day of a week for {@link #weekIndex}.
   *
   * @return the week start given to {@link #of}, Monday by default
   */
  public DayOfWeek weekStart() {
    return weekStart;
  }

  /**
   * The zone's UTC offset at {@code epochMillis}, in milliseconds.
   *
   * @param epochMillis any instant, epoch milliseconds; negative values are before 1970
   * @return the offset to add to UTC for local time, e.g. {@code 28_800_000} for UTC+8
   */
  public long offsetMillis(long epochMillis) {
    if (epochMillis < TABLE_START_MILLIS || epochMillis >= TABLE_END_MILLIS) {
      // A zone without transitions from 1900 to 2200 may still have some before (LMT).
      return fixed ? fixedOffsetMillis : rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
    }
    if (transitionMillis.length == 0) {
      return fixedOffsetMillis;
    }
    int bucket = (int) ((epochMillis - TABLE_START_MILLIS) >>> BUCKET_SHIFT);
    int slot = bucket * BUCKET_FIELDS;
    if (epochMillis < buckets[slot + NEXT_TRANSITION]) {
      return buckets[slot + OFFSET];
    }
    int i = firstTransitionOfBucket[bucket];
    while (i < transitionMillis.length && transitionMillis[i] <= epochMillis) {
      i++;
    }
    return offsetMillis[i];
  }

  /**
   * The local wall-clock time of {@code epochMillis}, read as if it were UTC: {@code epochMillis +
   * offsetMillis(epochMillis)}. {@code Math.floorDiv(localMillis, 86_400_000)} is {@link #dayIndex}.
   * Allocation-free in the table range, as {@link #offsetMillis} is.
   *
   * @param epochMillis the instant, epoch milliseconds
   * @return local epoch milliseconds, e.g. {@code 28_800_000} (08:00 on 1970-01-01) for the epoch
   *     in UTC+8
   * @throws ArithmeticException if the local time overflows a {@code long}
   */
  public long localMillis(long epochMillis) {
    return Math.addExact(epochMillis, offsetMillis(epochMillis));
  }

  /**
   * The instant at which the local wall clock first reads {@code localMillis} (local epoch
   * millis, as {@link #localMillis} returns): the earliest instant whose local time is at or after
   * it. So a local time that occurs once maps to that instant; one in a DST gap (clocks forward,
   * e.g. 02:30 on a day that jumps from 02:00 to 03:00) maps to the end of the gap, the transition
   * instant (03:00 new time), like {@link LocalDate#atStartOfDay(ZoneId)} and unlike {@code
   * ZonedDateTime.of}, which shifts it by the gap's length; one in an overlap (clocks back) maps
   * to its first occurrence, at the earlier offset, as {@code java.time} does. A local date a zone
   * skipped entirely (Pacific/Apia 2011-12-30) maps to the start of the next date.
   *
   * <p>Allocation-free for instants in the table range (1900 to 2200); any number of transitions
   * is handled.
   *
   * @param localMillis a local date-time as local epoch milliseconds, e.g. {@code day * 86_400_000}
   *     for midnight of epoch day {@code day}
   * @return epoch milliseconds
   */
  public long epochMillisOfLocal(long localMillis) {
    // No offset exceeds 18 hours, so no earlier instant has a local time at or after localMillis.
    return nextEpochMillisOfLocal(localMillis - MAX_OFFSET_MILLIS, localMillis);
  }

  /**
   * The first instant at or after {@code fromMillis} at which the local wall clock reads {@code
   * localMillis} or later: {@code fromMillis} itself if its local time is already there, else the
   * next instant that reaches it, with gaps and overlaps resolved as in {@link
   * #epochMillisOfLocal}. After an overlap's first pass this is the second occurrence: from 01:10
   * of the repeated hour, 01:50 is 40 minutes later, not the earlier 01:50 in the past. E.g. the end
   * of a quiet period or a daily send time, the next time the clock shows it.
   *
   * <p>Allocation-free for instants in the table range (1900 to 2200).
   *
   * @param fromMillis the earliest acceptable instant, epoch milliseconds
   * @param localMillis the local time to reach, local epoch milliseconds
   * @return epoch milliseconds, {@code >= fromMillis}
   */
  public long nextEpochMillisOfLocal(long fromMillis, long localMillis) {
    long at = fromMillis;
    while (true) {
      long offset = offsetMillis(at);
      if (at + offset >= localMillis) {
        return at;
      }
      // Until the next transition local time runs at this offset, reaching localMillis at candidate.
      long candidate = localMillis - offset;
      long next = nextTransitionMillis(at);
      if (candidate < next) {
        return candidate;
      }
      at = next;
    }
  }

  /**
   * The first instant after {@code epochMillis} at which {@link #offsetMillis} may change: the
   * next transition, or a table boundary where the offset source changes.
   */
  private long nextTransitionMillis(long epochMillis) {
    if (fixed) {
      return Long.MAX_VALUE;
    }
    if (epochMillis < TABLE_START_MILLIS || epochMillis >= TABLE_END_MILLIS) {
      ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochMilli(epochMillis));
      long next = t == null ? Long.MAX_VALUE : t.toEpochSecond() * 1000L;
      return epochMillis < TABLE_START_MILLIS ? Math.min(next, TABLE_START_MILLIS) : next;
    }
    int bucket = (int) ((epochMillis - TABLE_START_MILLIS) >>> BUCKET_SHIFT);
    long next = buckets[bucket * BUCKET_FIELDS + NEXT_TRANSITION];
    if (epochMillis >= next) {
      int i = firstTransitionOfBucket[bucket];
      while (i < transitionMillis.length && transitionMillis[i] <= epochMillis) {
        i++;
      }
      next = i < transitionMillis.length ? transitionMillis[i] : Long.MAX_VALUE;
    }
    return Math.min(next, TABLE_END_MILLIS);
  }

  /**
   * The local hour of the week of {@code epochMillis}: hours since 00:00 of the local week's first
   * day ({@link #weekStart()}), by the wall clock. On a DST day the skipped hour never occurs and a
   * repeated hour is returned twice.
   *
   * @param epochMillis the instant, epoch milliseconds
   * @return in [0, 168): {@code 24 * days since the week start + local hour}; e.g. 33 for Tuesday
   *     09:xx in a Monday-based week
   * @throws ArithmeticException as {@link #dayIndex} does
   */
  public int hourOfWeek(long epochMillis) {
    long local = localMillis(epochMillis);
    long day = Math.floorDiv(local, MILLIS_PER_DAY);
    return (int) (Math.floorMod(day + weekShift, 7) * 24 + (local - day * MILLIS_PER_DAY) / MILLIS_PER_HOUR);
  }

  /**
   * The local date of {@code epochMillis} as an epoch day (days since 1970-01-01).
   *
   * @param epochMillis the instant, epoch milliseconds
   * @return the local date's epoch day; negative before 1970-01-01
   * @throws ArithmeticException if the local time overflows a {@code long} (|epochMillis| near
   *     {@link Long#MAX_VALUE})
   */
  public long dayIndex(long epochMillis) {
    return Math.floorDiv(Math.addExact(epochMillis, offsetMillis(epochMillis)), MILLIS_PER_DAY);
  }

  /**
   * The index of the week containing {@code epochMillis}'s local date.
   *
   * @param epochMillis the instant, epoch milliseconds
   * @return weeks since the week containing 1970-01-01 (index 0); negative before it
   * @throws ArithmeticException as {@link #dayIndex} does
   */
  public long weekIndex(long epochMillis) {
    return weekIndexOfDay(dayIndex(epochMillis));
  }

  /**
   * The index of the month containing {@code epochMillis}'s local date.
   *
   * @param epochMillis the instant, epoch milliseconds
   * @return {@code (year - 1970) * 12 + month - 1} of the local date; negative before 1970
   * @throws ArithmeticException as {@link #dayIndex} does
   */
  public long monthIndex(long epochMillis) {
    if (epochMillis >= TABLE_START_MILLIS && epochMillis < TABLE_END_MILLIS) {
      int slot = (int) ((epochMillis - TABLE_START_MILLIS) >>> BUCKET_SHIFT) * BUCKET_FIELDS;
      if (epochMillis < buckets[slot + NEXT_TRANSITION]) {
        long localMillis = epochMillis + buckets[slot + OFFSET];
        // Branch-free "+1 if past the next month's start": random instants would defeat a branch.
        return buckets[slot + MONTH] + ((buckets[slot + NEXT_MONTH] - 1 - localMillis) >>> 63);
      }
    }
    return monthIndexOfDay(dayIndex(epochMillis));
  }

  /**
   * The index at {@code granularity} of the period containing {@code epochMillis}.
   *
   * @param granularity day, week or month
   * @param epochMillis the instant, epoch milliseconds
   * @return the same value as {@link #dayIndex}, {@link #weekIndex} or {@link #monthIndex}
   * @throws NullPointerException if {@code granularity} is null
   * @throws ArithmeticException as {@link #dayIndex} does
   */
  public long index(Granularity granularity, long epochMillis) {
    return indexOfDay(granularity, dayIndex(epochMillis));
  }

  /**
   * The index at {@code granularity} of the period containing the epoch day {@code dayIndex}.
   *
   * @param granularity day, week or month
   * @param dayIndex a local date as an epoch day
   * @return the period index; {@code dayIndex} itself for {@link Granularity#DAY}
   * @throws NullPointerException if {@code granularity} is null
   */
  public long indexOfDay(Granularity granularity, long dayIndex) {
    return switch (granularity) {
      case DAY -> dayIndex;
      case WEEK -> weekIndexOfDay(dayIndex);
      case MONTH -> monthIndexOfDay(dayIndex);
    };
  }

  /**
   * The index at {@code granularity} of the period containing {@code date}.
   *
   * @param granularity day, week or month
   * @param date a local date in this index's zone
   * @return the period index
   * @throws NullPointerException if an argument is null
   */
  public long indexOf(Granularity granularity, LocalDate date) {
    return indexOfDay(granularity, date.toEpochDay());
  }

  /**
   * The index of the week (starting on {@link #weekStart()}) containing epoch day {@code dayIndex}.
   *
   * @param dayIndex a local date as an epoch day
   * @return weeks since the week containing 1970-01-01 (index 0); negative before it
   */
  public long weekIndexOfDay(long dayIndex) {
    return Math.floorDiv(dayIndex + weekShift, 7);
  }

  /**
   * The month index of epoch day {@code dayIndex}: {@code (year - 1970) * 12 + month - 1}.
   * Zone-independent, hence static.
   *
   * @param dayIndex a local date as an epoch day; any {@code long}
   * @return months since 1970-01; negative before it
   */
  public static long monthIndexOfDay(long dayIndex) {
    long sinceTableStart = dayIndex - MONTH_TABLE_START_DAY;
    if (sinceTableStart < 0 || sinceTableStart >= MONTH_TABLE_DAYS) {
      return civilMonthIndexOfDay(dayIndex);
    }
    // Guess from the mean Gregorian month (146097 / 4800 days); the guess is never more than one
    // month off (checked for every day of the table by a test), so one branch-free step corrects it.
    int guess = (int) ((sinceTableStart * MONTHS_PER_DAY_Q32) >>> 32);
    long before = (dayIndex - MONTH_START_DAYS[guess]) >>> 63;
    long after = (MONTH_START_DAYS[guess + 1] - 1 - dayIndex) >>> 63;
    return MONTH_TABLE_START_INDEX + guess - before + after;
  }

  private static long civilMonthIndexOfDay(long dayIndex) {
    // Civil-from-days (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"), in a March-based
    // year so that leap days fall at its end.
    long z = dayIndex + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long marchMonth = (5 * dayOfYear + 2) / 153;
    long month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return (year - 1970) * 12 + month - 1;
  }

  /**
   * The first local date of period {@code index} at {@code granularity}.
   *
   * @param granularity day, week or month
   * @param index a period index as returned by {@link #index}
   * @return the period's first local date, a {@link #weekStart()} for weeks and the 1st for months
   * @throws NullPointerException if {@code granularity} is null
   * @throws java.time.DateTimeException if the date is outside the years {@link LocalDate} supports
   * @throws ArithmeticException if the period's start day overflows a {@code long}
   */
  public LocalDate periodStart(Granularity granularity, long index) {
    return LocalDate.ofEpochDay(periodStartDay(granularity, index));
  }

  /**
   * The epoch day of the first local day of period {@code index} at {@code granularity}; the
   * period after it starts at {@code periodStartDay(granularity, index + 1)}. Allocation-free for
   * months from 1900 to 2200.
   *
   * @param granularity day, week or month
   * @param index a period index as returned by {@link #index}
   * @return the epoch day of the period's first local date
   * @throws NullPointerException if {@code granularity} is null
   * @throws java.time.DateTimeException if a month lies outside the years {@link LocalDate}
   *     supports
   * @throws ArithmeticException if the start day overflows
   */
  public long periodStartDay(Granularity granularity, long index) {
    return switch (granularity) {
      case DAY -> index;
      case WEEK -> Math.multiplyExact(index, 7) - weekShift;
      case MONTH -> monthStartDay(index);
    };
  }

  private static long monthStartDay(long monthIndex) {
    long sinceTableStart = monthIndex - MONTH_TABLE_START_INDEX;
    if (sinceTableStart >= 0 && sinceTableStart < MONTH_START_DAYS.length) {
      return MONTH_START_DAYS[(int) sinceTableStart];
    }
    return LocalDate.of(
            Math.toIntExact(1970 + Math.floorDiv(monthIndex, 12)), Math.floorMod(monthIndex, 12) + 1, 1)
        .toEpochDay();
  }

  /**
   * The first instant of period {@code index}, in epoch millis: the start of its first local day
   * in the zone (01:00 where midnight is skipped by DST). The period ends where period {@code
   * index + 1} starts. Allocates: meant for period boundaries, not per event.
   *
   * @param granularity day, week or month
   * @param index a period index as returned by {@link #index}
   * @return the period's first instant, epoch milliseconds
   * @throws NullPointerException if {@code granularity} is null
   * @throws java.time.DateTimeException if the date is outside the years {@link LocalDate} supports
   * @throws ArithmeticException if the instant overflows epoch milliseconds
   */
  public long periodStartEpochMillis(Granularity granularity, long index) {
    return periodStart(granularity, index).atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /**
   * Whether period {@code index} has fully elapsed at {@code asOfMillis}: its last millisecond is
   * at or before {@code asOfMillis}, i.e. its end (the next period's start) is at most {@code
   * asOfMillis + 1}. Events at {@code asOf} count (nothing after it does), so a period ending
   * exactly then, or one millisecond later, is complete.
   *
   * @param granularity day, week or month
   * @param index a period index as returned by {@link #index}
   * @param asOfMillis the evaluation instant, epoch milliseconds
   * @return whether the period is complete ("mature") at {@code asOfMillis}
   * @throws NullPointerException if {@code granularity} is null
   */
  public boolean isComplete(Granularity granularity, long index, long asOfMillis) {
    return periodStartEpochMillis(granularity, index + 1) - 1 <= asOfMillis;
  }

  @Override
  public String toString() {
    return "CalendarIndex[zone=" + zone + ", weekStart=" + weekStart + "]";
  }
}
