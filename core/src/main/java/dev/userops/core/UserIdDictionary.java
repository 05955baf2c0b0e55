package dev.userops.core;

import dev.userops.core.internal.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a host's string user ids to dense {@code int} indexes 0, 1, 2, … in first-seen order, so
 * batch calculations can keep per-user state in arrays. Mutable and not thread-safe: build it where
 * input is read, then pass indexes (as {@code long} user ids) to calculations.
 */
public final class UserIdDictionary {
  private final Map<String, Integer> indexes = new HashMap<>();
  private final List<String> ids = new ArrayList<>();

  /** An empty dictionary. */
  public UserIdDictionary() {}

  /**
   * The index of {@code userId}, assigning the next free index if it is new.
   *
   * @param userId the host's id, compared exactly (case and whitespace matter)
   * @return the id's index, {@code size() - 1} if it was just assigned
   * @throws NullPointerException if {@code userId} is null
   * @throws IllegalStateException when {@link Integer#MAX_VALUE} ids are already assigned
   */
  public int indexOf(String userId) {
    Checks.requireNonNull(userId, "userId");
    Integer index = indexes.get(userId);
    if (index != null) {
      return index;
    }
    Checks.checkState(ids.size() < Integer.MAX_VALUE, "dictionary full at %s ids", ids.size());
    int next = ids.size();
    indexes.put(userId, next);
    ids.add(userId);
    return next;
  }

  /**
   * The index of {@code userId} without assigning one.
   *
   * @param userId the host's id, compared exactly
   * @return the index, or -1 if it was never assigned
   * @throws NullPointerException if {@code userId} is null
   */
  public int find(String userId) {
    Integer index = indexes.get(Checks.requireNonNull(userId, "userId"));
    return index == null ? -1 : index;
  }

  /**
   * The string id assigned {@code index}.
   *
   * @param index an index returned by {@link #indexOf}, as the {@code long} user id the
   *     accumulators and their results carry (e.g. {@code RfmFeatures.userId(i)}), so no cast is needed
   * @return the host's id
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public String userId(long index) {
    Objects.checkIndex(index, ids.size());
    return ids.get((int) index);
  }

  /**
   * How many ids are assigned.
   *
   * @return the count; indexes run from 0 to {@code size() - 1}
   */
  public int size() {
    return ids.size();
  }
}
