package dev.userops.retention.cohort;

import dev.userops.core.internal.BinaryForm;
import java.util.Arrays;

/**
 * First-time cohorts over calendar periods. Per user 12 bytes: the period of the first start seen
 * so far and a 64-bit mask of the periods returned in relative to it (bit k: k periods after the
 * start, bit 63: 63 or more). A start earlier than the one held shifts the mask, which is exact
 * because calendar intervals are differences of period indexes. A return earlier than the start
 * held (or before any start) cannot be placed yet and is kept in a side log of 8 bytes per event,
 * placed against the final start in {@link #tally}: this keeps the result independent of add order,
 * and costs nothing when each user's start arrives before their returns (time-ordered logs).
 */
final class FirstTimeCalendar implements CohortEngine {
  private static final int NONE = Integer.MAX_VALUE;

  private final Frame frame;
  private int[] starts = new int[0];
  private long[] masks = new long[0];
  private int[] pendingUsers = new int[0];
  private int[] pendingPeriods = new int[0];
  private int pending;

  FirstTimeCalendar(Frame frame) {
    this.frame = frame;
  }

  @Override
  public void add(int user, long epochMillis, boolean start, boolean returned) {
    if (user >= starts.length) {
      grow(user);
    }
    int period = (int) frame.period(epochMillis);
    if (start) {
      startAt(user, period, 0);
    }
    if (returned) {
      int held = starts[user];
      if (period < held) {
        addPending(user, period);
      } else {
        masks[user] |= Frame.bit((long) period - held);
      }
    }
  }

  /** Makes {@code period} the user's start if it is earlier, keeping returns relative to it. */
  private void startAt(int user, int period, long maskAtPeriod) {
    int held = starts[user];
    if (held == NONE) {
      starts[user] = period;
      masks[user] = maskAtPeriod;
    } else if (period < held) {
      starts[user] = period;
      masks[user] = shift(masks[user], (long) held - period) | maskAtPeriod;
    } else {
      masks[user] |= shift(maskAtPeriod, (long) period - held);
    }
  }

  /** {@code mask} of a start {@code periods} later, re-based to the earlier start. */
  static long shift(long mask, long periods) {
    if (periods == 0 || mask == 0) {
      return mask;
    }
    if (periods >= 63) {
      return Long.MIN_VALUE;
    }
    long late = mask >>> (63 - periods);
    return ((mask << periods) & Long.MAX_VALUE) | (late != 0 ? Long.MIN_VALUE : 0);
  }

  private void addPending(int user, int period) {
    if (pending == pendingUsers.length) {
      int capacity = Math.max(16, pending * 2);
      pendingUsers = Arrays.copyOf(pendingUsers, capacity);
      pendingPeriods = Arrays.copyOf(pendingPeriods, capacity);
    }
    pendingUsers[pending] = user;
    pendingPeriods[pending++] = period;
  }

  private void grow(int user) {
    int old = starts.length;
    int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(user + 1L, Math.max(16L, old * 2L)));
    starts = Arrays.copyOf(starts, capacity);
    masks = Arrays.copyOf(masks, capacity);
    Arrays.fill(starts, old, capacity, NONE);
  }

  @Override
  public void merge(CohortEngine engine) {
    FirstTimeCalendar other = (FirstTimeCalendar) engine;
    for (int user = 0; user < other.starts.length; user++) {
      if (other.starts[user] != NONE) {
        if (user >= starts.length) {
          grow(user);
        }
        startAt(user, other.starts[user], other.masks[user]);
      }
    }
    for (int i = 0; i < other.pending; i++) {
      addPending(other.pendingUsers[i], other.pendingPeriods[i]);
    }
  }

  @Override
  public void tally(Tally tally) {
    long[] placed = masks.clone();
    for (int i = 0; i < pending; i++) {
      int user = pendingUsers[i];
      int start = user < starts.length ? starts[user] : NONE;
      if (pendingPeriods[i] >= start && start != NONE) {
        placed[user] |= Frame.bit((long) pendingPeriods[i] - start);
      }
    }
    for (int user = 0; user < starts.length; user++) {
      long cohort = starts[user] - frame.firstCohort;
      if (starts[user] != NONE && cohort >= 0 && cohort < frame.cohorts) {
        tally.add((int) cohort, placed[user]);
      }
    }
  }

  @Override
  public void writeTo(BinaryForm.Writer writer) {
    int users = 0;
    for (int start : starts) {
      users += start == NONE ? 0 : 1;
    }
    writer.putInt(users);
    for (int user = 0; user < starts.length; user++) {
      if (starts[user] != NONE) {
        writer.putInt(user).putInt(starts[user]).putLong(masks[user]);
      }
    }
    writer.putInt(pending);
    for (int i = 0; i < pending; i++) {
      writer.putInt(pendingUsers[i]).putInt(pendingPeriods[i]);
    }
  }

  @Override
  public void readFrom(BinaryForm.Reader reader) {
    CohortEngine.readUsers(reader, user -> {
      if (user >= starts.length) {
        grow(user);
      }
      starts[user] = reader.getInt("start", Integer.MIN_VALUE, NONE - 1);
      masks[user] = reader.getLong("mask");
    });
    int events = reader.getInt("pending", 0, Integer.MAX_VALUE);
    for (int i = 0; i < events; i++) {
      addPending(reader.getInt("pendingUser", 0, Integer.MAX_VALUE - 1), reader.getInt("pendingPeriod"));
    }
  }
}
