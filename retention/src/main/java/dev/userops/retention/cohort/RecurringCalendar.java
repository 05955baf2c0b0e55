package dev.userops.retention.cohort;

import dev.userops.core.internal.BinaryForm;
import java.util.Arrays;

/**
 * Recurring cohorts over calendar periods. Per user: a bitmap of the cohort periods they started
 * in, a bitmap of the periods from the first cohort to the last cohort plus the span they returned
 * in, and the last period they returned in (for unbounded on-or-after). That is {@code 8 ·
 * (⌈cohorts / 64⌉ + ⌈(cohorts + span) / 64⌉) + 4} bytes per user, e.g. 108 for a year of daily
 * cohorts with 30 intervals. Bitmaps are unions, so add order cannot matter.
 */
final class RecurringCalendar implements CohortEngine {
  private final Frame frame;
  private final int startWords;
  private final int returnPeriods;
  private final int stride;
  private long[] words = new long[0];
  private int[] lastReturns = new int[0];

  RecurringCalendar(Frame frame) {
    this.frame = frame;
    this.startWords = (frame.cohorts + 63) >>> 6;
    this.returnPeriods = frame.cohorts + frame.span;
    this.stride = startWords + ((returnPeriods + 63) >>> 6);
  }

  @Override
  public void add(int user, long epochMillis, boolean start, boolean returned) {
    if (user >= lastReturns.length) {
      grow(user);
    }
    long offset = frame.period(epochMillis) - frame.firstCohort;
    int base = user * stride;
    if (start && offset >= 0 && offset < frame.cohorts) {
      words[base + (int) (offset >>> 6)] |= 1L << offset;
    }
    if (returned) {
      lastReturns[user] = (int) Math.max(lastReturns[user], Math.min(Integer.MAX_VALUE, offset));
      if (offset >= 0 && offset < returnPeriods) {
        words[base + startWords + (int) (offset >>> 6)] |= 1L << offset;
      }
    }
  }

  private void grow(int user) {
    int old = lastReturns.length;
    long capacity = Math.max(user + 1L, Math.max(16L, old * 2L));
    capacity = Math.min(capacity, (Integer.MAX_VALUE - 8L) / stride);
    words = Arrays.copyOf(words, (int) capacity * stride);
    lastReturns = Arrays.copyOf(lastReturns, (int) capacity);
    Arrays.fill(lastReturns, old, (int) capacity, Integer.MIN_VALUE);
  }

  @Override
  public void merge(CohortEngine engine) {
    RecurringCalendar other = (RecurringCalendar) engine;
    if (other.lastReturns.length > lastReturns.length) {
      grow(other.lastReturns.length - 1);
    }
    for (int i = 0; i < other.lastReturns.length * stride; i++) {
      words[i] |= other.words[i];
    }
    for (int user = 0; user < other.lastReturns.length; user++) {
      lastReturns[user] = Math.max(lastReturns[user], other.lastReturns[user]);
    }
  }

  @Override
  public void tally(Tally tally) {
    for (int user = 0; user < lastReturns.length; user++) {
      int base = user * stride;
      for (int w = 0; w < startWords; w++) {
        for (long starts = words[base + w]; starts != 0; starts &= starts - 1) {
          int cohort = (w << 6) + Long.numberOfTrailingZeros(starts);
          long mask = window(base + startWords, cohort) & (-1L >>> (63 - frame.span));
          if (lastReturns[user] > cohort + frame.span) {
            mask |= Long.MIN_VALUE;
          }
          tally.add(cohort, mask);
        }
      }
    }
  }

  /** The 64 return bits from period offset {@code from} on, in the bitmap at {@code base}. */
  private long window(int base, int from) {
    int word = from >>> 6;
    int bit = from & 63;
    int returnWords = stride - startWords;
    long low = word < returnWords ? words[base + word] >>> bit : 0;
    long high = bit == 0 || word + 1 >= returnWords ? 0 : words[base + word + 1] << (64 - bit);
    return low | high;
  }

  @Override
  public void writeTo(BinaryForm.Writer writer) {
    int users = 0;
    for (int user = 0; user < lastReturns.length; user++) {
      users += isEmpty(user) ? 0 : 1;
    }
    writer.putInt(users);
    for (int user = 0; user < lastReturns.length; user++) {
      if (!isEmpty(user)) {
        writer.putInt(user).putInt(lastReturns[user]);
        for (int w = 0; w < stride; w++) {
          writer.putLong(words[user * stride + w]);
        }
      }
    }
  }

  private boolean isEmpty(int user) {
    if (lastReturns[user] != Integer.MIN_VALUE) {
      return false;
    }
    for (int w = 0; w < stride; w++) {
      if (words[user * stride + w] != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void readFrom(BinaryForm.Reader reader) {
    CohortEngine.readUsers(reader, user -> {
      if (user >= lastReturns.length) {
        grow(user);
      }
      lastReturns[user] = reader.getInt("lastReturn");
      for (int w = 0; w < stride; w++) {
        words[user * stride + w] = reader.getLong("words");
      }
    });
  }
}
