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
 * is day order when orders arrive in time order, as logs do; otherwise they are sorted by day per
 * user. (Appending straight into per-block pages, which saves the scatter, measured slower: writes
 * spread over a few hundred pages fill their cache lines piecemeal.)
 */
final class OrderLog {
  static final int INITIAL_CAPACITY = 1024;

  /** Users per block at least, as bits: a block's counters take 16 KB. */
  private static final int MIN_BLOCK_USER_BITS = 12;

  /** Blocks of more users than this, as bits, are grouped by a comparison sort. */
  private static final int MAX_COUNTING_BITS = 16;

  /** A user's rows up to this many are sorted by insertion, more by {@link Arrays#sort}. */
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

  // The current block's rows grouped by user, and the current user's rows among them.
  private long[] groupKeys;
  private long[] groupAmounts;
  private int blockRows;
  private int userStart;
  private int userEnd;

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
   * Moves to the next user with rows after {@link #startReading}, and sorts their rows by day
   * unless they are.
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
    userEnd = userStart + 1;
    for (; userEnd < blockRows && groupKeys[userEnd] >>> 32 == user; userEnd++) {
      sorted &= groupKeys[userEnd] >= groupKeys[userEnd - 1];
    }
    if (!sorted) {
      sortByDay(userStart, userEnd);
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

  /** Sorts rows {@code [from, to)} of the current block, of one user, by key, which is by day. */
  private void sortByDay(int from, int to) {
    if (to - from <= INSERTION_SORT_ROWS) {
      for (int i = from + 1; i < to; i++) {
        long key = groupKeys[i];
        long amount = groupAmounts[i];
        int j = i - 1;
        for (; j >= from && groupKeys[j] > key; j--) {
          groupKeys[j + 1] = groupKeys[j];
          groupAmounts[j + 1] = groupAmounts[j];
        }
        groupKeys[j + 1] = key;
        groupAmounts[j + 1] = amount;
      }
      return;
    }
    // The day (low 32 bits of the key) and the row's offset, sorted together.
    long[] order = new long[to - from];
    for (int i = from; i < to; i++) {
      order[i - from] = (groupKeys[i] & 0xFFFF_FFFFL) << 32 | (i - from);
    }
    Arrays.sort(order);
    long[] amountsOfRows = Arrays.copyOfRange(groupAmounts, from, to);
    long userBits = groupKeys[from] & ~0xFFFF_FFFFL;
    for (int i = 0; i < order.length; i++) {
      groupKeys[from + i] = userBits | order[i] >>> 32;
      groupAmounts[from + i] = amountsOfRows[(int) order[i]];
    }
  }
}
