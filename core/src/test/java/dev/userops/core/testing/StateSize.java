package dev.userops.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import java.time.LocalDate;
import java.util.function.IntFunction;
import org.openjdk.jol.info.GraphStats;

/**
 * Measures how much memory an accumulator's state takes, and asserts that it grows linearly with
 * the number of users (issue 11: a per-user bitset whose capacity doubled on every new user id held
 * 205 MB at 20 users, and no test ran any accumulator beyond a handful of users).
 *
 * <p>Two sizes are measured, both in bytes:
 *
 * <ul>
 *   <li>{@link #heapBytes}: the retained heap of the accumulator's object graph (JOL), minus that
 *       of a fresh accumulator of the same spec. The subtraction removes what every accumulator of
 *       a spec shares and does not grow (the spec, the per-zone {@code CalendarIndex} cache, empty
 *       initial arrays), so the figure is the state the added users cost;
 *   <li>{@link #serializedBytes}: {@code toByteArray().length}, which includes the spec's JSON.
 * </ul>
 *
 * <p>{@link #assertLinear} fills accumulators with 10, 1,000 and 100,000 users and checks each size
 * against {@code c · users + k}: a structure that grows by more than a constant per user (a
 * capacity doubled per user, an {@code O(users²)} table) fails by 100,000 users at the latest.
 */
public final class StateSize {
  /** The user counts {@link #assertLinear} measures at. */
  public static final int[] USERS = {10, 1_000, 100_000};

  static {
    // Specs and results are records, whose field offsets Unsafe refuses since JDK 16; JOL then
    // needs its own way to find them. Set before JOL's first use, so no surefire argLine is needed.
    // JOL also prints that dynamic attach failed: it falls back to Unsafe sizes, which are exact.
    System.setProperty("jol.magicFieldOffset", "true");
  }

  private StateSize() {}

  /**
   * The heap bytes {@code accumulator} retains beyond a fresh accumulator of its spec.
   *
   * @param accumulator the accumulator to measure
   * @return retained heap bytes of its object graph minus those of {@code spec().newAccumulator()}
   */
  public static long heapBytes(Accumulator<?, ?> accumulator) {
    return totalHeapBytes(accumulator) - totalHeapBytes(accumulator.spec().newAccumulator());
  }

  /**
   * The retained heap bytes of everything reachable from {@code root}, shared objects included.
   *
   * @param root the object graph's root
   * @return the summed shallow sizes of every object reachable from {@code root}
   */
  public static long totalHeapBytes(Object root) {
    return GraphStats.parseInstance(root).totalSize();
  }

  /**
   * The length of {@code accumulator}'s binary form.
   *
   * @param accumulator the accumulator to measure
   * @return {@code toByteArray().length}
   */
  public static long serializedBytes(Accumulator<?, ?> accumulator) {
    return accumulator.toByteArray().length;
  }

  /**
   * Asserts that for 10, 1,000 and 100,000 users the state's heap bytes are at most {@code
   * heapPerUser · users + constant} and its serialized bytes at most {@code bytesPerUser · users +
   * constant}.
   *
   * @param filled an accumulator filled with the given number of users
   * @param heapPerUser the bound on heap bytes per user, from the accumulator's design
   * @param bytesPerUser the bound on {@code toByteArray()} bytes per user, from its design
   * @param constant bytes allowed whatever the users (headers, the spec's JSON, bad-record counts)
   */
  public static void assertLinear(
      IntFunction<? extends Accumulator<?, ?>> filled,
      double heapPerUser,
      double bytesPerUser,
      long constant) {
    for (int users : USERS) {
      Accumulator<?, ?> accumulator = filled.apply(users);
      assertAtMost("heap bytes", users, "users", heapBytes(accumulator), heapPerUser, constant);
      assertAtMost("toByteArray() bytes", users, "users", serializedBytes(accumulator), bytesPerUser, constant);
    }
  }

  /**
   * Asserts that for 10, 1,000 and 100,000 items (users, ids, orders) the retained heap of a
   * structure holding them, minus that of the same structure holding none, is at most {@code
   * heapPerItem · items + constant}: for structures that are not accumulators.
   *
   * @param filled the structure filled with the given number of items; {@code 0} for the empty one
   * @param items what the items are, for the message, e.g. {@code "ids"}
   * @param heapPerItem the bound on heap bytes per item, from the structure's design
   * @param constant bytes allowed whatever the items (first blocks, headers)
   */
  public static void assertHeapLinear(IntFunction<?> filled, String items, double heapPerItem, long constant) {
    long empty = totalHeapBytes(filled.apply(0));
    for (int count : USERS) {
      long heap = totalHeapBytes(filled.apply(count)) - empty;
      assertAtMost("heap bytes", count, items, heap, heapPerItem, constant);
    }
  }

  private static void assertAtMost(String what, int count, String items, long bytes, double perItem, long constant) {
    assertThat(bytes)
        .as("%s of %s %s (%.1f each), bound %.1f · %s + %s",
            what, count, items, bytes / (double) count, perItem, items, constant)
        .isLessThanOrEqualTo((long) (perItem * count) + constant);
  }

  /** Receives one generated event of {@link #forEachUserDay}. */
  @FunctionalInterface
  public interface UserEvent {
    /**
     * One event.
     *
     * @param user the dense user id, in {@code [0, users)}
     * @param epochMillis midnight UTC of the event's day, epoch milliseconds
     */
    void add(int user, long epochMillis);
  }

  /** Adds one generated event of {@link #filled} to an accumulator. */
  @FunctionalInterface
  public interface AccumulatorEvent<A> {
    /**
     * One event.
     *
     * @param accumulator the accumulator being filled
     * @param user the dense user id, in {@code [0, users)}
     * @param epochMillis midnight UTC of the event's day, epoch milliseconds
     */
    void add(A accumulator, int user, long epochMillis);
  }

  /**
   * A new accumulator of {@code spec} holding the events of {@link #forEachUserDay} with these
   * arguments.
   *
   * @param <A> the accumulator type
   * @param spec makes the accumulator
   * @param users how many users
   * @param from the day of offset 0
   * @param days day offsets, one event per user each, in this order
   * @param spread users are shifted by {@code user % spread} days; 1 for no shift
   * @param event adds each event, e.g. {@code WinBackAccumulator::add}
   * @return the filled accumulator
   */
  public static <A extends Accumulator<A, ?>> A filled(
      AccumulatorSpec<A, ?> spec, int users, LocalDate from, int[] days, int spread, AccumulatorEvent<A> event) {
    A accumulator = spec.newAccumulator();
    forEachUserDay(users, from, days, spread, (user, epochMillis) -> event.add(accumulator, user, epochMillis));
    return accumulator;
  }

  /**
   * Generates the events that fill an accumulator in the memory tests: for each offset of {@code
   * days} in turn, one event per user {@code 0..users-1} on day {@code from + offset + user %
   * spread} (UTC), so that users differ and every user has one event per offset.
   *
   * @param users how many users
   * @param from the day of offset 0
   * @param days day offsets, one event per user each, in this order
   * @param spread users are shifted by {@code user % spread} days; 1 for no shift
   * @param event receives each event
   */
  public static void forEachUserDay(int users, LocalDate from, int[] days, int spread, UserEvent event) {
    for (int day : days) {
      for (int user = 0; user < users; user++) {
        event.add(user, (from.toEpochDay() + day + user % spread) * 86_400_000L);
      }
    }
  }
}
