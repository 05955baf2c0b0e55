package dev.userops.retention.winback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.testing.StateSize;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * {@link WinBackAccumulator} state grows linearly in users. The design: per dense user id a flags
 * word and one bit per tracked day; 2026 reported monthly with {@code lostDays} 90 tracks 90 + 365
 * days, so {@code 8 · (1 + ⌈455 / 64⌉) = 72} bytes per id in an array that at most doubles past the
 * largest id: at most 144 heap bytes per user. {@code toByteArray()} writes 76 (id and words).
 */
class WinBackMemoryTest {
  private static final WinBackSpec SPEC =
      WinBackSpec.of(ZoneId.of("UTC"), LocalDate.of(2026, 1, 1), Instant.parse("2026-12-31T23:59:59.999Z"), 30, 90);
  private static final int[] ACTIVE_DAYS = {-100, 0, 45, 200};

  /** {@code users} users active on four days (one before the tracked days), shifted by {@code user % 7}. */
  private static WinBackAccumulator filled(int users) {
    return StateSize.filled(SPEC, users, SPEC.from(), ACTIVE_DAYS, 7, WinBackAccumulator::add);
  }

  @Test
  void stateIsLinearInUsers() {
    StateSize.assertLinear(WinBackMemoryTest::filled, 144, 76, 1_024);
  }

  @Test
  void filledAccumulatorCountsEveryUser() {
    WinBackResult result = filled(1_000).result();
    // Silent 30 days after day 0 + user % 7: all in January or February, then recalled on day 45.
    assertThat(result.periods().get(0).becameSilent() + result.periods().get(1).becameSilent()).isEqualTo(1_000);
  }
}
