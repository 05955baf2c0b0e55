package dev.userops.retention.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Granularity;
import dev.userops.core.testing.StateSize;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The value accumulators' state grows linearly in users. Each user orders on three days (0, 20 and
 * 200 of 2026, shifted by {@code user % 31}) in monthly cohorts with 12 intervals, so two or three
 * months with revenue. The design: 16 bytes per dense user id and 16 per (user, month) with
 * revenue, in arrays grown by half (at most a third unused): at most {@code 1.5 · (16 + 3 · 16) =
 * 96} heap bytes per user; {@code toByteArray()} writes 20 per user and 12 per (user, month), at
 * most 56. Acquisition adds a sign-up per user: 12 bytes per id on the heap (18 with the slack),
 * 16 serialized.
 */
class ValueMemoryTest {
  private static final LtvSpec LTV =
      LtvSpec.of(ZoneId.of("UTC"), Instant.parse("2026-12-31T23:59:59.999Z"), Granularity.MONTH, 12);
  private static final AcquisitionSpec ACQUISITION = AcquisitionSpec.of(LTV);
  private static final LocalDate YEAR = LocalDate.of(2026, 1, 1);
  private static final int[] ORDER_DAYS = {0, 20, 200};

  private static LtvAccumulator ltv(int users) {
    LtvAccumulator acc = LTV.newAccumulator();
    StateSize.forEachUserDay(users, YEAR, ORDER_DAYS, 31, (user, millis) -> acc.add(user, millis, 1_000 + user % 7));
    return acc;
  }

  private static AcquisitionAccumulator acquisition(int users) {
    AcquisitionAccumulator acc = ACQUISITION.newAccumulator();
    String[] channels = {"ads", "organic", "search"};
    StateSize.forEachUserDay(users, YEAR, new int[] {0}, 31, (user, millis) -> acc.addSignup(user, millis, channels[user % 3]));
    StateSize.forEachUserDay(users, YEAR, ORDER_DAYS, 31, (user, millis) -> acc.add(user, millis, 1_000, null));
    return acc;
  }

  @Test
  void ltvStateIsLinearInUsers() {
    StateSize.assertLinear(ValueMemoryTest::ltv, 96, 56, 1_024);
  }

  @Test
  void acquisitionStateIsLinearInUsers() {
    // The channel dictionary's first block of ids takes about 5 KB whatever the users.
    StateSize.assertLinear(ValueMemoryTest::acquisition, 114, 72, 8_192);
  }

  @Test
  void filledAccumulatorsHoldEveryUser() {
    LtvResult ltv = ltv(1_000).result();
    assertThat(ltv.all().cohorts().stream().mapToLong(LtvResult.Cohort::users).sum()).isEqualTo(1_000);
    assertThat(ltv.orders()).isEqualTo(3_000);
    AcquisitionResult acquisition = acquisition(1_000).result();
    assertThat(acquisition.channels()).hasSize(3);
    assertThat(acquisition.channels().stream().flatMap(c -> c.cohorts().stream())
        .mapToLong(AcquisitionResult.Cohort::converted).sum()).isEqualTo(1_000);
  }
}
