package dev.userops.retention.active;

import dev.userops.core.Accumulator;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
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
 * Accumulates {@link ActiveUsers}: per user one bit for each local day they were active on, from
 * 30 days before {@code from} (or the first of its month, or the start of its week, whichever is
 * earlier) to {@code to}.
 *
 * <p>Memory: one bit per user and tracked day, {@code days / 8} bytes per user id, allocated in
 * blocks of 512 consecutive ids on first use, so ids that never occur in a block cost nothing and
 * the slack is under one block ({@code 64 · days} bytes). Measured (ScaleBenchmark, 1M users, 12M
 * events): 45.9 bytes of heap and 45.7 bytes of {@link #toByteArray()} per user for 365 tracked
 * days; 49.5 and 49.3 when {@code from} to {@code to} spans 365 days (394 tracked with the 29-day
 * look-back). Users are dense ids in
 * {@code [0, 2^31 - 1)}. Events outside the days tracked are ignored; events before 1970 are bad
 * records.
 */
public final class ActiveUsersAccumulator implements Accumulator<ActiveUsersAccumulator, ActiveUsers> {
  /**
   * Read by {@link ActiveUsersSpec#accumulatorFromBytes}. Version 2: bits packed per block of {@link
   * #BLOCK_USERS} ids; version 1: 64-bit words per id.
   */
  static final AccumulatorForm<ActiveUsersSpec, ActiveUsersAccumulator> FORM =
      new AccumulatorForm<>("ACTU", 2, ActiveUsersSpec::fromJson,
          ActiveUsersAccumulator::writeFields, ActiveUsersAccumulator::readFields);
  private static final int TRAILING_WEEK = 7;
  private static final int TRAILING_MONTH = 30;
  private static final int BLOCK_SHIFT = 9;
  private static final int BLOCK_USERS = 1 << BLOCK_SHIFT;
  private static final int BLOCK_MASK = BLOCK_USERS - 1;
  private static final long[][] NO_BLOCKS = new long[0][];
  /** {@link #addAll} sorts by bucket of 8 blocks, then each bucket by block. */
  private static final int BUCKET_SHIFT = BLOCK_SHIFT + 3;
  private static final int BUCKET_BLOCKS = 1 << BUCKET_SHIFT - BLOCK_SHIFT;
  private static final int BUCKET_BLOCK_MASK = BUCKET_BLOCKS - 1;
  /**
   * Bits of a bit index within a block: 512 users × at most 4096 days, as {@link
   * ActiveUsersSpec#MAX_DAYS} and the 30-day look-back allow.
   */
  private static final int BIT_BITS = 21;
  private static final int BIT_MASK = (1 << BIT_BITS) - 1;
  /**
   * Activities per run of {@link #addAll}: enough that a block, once in cache, takes several
   * activities per cache line of its state (a million users' state is 46 MB).
   */
  private static final int RUN = 1 << 22;

  private final ActiveUsersSpec spec;
  private final CalendarIndex calendar;
  private final BadRecords badRecords;
  /** Epoch day of bit 0. */
  private final long firstDay;
  private final int days;
  /** Words of one block: user {@code u} of a block owns bits {@code [u · days, (u + 1) · days)}. */
  private final int blockWords;
  /** Blocks of {@link #BLOCK_USERS} ids; null for a block with no activity yet. */
  private long[][] blocks = NO_BLOCKS;

  ActiveUsersAccumulator(ActiveUsersSpec spec) {
    this.spec = spec;
    this.calendar = CalendarIndex.of(spec.zone(), spec.weekStart());
    this.badRecords = new BadRecords(spec.badRecords());
    long from = spec.from().toEpochDay();
    long weekStart = calendar.periodStart(Granularity.WEEK, calendar.weekIndexOfDay(from)).toEpochDay();
    long monthStart = spec.from().withDayOfMonth(1).toEpochDay();
    this.firstDay = Math.min(from - (TRAILING_MONTH - 1), Math.min(weekStart, monthStart));
    this.days = (int) (spec.to().toEpochDay() - firstDay + 1);
    this.blockWords = (int) (((long) BLOCK_USERS * days + 63) >>> 6);
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
    int day = trackedDay(epochMillis);
    if (day >= 0) {
      set((int) userId, day);
    }
    return this;
  }

  /**
   * Screens one record and places it: its index among the days tracked, or -1 for a bad record
   * (counted) or a day outside them.
   */
  private int trackedDay(long epochMillis) {
    long recordIndex = badRecords.next();
    // The time rules of orders (amount 0 passes the amount rule), with no asOf bound.
    if (!badRecords.acceptTime(recordIndex, epochMillis, Long.MAX_VALUE)) {
      return -1;
    }
    long day = calendar.dayIndex(epochMillis) - firstDay;
    return day >= 0 && day < days ? (int) day : -1;
  }

  /** User {@code user}'s bit for {@code day} within its block: users lie side by side. */
  private int bitInBlock(int user, int day) {
    return (user & BLOCK_MASK) * days + day;
  }

  private void set(int user, int day) {
    setBit(block(user >>> BLOCK_SHIFT), bitInBlock(user, day));
  }

  private static void setBit(long[] block, int bit) {
    block[bit >>> 6] |= 1L << bit;
  }

  /**
   * Adds activities given as columns: the same as {@link #add(long, long)} with {@code userIds[i],
   * epochMillis[i]} for each {@code i} in order, but faster when users arrive in random order. Runs
   * of up to {@value #RUN} activities are first grouped by the block of 512 ids they set bits in (two
   * counting sorts), so that each block is updated while it is in cache, with several activities per
   * cache line of its state; this takes a transient 4 bytes per activity of a run, and up to 4 more
   * when most of a run falls in 8 blocks (32 MiB at most). Measured (ScaleBenchmark {@code -p
   * accumulator=ACTIVE_USERS_365_TRACKED_COLUMNS -p order=TIME,SHUFFLED}, 1M users, 12M events, on
   * a shared 2-core machine): 60 to 96 M activities/s time-ordered and 66 to 95 M shuffled per
   * iteration, against 15 to 20 M for one {@link #add(long, long)} each; see {@code
   * benchmarks/README.md}.
   *
   * @param userIds dense ids in {@code [0, 2^31 - 1)}
   * @param epochMillis times, epoch milliseconds, row for row
   * @return this accumulator
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or a user id is out of range
   * @throws dev.userops.core.BadRecordException for a time before 1970 under {@code REJECT}
   */
  public ActiveUsersAccumulator addAll(long[] userIds, long[] epochMillis) {
    return addAll(userIds, epochMillis, RUN);
  }

  /** {@link #addAll(long[], long[])} in runs of {@code run} activities, so that tests cross runs. */
  ActiveUsersAccumulator addAll(long[] userIds, long[] epochMillis, int run) {
    Checks.requireEqualLengths("userIds and epochMillis", userIds.length, epochMillis.length);
    RunBuffers buffers = new RunBuffers(Math.min(run, userIds.length));
    for (int from = 0; from < userIds.length; from += run) {
      addRun(userIds, epochMillis, from, Math.min(userIds.length, from + run), buffers);
    }
    return this;
  }

  /** Scratch of {@link #addAll}'s counting sorts, kept across its runs. */
  private static final class RunBuffers {
    /** A run's activities by bucket: their block in the bucket and bit in the block, or -1. */
    final int[] byBucket;
    /** Per bucket, where its activities begin in {@link #byBucket}; grown to the largest id's. */
    int[] bucketStarts = new int[2];
    /** One bucket's activities by block: their bit in the block; grown to the largest bucket. */
    int[] byBlock = new int[0];
    final int[] blockStarts = new int[BUCKET_BLOCKS + 1];

    RunBuffers(int run) {
      byBucket = new int[run];
    }
  }

  /**
   * Screens one run in order, sorting it by bucket of {@value #BUCKET_BLOCKS} blocks, then each
   * bucket by block, and sets each block's bits: few buckets keep the first sort's writes in cache,
   * a bucket's activities fit in cache for the second, and a block's state (23 KB for a year) stays
   * in cache while its several activities per cache line are set.
   */
  private void addRun(long[] userIds, long[] epochMillis, int from, int to, RunBuffers buffers) {
    // starts[b + 1] counts bucket b's activities; after the prefix sums, starts[b] is where they go.
    int[] starts = buffers.bucketStarts;
    Arrays.fill(starts, 0);
    int maxBucket = -1;
    for (int i = from; i < to; i++) {
      Checks.requireInRange(userIds[i], 0, Integer.MAX_VALUE - 1, "userId");
      int bucket = (int) (userIds[i] >>> BUCKET_SHIFT);
      if (bucket + 1 >= starts.length) {
        starts = Arrays.copyOf(starts, Math.max(bucket + 2, starts.length * 2));
      }
      starts[bucket + 1]++;
      maxBucket = Math.max(maxBucket, bucket);
    }
    buffers.bucketStarts = starts;
    int largest = 0;
    for (int b = 1; b <= maxBucket + 1; b++) {
      largest = Math.max(largest, starts[b]);
      starts[b] += starts[b - 1];
    }
    if (buffers.byBlock.length < largest) {
      buffers.byBlock = new int[largest];
    }
    // Skipped activities keep their place, as -1, so that the counts hold.
    int[] byBucket = buffers.byBucket;
    for (int i = from; i < to; i++) {
      int day = trackedDay(epochMillis[i]);
      int user = (int) userIds[i];
      byBucket[starts[user >>> BUCKET_SHIFT]++] =
          day >= 0 ? (user >>> BLOCK_SHIFT & BUCKET_BLOCK_MASK) << BIT_BITS | bitInBlock(user, day) : -1;
    }
    // The scatter moved starts[b] to where bucket b + 1 begins.
    for (int b = 0, lo = 0; b <= maxBucket; lo = starts[b++]) {
      setBucket(b, byBucket, lo, starts[b], buffers);
    }
  }

  /** Sets the bits of bucket {@code bucket}'s activities {@code byBucket[lo, hi)}, block by block. */
  private void setBucket(int bucket, int[] byBucket, int lo, int hi, RunBuffers buffers) {
    int[] starts = buffers.blockStarts;
    Arrays.fill(starts, 0);
    for (int k = lo; k < hi; k++) {
      int entry = byBucket[k];
      if (entry >= 0) {
        starts[(entry >>> BIT_BITS) + 1]++;
      }
    }
    for (int j = 1; j <= BUCKET_BLOCKS; j++) {
      starts[j] += starts[j - 1];
    }
    int[] byBlock = buffers.byBlock;
    for (int k = lo; k < hi; k++) {
      int entry = byBucket[k];
      if (entry >= 0) {
        byBlock[starts[entry >>> BIT_BITS]++] = entry & BIT_MASK;
      }
    }
    for (int j = 0, k = 0; j < BUCKET_BLOCKS; j++) {
      if (k < starts[j]) {
        long[] block = block(bucket * BUCKET_BLOCKS + j);
        for (int end = starts[j]; k < end; k++) {
          setBit(block, byBlock[k]);
        }
      }
    }
  }

  private long[] block(int index) {
    if (index >= blocks.length) {
      blocks = Arrays.copyOf(blocks, Math.max(index + 1, blocks.length + (blocks.length >> 1)));
    }
    long[] block = blocks[index];
    if (block == null) {
      block = new long[blockWords];
      blocks[index] = block;
    }
    return block;
  }

  @Override
  public ActiveUsersAccumulator merge(ActiveUsersAccumulator other) {
    Accumulators.checkMergeable(this, other);
    badRecords.merge(other.badRecords);
    for (int b = 0; b < other.blocks.length; b++) {
      if (other.blocks[b] != null) {
        long[] block = block(b);
        long[] from = other.blocks[b];
        for (int w = 0; w < blockWords; w++) {
          block[w] |= from[w];
        }
      }
    }
    return this;
  }

  /**
   * The first day index at or after {@code day} on which user {@code user} of {@code block} was
   * active, or {@code -1} if none.
   */
  private int nextDay(long[] block, int user, int day) {
    long first = (long) user * days;
    long end = first + days;
    long bit = first + day;
    while (bit < end) {
      long bits = block[(int) (bit >>> 6)] & (-1L << bit);
      if (bits != 0) {
        long found = (bit & ~63L) + Long.numberOfTrailingZeros(bits);
        return found < end ? (int) (found - first) : -1;
      }
      bit = (bit | 63) + 1;
    }
    return -1;
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
    for (long[] block : blocks) {
      if (block == null) {
        continue;
      }
      for (int user = 0; user < BLOCK_USERS; user++) {
        Arrays.fill(ends, -2);
        for (int day = nextDay(block, user, 0); day >= 0; day = nextDay(block, user, day + 1)) {
          extend(deltas, starts, ends, 0, day, day);
          extend(deltas, starts, ends, 1, day, day + TRAILING_WEEK - 1);
          extend(deltas, starts, ends, 2, day, day + TRAILING_MONTH - 1);
          extend(deltas, starts, ends, 3, day, weekEnds[day]);
          extend(deltas, starts, ends, 4, day, monthEnds[day]);
        }
        for (int m = 0; m < 5; m++) {
          flush(deltas[m], starts[m], ends[m]);
        }
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
        result.add(ActiveUsers.Day.of(LocalDate.ofEpochDay(firstDay + d), running[0], running[1],
            running[2], running[3], running[4]));
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
    return FORM.write(this);
  }

  /**
   * Version 2 layout after the spec: records, bad-record counts, the number of allocated blocks,
   * then for each its index and its {@code ⌈512 · days / 64⌉} words.
   */
  private void writeFields(BinaryForm.Writer writer) {
    badRecords.writeWithRecordsTo(writer);
    writer.putAscending(blocks.length, b -> blocks[b] != null, b -> {
      for (long word : blocks[b]) {
        writer.putLong(word);
      }
    });
  }

  private void readFields(BinaryForm.Reader reader) {
    badRecords.readWithRecordsFrom(reader);
    if (reader.version() == 1) {
      readVersion1(reader);
      return;
    }
    reader.getAscending("blocks", "block", (Integer.MAX_VALUE - 1) >>> BLOCK_SHIFT, b -> {
      long[] block = block(b);
      for (int w = 0; w < blockWords; w++) {
        block[w] = reader.getLong("days");
      }
    });
  }

  /** Version 1: the active users in increasing id order, each with {@code ⌈days / 64⌉} words. */
  private void readVersion1(BinaryForm.Reader reader) {
    int stride = (days + 63) >>> 6;
    reader.getAscending("users", "user", Integer.MAX_VALUE - 1, user -> {
      for (int w = 0; w < stride; w++) {
        for (long bits = reader.getLong("days"); bits != 0; bits &= bits - 1) {
          int day = (w << 6) + Long.numberOfTrailingZeros(bits);
          Checks.checkArgument(day < days, "days: bit %s set beyond the %s days tracked", day, days);
          set(user, day);
        }
      }
    });
  }
}
