package dev.userops.retention.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.testing.StateSize;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RetentionAccumulator} state grows linearly in users in every mode. Each user starts once
 * in January 2026 (31 daily cohorts) and returns {@value #RETURNS} times within 7 days. Bounds per
 * user, from the engines' designs (arrays at most double past what they hold):
 *
 * <ul>
 *   <li>first-time, calendar: 12 bytes per id (start period, 64-bit return mask), at most 24 on
 *       the heap; 16 serialized (id, start, mask). Returns that arrive before the user's start are
 *       kept as 8 bytes each until {@code result()}: at most 16 more each on the heap, 8 serialized;
 *   <li>recurring, calendar: {@code 8 · (⌈31 / 64⌉ + ⌈(31 + 7) / 64⌉) + 4 = 20} bytes per id, at
 *       most 40 on the heap; 24 serialized (id, last return, two words);
 *   <li>rolling, first-time or recurring: 12 bytes per event kept, at most 24 on the heap; 12
 *       serialized.
 * </ul>
 *
 * <p>The return mode (on, on or after, brackets) changes only the tally, not the state; every one is
 * measured.
 */
class RetentionMemoryTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
  private static final int COHORTS = 31;
  private static final long HOUR_MILLIS = 3_600_000L;
  private static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");
  private static final int[] RETURN_DAYS = {1, 3, 7};
  private static final int RETURNS = 3;
  private static final long CONSTANT = 2_048;

  /** How a spec's return columns are defined. */
  enum Columns {
    ON,
    ON_OR_AFTER,
    BRACKETS
  }

  private static RetentionSpec spec(CohortMode cohortMode, WindowMode window, Columns columns) {
    boolean brackets = columns == Columns.BRACKETS;
    return new RetentionSpec(Granularity.DAY, UTC, DayOfWeek.MONDAY, brackets ? 0 : 7,
        brackets ? List.of(1, 2, 4) : List.of(), FROM, FROM.plusDays(COHORTS - 1), AS_OF,
        List.of("signup"), List.of("visit"), cohortMode,
        columns == Columns.ON_OR_AFTER ? ReturnMode.ON_OR_AFTER : ReturnMode.ON, window,
        BadRecordPolicy.REJECT);
  }

  /**
   * {@code users} users, each starting on day {@code user % 31} and returning 1, 3 and 7 days
   * later; with {@code returnsFirst} every return is added before any start.
   */
  private static RetentionAccumulator filled(RetentionSpec spec, int users, boolean returnsFirst) {
    RetentionAccumulator acc = spec.newAccumulator();
    StateSize.UserEvent start = (user, epochMillis) -> acc.add(user, epochMillis + HOUR_MILLIS, true, false);
    StateSize.UserEvent returned = (user, epochMillis) -> acc.add(user, epochMillis + HOUR_MILLIS, false, true);
    if (!returnsFirst) {
      StateSize.forEachUserDay(users, FROM, new int[] {0}, COHORTS, start);
    }
    StateSize.forEachUserDay(users, FROM, RETURN_DAYS, COHORTS, returned);
    if (returnsFirst) {
      StateSize.forEachUserDay(users, FROM, new int[] {0}, COHORTS, start);
    }
    return acc;
  }

  static Stream<Arguments> modes() {
    List<Arguments> modes = new ArrayList<>();
    for (Columns columns : Columns.values()) {
      modes.add(Arguments.of(CohortMode.FIRST_TIME, WindowMode.CALENDAR, columns, 24, 16));
      modes.add(Arguments.of(CohortMode.RECURRING, WindowMode.CALENDAR, columns, 40, 24));
      modes.add(Arguments.of(CohortMode.FIRST_TIME, WindowMode.ROLLING, columns, 24 * (1 + RETURNS), 12 * (1 + RETURNS)));
      modes.add(Arguments.of(CohortMode.RECURRING, WindowMode.ROLLING, columns, 24 * (1 + RETURNS), 12 * (1 + RETURNS)));
    }
    return modes.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("modes")
  void stateIsLinearInUsers(CohortMode cohortMode, WindowMode window, Columns columns, int heapPerUser, int bytesPerUser) {
    RetentionSpec spec = spec(cohortMode, window, columns);
    StateSize.assertLinear(users -> filled(spec, users, false), heapPerUser, bytesPerUser, CONSTANT);
  }

  @Test
  void returnsBeforeTheirStartCostAnEntryEach() {
    RetentionSpec spec = spec(CohortMode.FIRST_TIME, WindowMode.CALENDAR, Columns.ON);
    StateSize.assertLinear(users -> filled(spec, users, true), 24 + 16 * RETURNS, 16 + 8 * RETURNS, CONSTANT);
  }

  @Test
  void filledAccumulatorHoldsEveryUser() {
    for (WindowMode window : WindowMode.values()) {
      RetentionMatrix matrix = filled(spec(CohortMode.FIRST_TIME, window, Columns.ON), 1_000, true).result();
      assertThat(matrix.cohorts().stream().mapToLong(RetentionMatrix.Cohort::size).sum()).as("%s", window).isEqualTo(1_000);
      assertThat(matrix.cohorts().get(0).counts().get(1)).as("%s day 1", window).isEqualTo(33);
    }
  }
}
