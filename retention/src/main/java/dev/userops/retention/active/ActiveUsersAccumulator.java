package dev.userops.retention.active;

import dev.userops.core.Accumulator;
import dev.userops.core.Accumulators;
import dev.userops.core.BadRecords;
import dev.userops.core.BinaryForm;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Checks;
import dev.userops.core.Granularity;
import dev.userops.core.event.Activity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Accumulates {@link ActiveUsers}: per user a bitmap of the local days they were active on, from
 * 30 days before {@code from} (or the first of its month, or the start of its week, whichever is
 * earlier) to {@code to}. Memory: {@code 8 · ⌈days / 64⌉} bytes per user id up to the largest seen,
 * e.g. 16 bytes for a 31-day range. Users are dense ids in {@code [0, 2^31 - 1)}. Events outside the
 * days tracked are ignored; events before 1970 are bad records.
 */
public final class ActiveUsersAccumulator implements Accumulator<ActiveUsersAccumulator, ActiveUsers> {
  private static final String FAMILY = "ACTU";
  private static final int VERSION = 1;
  private static final int TRAILING_WEEK = 7;
  private static final int TRAILING_MONTH = 30;

  private final ActiveUsersSpec spec;
  private final CalendarIndex calendar;
  private final BadRecords badRecords;
  /** Epoch day of bit 0. */
  private final long firstDay;
  private final int days;
  private final int stride;
  private long[] words = new long[0];
  private int users;
  private long records;

  ActiveUsersAccumulator(ActiveUsersSpec spec) {
    this.spec = spec;
    this.calendar = CalendarIndex.of(spec.zone(), spec.weekStart());
    this.badRecords = new BadRecords(spec.badRecords());
    long from = spec.from().toEpochDay();
    long weekStart = calendar.periodStart(Granularity.WEEK, calendar.weekIndexOfDay(from)).toEpochDay();
    long monthStart = spec.from().withDayOfMonth(1).toEpochDay();
    this.firstDay = Math.min(from - (TRAILING_MONTH - 1), Math.min(weekStart, monthStart));
    this.days = (int) (spec.to().toEpochDay() - firstDay + 1);
    this.stride = (days + 63) >>> 6;
  }

  @Override
  public ActiveUsersSpec spec() {
    return spec;
  }

  /**
   * Adds one activity of any type.
   *
   * @param activity the activity; its user id must be a dense id
   * @return this accumulator
   * @throws NullPointerException if {@code activity} is null
   * @throws IllegalArgumentException if the user id is out of range
   * @throws dev.userops.core.BadRecordException for a time before 1970 under {@code REJECT}
   */
  public ActiveUsersAccumulator add(Activity activity) {
    return add(activity.userId(), activity.occurredAt().toEpochMilli());
  }

  /**
   * Adds that {@code userId} was active at {@code epochMillis}.
   *
   * @param userId a dense id in {@code [0, 2^31 - 1)}
   * @param epochMillis when, epoch milliseconds; days outside the tracked range are ignored
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range, or its state would exceed
   *     an array
   * @throws dev.userops.core.BadRecordException for a time before 1970 under {@code REJECT}
   */
  public ActiveUsersAccumulator add(long userId, long epochMillis) {
    Checks.requireInRange(userId, 0, Integer.MAX_VALUE - 1, "userId");
    long recordIndex = records++;
    // The time rules of orders (amount 0 passes the amount rule), with no asOf bound.
    if (!badRecords.acceptTime(recordIndex, epochMillis, Long.MAX_VALUE)) {
      return this;
    }
    long day = calendar.dayIndex(epochMillis) - firstDay;
    if (day >= 0 && day < days) {
      set((int) userId, (int) day);
    }
    return this;
  }

  private void set(int user, int day) {
    if (user >= users) {
      grow(user);
    }
    words[user * stride + (day >>> 6)] |= 1L << day;
  }

  private void grow(int user) {
    long capacity = Math.max(user + 1L, Math.max(16L, words.length / stride * 2L));
    capacity = Math.min(capacity, (Integer.MAX_VALUE - 8L) / stride);
    Checks.checkArgument(user < capacity, "userId %s needs more than %s words of state", user, Integer.MAX_VALUE);
    if (capacity * stride > words.length) {
      words = Arrays.copyOf(words, (int) capacity * stride);
    }
    users = user + 1;
  }

  @Override
  public ActiveUsersAccumulator merge(ActiveUsersAccumulator other) {
    Accumulators.checkMergeable(this, other);
    records = Math.addExact(records, other.records);
    badRecords.merge(other.badRecords);
    if (other.users > users) {
      grow(other.users - 1);
    }
    for (int i = 0; i < other.users * stride; i++) {
      words[i] |= other.words[i];
    }
    return this;
  }

  @Override
  public ActiveUsers result() {
    int[] weekEnds = new int[days];
    int[] monthEnds = new int[days];
    for (int d = 0; d < days; d++) {
      long day = firstDay + d;
      long nextWeek = calendar.periodStart(Granularity.WEEK, calendar.weekIndexOfDay(day) + 1).toEpochDay();
      long nextMonth = calendar.periodStart(Granularity.MONTH, CalendarIndex.monthIndexOfDay(day) + 1).toEpochDay();
      weekEnds[d] = (int) (nextWeek - 1 - firstDay);
      monthEnds[d] = (int) (nextMonth - 1 - firstDay);
    }
    // Each user adds 1 over the union of the windows their active days open: a difference array
    // per measure counts distinct users without a per-day set.
    long[][] deltas = new long[5][days + 1];
    int[] ends = new int[5];
    int[] starts = new int[5];
    for (int user = 0; user < users; user++) {
      Arrays.fill(ends, -2);
      for (int w = 0; w < stride; w++) {
        for (long bits = words[user * stride + w]; bits != 0; bits &= bits - 1) {
          int day = (w << 6) + Long.numberOfTrailingZeros(bits);
          extend(deltas, starts, ends, 0, day, day);
          extend(deltas, starts, ends, 1, day, day + TRAILING_WEEK - 1);
          extend(deltas, starts, ends, 2, day, day + TRAILING_MONTH - 1);
          extend(deltas, starts, ends, 3, day, weekEnds[day]);
          extend(deltas, starts, ends, 4, day, monthEnds[day]);
        }
      }
      for (int m = 0; m < 5; m++) {
        flush(deltas[m], starts[m], ends[m]);
      }
    }
    long[] running = new long[5];
    List<ActiveUsers.Day> result = new ArrayList<>();
    long from = spec.from().toEpochDay() - firstDay;
    for (int d = 0; d < days; d++) {
      for (int m = 0; m < 5; m++) {
        running[m] += deltas[m][d];
      }
      if (d >= from) {
        result.add(new ActiveUsers.Day(LocalDate.ofEpochDay(firstDay + d), running[0], running[1],
            running[2], running[3], running[4], running[2] == 0 ? null : (double) running[0] / running[2]));
      }
    }
    return new ActiveUsers(spec.zone(), result, badRecords.diagnostics());
  }

  /** Adds window {@code [day, end]} to measure {@code m}'s open run, flushing a run it cannot join. */
  private void extend(long[][] deltas, int[] starts, int[] ends, int m, int day, int end) {
    if (day > ends[m] + 1) {
      flush(deltas[m], starts[m], ends[m]);
      starts[m] = day;
      ends[m] = end;
    } else {
      ends[m] = Math.max(ends[m], end);
    }
  }

  private void flush(long[] delta, int start, int end) {
    if (end >= 0) {
      delta[start]++;
      delta[Math.min(end + 1, days)]--;
    }
  }

  @Override
  public byte[] toByteArray() {
    BinaryForm.Writer writer = BinaryForm.writer(FAMILY, VERSION).putString(spec.toJson());
    writer.putLong(records);
    badRecords.writeTo(writer);
    int active = 0;
    for (int user = 0; user < users; user++) {
      active += isActive(user) ? 1 : 0;
    }
    writer.putInt(active);
    for (int user = 0; user < users; user++) {
      if (isActive(user)) {
        writer.putInt(user);
        for (int w = 0; w < stride; w++) {
          writer.putLong(words[user * stride + w]);
        }
      }
    }
    return writer.toByteArray();
  }

  private boolean isActive(int user) {
    for (int w = 0; w < stride; w++) {
      if (words[user * stride + w] != 0) {
        return true;
      }
    }
    return false;
  }

  static ActiveUsersAccumulator fromBytes(ActiveUsersSpec spec, byte[] bytes) {
    BinaryForm.Reader reader = BinaryForm.reader(bytes, FAMILY, VERSION);
    reader.expectString("spec", spec.toJson());
    ActiveUsersAccumulator acc = new ActiveUsersAccumulator(spec);
    acc.records = reader.getLong("records");
    acc.badRecords.readFrom(reader);
    int active = reader.getInt("users", 0, Integer.MAX_VALUE);
    int previous = -1;
    for (int i = 0; i < active; i++) {
      int user = reader.getInt("user", previous + 1, Integer.MAX_VALUE - 1);
      acc.grow(user);
      for (int w = 0; w < acc.stride; w++) {
        acc.words[user * acc.stride + w] = reader.getLong("days");
      }
      previous = user;
    }
    reader.finish();
    return acc;
  }
}
