package dev.userops.retention.clv;

import java.util.Arrays;

/**
 * Orders not yet folded into the per-user purchase days: rows of user, local day and amount in two
 * parallel {@code long} arrays (16 bytes a row), appended in arrival order, then read back grouped
 * by user, ascending. Appending writes the arrays in sequence, so users arriving in random order
 * cost no cache miss per order. Grouping moves the rows once through memory: {@link #startReading}
 * scatters them into blocks of 4,096 or more consecutive user ids (at most 2,048 blocks, whose
 * write positions stay in cache), and {@link #nextUser} groups one block at a time by user with a
 * counting sort whose buffers stay in cache. Both steps keep a user's rows in arrival order, which
 * is day order when orders arrive in time order, as logs do; otherwise the user's days are sorted
 * (the amounts need no order: they are only summed). (Appending straight into per-block pages,
 * which saves the scatter, measured slower: writes spread over a few hundred pages fill their cache
 * lines piecemeal.)
 */
final class OrderLog {
  private static final int INITIAL_CAPACITY = 1024;

  /** Users per block at least, as bits: a block's counters take 16 KB. */
  private static final int MIN_BLOCK_USER_BITS = 12;

  /** Blocks of more users than this, as bits, are grouped by a comparison sort. */
  private static final int MAX_COUNTING_BITS = 16;

  /** A user's days up to this many are sorted by insertion, more by {@link Arrays#sort}. */
  private static final int INSERTION_SORT_ROWS = 32;

  /** At most {@code 2^maxBlockBits} blocks. */
  private final int maxBlockBits;

  /** Rows: {@code user << 32 | (day + 1)}; days are at least -1 (1970-01-01T00:00Z at UTC-18). */
  private long[] keys = new long[INITIAL_CAPACITY];

  private long[] amounts = new long[INITIAL_CAPACITY];
  private int size;
  private int maxUser = -1;

  // While reading: the rows by block, where each block starts, a block's user bits, the block.
  private long[] blockKeys;
  private long[] blockAmounts;
  private int[] blockStarts;
  private int blockUserBits;
  private int block;

  // The current block's rows grouped by user, the current user's rows among them, and their days.
  private long[] groupKeys;
  private long[] groupAmounts;
  private int blockRows;
  private int userStart;
  private int userEnd;
  private int[] userDays = new int[INSERTION_SORT_ROWS];

  /** A log read back in at most {@code 2^maxBlockBits} blocks. */
  OrderLog(int maxBlockBits) {
    this.maxBlockBits = maxBlockBits;
  }

  int size() {
    return size;
  }

  int capacity() {
    return keys.length;
  }

  boolean isFull() {
    return size == keys.length;
  }

  /** The largest user of a row, -1 without rows. */
  int maxUser() {
    return maxUser;
  }

  /** Appends a row; the caller has made room. */
  void append(int user, int day, long amountMinor) {
    keys[size] = (long) user << 32 | (day + 1);
    amounts[size++] = amountMinor;
    maxUser = Math.max(maxUser, user);
  }

  /** Grows the arrays to {@code capacity >= size} rows, keeping the rows. */
  void resize(int capacity) {
    keys = Arrays.copyOf(keys, capacity);
    amounts = Arrays.copyOf(amounts, capacity);
  }

  /** Appends every row of {@code other}; the caller has made room. */
  void appendAll(OrderLog other) {
    System.arraycopy(other.keys, 0, keys, size, other.size);
    System.arraycopy(other.amounts, 0, amounts, size, other.size);
    size += other.size;
    maxUser = Math.max(maxUser, other.maxUser);
  }

  /** Empties the log, keeping its capacity when {@code release} is false. */
  void clear(boolean release) {
    size = 0;
    maxUser = -1;
    blockKeys = null;
    blockAmounts = null;
    groupKeys = null;
    groupAmounts = null;
    if (release && keys.length > INITIAL_CAPACITY) {
      keys = new long[INITIAL_CAPACITY];
      amounts = new long[INITIAL_CAPACITY];
    }
  }

  /**
   * Scatters the rows into blocks of consecutive users, ready for {@link #nextUser}. The rows stay
   * in the log until {@link #clear}.
   */
  void startReading() {
    int userBits = 32 - Integer.numberOfLeadingZeros(maxUser);
    blockUserBits = Math.max(userBits - maxBlockBits, Math.min(userBits, MIN_BLOCK_USER_BITS));
    int blocks = 1 << (userBits - blockUserBits);
    int shift = 32 + blockUserBits;
    blockStarts = new int[blocks + 1];
    for (int i = 0; i < size; i++) {
      blockStarts[(int) (keys[i] >>> shift) + 1]++;
    }
    int largest = 0;
    for (int b = 0; b < blocks; b++) {
      largest = Math.max(largest, blockStarts[b + 1]);
      blockStarts[b + 1] += blockStarts[b];
    }
    if (blocks == 1) {
      blockKeys = keys;
      blockAmounts = amounts;
    } else {
      blockKeys = new long[size];
      blockAmounts = new long[size];
      int[] next = Arrays.copyOf(blockStarts, blocks);
      for (int i = 0; i < size; i++) {
        long key = keys[i];
        int to = next[(int) (key >>> shift)]++;
        blockKeys[to] = key;
        blockAmounts[to] = amounts[i];
      }
    }
    groupKeys = new long[largest];
    groupAmounts = new long[largest];
    block = -1;
    blockRows = 0;
    userEnd = 0;
  }

  /**
   * Moves to the next user with rows after {@link #startReading}.
   *
   * @return the user, ascending from call to call; {@link Integer#MAX_VALUE} once all are read
   */
  int nextUser() {
    userStart = userEnd;
    while (userStart == blockRows) {
      if (block + 1 == blockStarts.length - 1) {
        return Integer.MAX_VALUE;
      }
      groupBlock(++block);
      userStart = 0;
    }
    long user = groupKeys[userStart] >>> 32;
    boolean sorted = true;
    userEnd = userStart;
    for (int n = 0; userEnd < blockRows && groupKeys[userEnd] >>> 32 == user; userEnd++, n++) {
      if (n == userDays.length) {
        userDays = Arrays.copyOf(userDays, 2 * n);
      }
      userDays[n] = (int) groupKeys[userEnd] - 1;
      sorted &= n == 0 || userDays[n] >= userDays[n - 1];
    }
    if (!sorted) {
      sortDays(userEnd - userStart);
    }
    return (int) user;
  }

  /** The first of the current user's rows. */
  int userStart() {
    return userStart;
  }

  /** The row after the current user's last. */
  int userEnd() {
    return userEnd;
  }

  /**
   * The current user's days, ascending (repeated as often as they have rows).
   *
   * @return an array whose first {@code userEnd() - userStart()} entries are the days; reused
   */
  int[] userDays() {
    return userDays;
  }

  /** The local day of row {@code i} of the current block. */
  int day(int i) {
    return (int) groupKeys[i] - 1;
  }

  /** The amount of row {@code i} of the current block, minor units. */
  long amount(int i) {
    return groupAmounts[i];
  }

  /** Groups block {@code b}'s rows by user, stably, into the group arrays. */
  private void groupBlock(int b) {
    int from = blockStarts[b];
    blockRows = blockStarts[b + 1] - from;
    int mask = (1 << blockUserBits) - 1;
    if (blockUserBits <= MAX_COUNTING_BITS) {
      int[] starts = new int[mask + 2];
      for (int i = from; i < from + blockRows; i++) {
        starts[((int) (blockKeys[i] >>> 32) & mask) + 1]++;
      }
      for (int u = 0; u <= mask; u++) {
        starts[u + 1] += starts[u];
      }
      for (int i = from; i < from + blockRows; i++) {
        long key = blockKeys[i];
        int to = starts[(int) (key >>> 32) & mask]++;
        groupKeys[to] = key;
        groupAmounts[to] = blockAmounts[i];
      }
      return;
    }
    // Sparse ids in a huge range: the user's low bits and the row's offset, sorted together.
    long[] order = new long[blockRows];
    for (int i = 0; i < blockRows; i++) {
      order[i] = (blockKeys[from + i] >>> 32 & mask) << 31 | i;
    }
    Arrays.sort(order);
    for (int i = 0; i < blockRows; i++) {
      int row = from + (int) (order[i] & Integer.MAX_VALUE);
      groupKeys[i] = blockKeys[row];
      groupAmounts[i] = blockAmounts[row];
    }
  }

  /** Sorts the first {@code n} of {@link #userDays}. */
  private void sortDays(int n) {
    if (n > INSERTION_SORT_ROWS) {
      Arrays.sort(userDays, 0, n);
      return;
    }
    for (int i = 1; i < n; i++) {
      int day = userDays[i];
      int j = i - 1;
      for (; j >= 0 && userDays[j] > day; j--) {
        userDays[j + 1] = userDays[j];
      }
      userDays[j + 1] = day;
    }
  }
}
