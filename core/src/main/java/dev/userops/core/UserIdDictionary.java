package dev.userops.core;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.IdTable;
import java.util.Objects;

/**
 * Maps a host's string user ids to dense {@code int} indexes 0, 1, 2, … in first-seen order, so
 * batch calculations can keep per-user state in arrays. Mutable and not thread-safe: build it where
 * input is read, then pass indexes (as {@code long} user ids) to calculations.
 *
 * <p>Memory: each id's UTF-8 length plus 10 to 16 bytes (measured at 100,000 to 10 million ids),
 * against about 100 for a {@code HashMap<String, Integer>} with a list of the ids. Ids are kept as
 * UTF-8 bytes, not as the strings given, so {@link #userId} returns an equal new string.
 */
public final class UserIdDictionary {
  private final IdTable ids = new IdTable();

  /** An empty dictionary. */
  public UserIdDictionary() {}

  /**
   * The index of {@code userId}, assigning the next free index if it is new.
   *
   * @param userId the host's id, compared exactly (case and whitespace matter): a {@code String},
   *     or any chars, e.g. a reader's view of a field, read only during the call
   * @return the id's index, {@code size() - 1} if it was just assigned
   * @throws NullPointerException if {@code userId} is null
   * @throws IllegalStateException when 751,619,276 ids are already assigned, or 1,024 consecutive
   *     new ids take more than 2 GiB as UTF-8
   */
  public int indexOf(CharSequence userId) {
    return ids.indexOf(Checks.requireNonNull(userId, "userId"));
  }

  /**
   * The index of the user id whose UTF-8 bytes are {@code utf8[offset, offset + length)}, assigning
   * the next free index if it is new: for readers that parse bytes and need no {@code String} per
   * record. The same id as a string and as its UTF-8 bytes gets the same index. The bytes are
   * compared exactly, byte by byte, and copied, so the caller may reuse the array.
   *
   * @param utf8 holds the id; the bytes must be well-formed UTF-8, which the caller screens (they
   *     are not checked here: ill-formed bytes still get their own index, but {@link #userId} then
   *     returns an unspecified string for it)
   * @param offset where the id starts in {@code utf8}
   * @param length the id's length in bytes; {@code 0} is the empty id
   * @return the id's index, {@code size() - 1} if it was just assigned
   * @throws NullPointerException if {@code utf8} is null
   * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
   * @throws IllegalStateException as {@link #indexOf(String)}
   */
  public int indexOf(byte[] utf8, int offset, int length) {
    return ids.indexOf(Checks.requireNonNull(utf8, "utf8"), offset, length);
  }

  /**
   * The index of {@code userId} without assigning one.
   *
   * @param userId the host's id, compared exactly
   * @return the index, or -1 if it was never assigned
   * @throws NullPointerException if {@code userId} is null
   */
  public int find(String userId) {
    return ids.find(Checks.requireNonNull(userId, "userId"));
  }

  /**
   * The string id assigned {@code index}.
   *
   * @param index an index returned by {@link #indexOf}, as the {@code long} user id the
   *     accumulators and their results carry (e.g. {@code RfmFeatures.userId(i)}), so no cast is needed
   * @return the host's id, equal to the one given (a new string on each call)
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
