package dev.userops.retention.active;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.testing.StateSize;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * {@link ActiveUsersAccumulator} state grows linearly in users (issue 11: it grew its capacity on
 * every new user id and ran out of memory at 25 users). The design: one bit per user and tracked
 * day, {@code days / 8} bytes per user, in blocks of 512 ids (a 16-byte array header and a 4-byte
 * reference per block, under 0.1 byte per user); the last block is allocated whole, so up to one
 * block ({@code 64 · days} bytes) of slack. {@code toByteArray()} writes the same bits plus a 4-byte
 * index per block. 2026 reported: 365 days plus the 29-day look-back, 394 tracked.
 */
class ActiveUsersMemoryTest {
  private static final ActiveUsersSpec SPEC =
      ActiveUsersSpec.of(ZoneId.of("UTC"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
  private static final int TRACKED_DAYS = 394;
  private static final int[] ACTIVE_DAYS = {0, 30, 100, 358};

  /** {@code users} users, each active on four days of the year, shifted by {@code user % 7}. */
  private static ActiveUsersAccumulator filled(int users) {
    return StateSize.filled(SPEC, users, SPEC.from(), ACTIVE_DAYS, 7, ActiveUsersAccumulator::add);
  }

  @Test
  void stateIsOneBitPerUserDay() {
    double perUser = TRACKED_DAYS / 8.0 + 1;
    StateSize.assertLinear(ActiveUsersMemoryTest::filled, perUser, perUser, 64L * TRACKED_DAYS + 1_024);
  }

  @Test
  void filledAccumulatorHoldsEveryUser() {
    ActiveUsers active = filled(1_000).result();
    assertThat(active.days()).hasSize(365);
    assertThat(active.days().get(30).mau()).isEqualTo(1_000);
  }
}
