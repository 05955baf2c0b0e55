package dev.userops.spark;

import dev.userops.core.UserIdDictionary;
import java.util.Arrays;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Dense ids 0, 1, 2, … for the users of one partition, in first-seen order, and back to the
 * input's ids: exact, so two users never share a dense id. {@code BIGINT} ids go through an
 * open-addressing table (12 bytes per slot, at most half full: about 24 to 48 bytes per user),
 * {@code STRING} ids through a {@link UserIdDictionary}.
 */
abstract class PartitionUsers {
  /** The dense id of {@code userId}, the next free one if it is new. */
  abstract int indexOf(Object userId);

  /** The input's id of a dense id, as the column's type. */
  abstract Object userId(long index);

  static PartitionUsers of(DataType userIdType) {
    if (userIdType == DataTypes.LongType) {
      return new LongIds();
    }
    if (userIdType == DataTypes.StringType) {
      return new StringIds();
    }
    throw new IllegalArgumentException("user_id: expected BIGINT or STRING, got " + userIdType.sql());
  }

  private static final class StringIds extends PartitionUsers {
    private final UserIdDictionary ids = new UserIdDictionary();

    @Override
    int indexOf(Object userId) {
      return ids.indexOf((String) userId);
    }

    @Override
    Object userId(long index) {
      return ids.userId(index);
    }
  }

  /** Linear probing over {@code long} keys; a slot's value is the dense id plus one, 0 when free. */
  private static final class LongIds extends PartitionUsers {
    private long[] keys = new long[1 << 10];
    private int[] values = new int[1 << 10];
    /** Dense id to input id. */
    private long[] ids = new long[1 << 9];
    private int size;

    @Override
    int indexOf(Object userId) {
      long id = (Long) userId;
      int mask = keys.length - 1;
      for (int slot = hash(id) & mask; ; slot = (slot + 1) & mask) {
        int value = values[slot];
        if (value == 0) {
          return add(id, slot);
        }
        if (keys[slot] == id) {
          return value - 1;
        }
      }
    }

    @Override
    Object userId(long index) {
      return ids[(int) index];
    }

    private int add(long id, int slot) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, 2 * size);
      }
      ids[size] = id;
      keys[slot] = id;
      values[slot] = ++size;
      if (2 * size > keys.length) {
        rehash();
      }
      return size - 1;
    }

    private void rehash() {
      keys = new long[2 * keys.length];
      values = new int[keys.length];
      int mask = keys.length - 1;
      for (int index = 0; index < size; index++) {
        int slot = hash(ids[index]) & mask;
        while (values[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = ids[index];
        values[slot] = index + 1;
      }
    }

    /** Spreads sequential and strided ids (Stafford's mix 13, as in {@code SplittableRandom}). */
    private static int hash(long id) {
      long z = (id ^ (id >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      return (int) (z ^ (z >>> 31));
    }
  }
}
