package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.testing.StateSize;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@link ClvSummaryAccumulator} state grows linearly in users and purchase days. The design, per
 * user with d purchase days: 20 bytes (where the days start, two sums), 4 per day with up to an
 * eighth to spare, and while adding a log of the orders not yet folded in, 16 bytes each in arrays
 * grown by doubling: all of them up to 1,048,576 orders, then at most as many as there are stored
 * days and user indexes; in all {@code 20 + 4.5 d + 16 (d + 1) = 118} bytes for d = 4. At 100,000
 * users of 4 days nothing is folded yet: 400,000 orders in arrays of 524,288, 84 bytes a user
 * (measured 83.7). {@code toByteArray()} writes varints: a user id gap and a day count (a byte
 * each), the two sums (2 bytes each here), the first day (3 bytes) and 3 day gaps (29, 29 and 139
 * days: 1, 1 and 2 bytes): 13 bytes. After {@code result()} the log is folded in and released: 38
 * bytes by design, 36 measured (no same-day orders, so no room to spare).
 */
class ClvSummaryMemoryTest {
  private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
  private static final ClvSummarySpec SPEC =
      ClvSummarySpec.of(ZoneOffset.UTC, FROM.plusDays(180)).withHoldoutEnd(FROM.plusDays(364));
  private static final int[] ORDER_DAYS = {0, 30, 60, 200};

  /** {@code users} users buying on four days (the last in the holdout), shifted by {@code user % 7}. */
  private static ClvSummaryAccumulator filled(int users) {
    ClvSummaryAccumulator acc = SPEC.newAccumulator();
    StateSize.forEachUserDay(users, FROM, ORDER_DAYS, 7, (user, millis) -> acc.add(user, millis, 1_250));
    return acc;
  }

  @Test
  void stateIsLinearInUsers() {
    StateSize.assertLinear(ClvSummaryMemoryTest::filled, 118, 13, 4_096);
  }

  @Test
  void foldedStateIsLinearInUsers() {
    StateSize.assertLinear(
        users -> {
          ClvSummaryAccumulator acc = filled(users);
          acc.result();
          return acc;
        },
        38,
        13,
        4_096);
  }

  @Test
  void filledAccumulatorSummarizesEveryUser() {
    ClvSummary summary = filled(1_000).result();
    assertThat(summary.customers()).isEqualTo(1_000);
    assertThat(summary.totalRepeatPurchases()).isEqualTo(2_000);
    assertThat(summary.totalHoldoutPurchases()).isEqualTo(1_000);
    assertThat(summary.zbarMinor(0)).isEqualTo(1_250.0);
  }
}
