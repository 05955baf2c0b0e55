package dev.userops.retention.cohort;

import dev.userops.core.internal.BinaryForm;
import java.util.Arrays;

/**
 * Rolling windows, first-time or recurring. A rolling interval is measured in millis from the
 * user's own start, so when an earlier start turns up, returns already seen fall into windows that
 * cannot be told from a per-interval mask; this engine therefore keeps the events that can matter
 * (starts up to the last cohort, returns from the first cohort's start on) as 12 bytes each and
 * groups them by user in {@link #tally}. Memory is per event, not per user.
 */
final class RollingEvents implements CohortEngine {
  private static final long START = 1;
  private static final long RETURN = 2;

  private final Frame frame;
  private final boolean recurring;
  private final long firstMillis;
  private final long endMillis;
  private int[] users = new int[16];
  /** {@code epochMillis << 2 | START | RETURN}: sorting orders a user's events by time. */
  private long[] events = new long[16];
  private int size;

  RollingEvents(Frame frame, boolean recurring) {
    this.frame = frame;
    this.recurring = recurring;
    this.firstMillis = frame.calendar.periodStartEpochMillis(frame.granularity, frame.firstCohort);
    this.endMillis = frame.calendar.periodStartEpochMillis(frame.granularity, frame.firstCohort + frame.cohorts);
  }

  @Override
  public void add(int user, long epochMillis, boolean start, boolean returned) {
    boolean keepStart = start && epochMillis < endMillis && (!recurring || epochMillis >= firstMillis);
    boolean keepReturn = returned && epochMillis >= firstMillis;
    if (keepStart || keepReturn) {
      append(user, epochMillis << 2 | (keepStart ? START : 0) | (keepReturn ? RETURN : 0));
    }
  }

  private void append(int user, long event) {
    if (size == users.length) {
      users = Arrays.copyOf(users, size * 2);
      events = Arrays.copyOf(events, size * 2);
    }
    users[size] = user;
    events[size++] = event;
  }

  @Override
  public void merge(CohortEngine engine) {
    RollingEvents other = (RollingEvents) engine;
    for (int i = 0; i < other.size; i++) {
      append(other.users[i], other.events[i]);
    }
  }

  @Override
  public void tally(Tally tally) {
    int maxUser = -1;
    for (int i = 0; i < size; i++) {
      maxUser = Math.max(maxUser, users[i]);
    }
    int[] offsets = new int[maxUser + 2];
    for (int i = 0; i < size; i++) {
      offsets[users[i] + 1]++;
    }
    for (int u = 0; u <= maxUser; u++) {
      offsets[u + 1] += offsets[u];
    }
    long[] byUser = new long[size];
    int[] next = Arrays.copyOf(offsets, maxUser + 1);
    for (int i = 0; i < size; i++) {
      byUser[next[users[i]]++] = events[i];
    }
    for (int u = 0; u <= maxUser; u++) {
      Arrays.sort(byUser, offsets[u], offsets[u + 1]);
      tallyUser(tally, byUser, offsets[u], offsets[u + 1]);
    }
  }

  /** One user's events, sorted by time, in {@code [from, to)}. */
  private void tallyUser(Tally tally, long[] sorted, int from, int to) {
    long lastCohort = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      if ((sorted[i] & START) == 0) {
        continue;
      }
      long startMillis = sorted[i] >>> 2;
      long cohort = frame.period(startMillis) - frame.firstCohort;
      if (cohort != lastCohort && cohort >= 0 && cohort < frame.cohorts) {
        tally.add((int) cohort, returnMask(sorted, i, to, startMillis));
      }
      if (!recurring) {
        return;
      }
      lastCohort = cohort;
    }
  }

  private long returnMask(long[] sorted, int from, int to, long startMillis) {
    long mask = 0;
    for (int i = from; i < to; i++) {
      if ((sorted[i] & RETURN) != 0) {
        mask |= Frame.bit(((sorted[i] >>> 2) - startMillis) / frame.rollingMillis);
      }
    }
    return mask;
  }

  @Override
  public void writeTo(BinaryForm.Writer writer) {
    writer.putInt(size);
    for (int i = 0; i < size; i++) {
      writer.putInt(users[i]).putLong(events[i]);
    }
  }

  @Override
  public void readFrom(BinaryForm.Reader reader) {
    int events = reader.getInt("events", 0, Integer.MAX_VALUE);
    for (int i = 0; i < events; i++) {
      append(reader.getInt("user", 0, Integer.MAX_VALUE - 1), reader.getLong("event"));
    }
  }
}
