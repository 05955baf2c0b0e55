package dev.userops.retention.value;

import dev.userops.core.internal.Checks;
import java.time.LocalDate;

/**
 * What the host spent to acquire users through one channel in one period, for {@link
 * AcquisitionResult#withSpend}. Rows of one channel and period add up, so daily spend rows serve
 * weekly or monthly cohorts as they are.
 *
 * @param acquisitionChannel the channel, as passed with the users' sign-ups and orders; users
 *     without a channel have no spend
 * @param period any local date in the cohort period the spend bought, e.g. {@code 2026-03-01} (or
 *     any day of March) for the March cohort of monthly cohorts
 * @param spendMinor the amount, minor units of the orders' currency, {@code >= 0}
 */
public record Spend(String acquisitionChannel, LocalDate period, long spendMinor) {
  /**
   * Checks the fields.
   *
   * @param acquisitionChannel the channel
   * @param period a local date in the cohort period
   * @param spendMinor the amount, {@code >= 0}
   * @throws NullPointerException if {@code acquisitionChannel} or {@code period} is null
   * @throws IllegalArgumentException if {@code spendMinor} is negative
   */
  public Spend {
    Checks.requireNonNull(acquisitionChannel, "acquisitionChannel");
    Checks.requireNonNull(period, "period");
    Checks.requireNonNegative(spendMinor, "spendMinor");
  }
}
