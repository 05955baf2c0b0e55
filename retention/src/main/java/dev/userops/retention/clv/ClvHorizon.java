package dev.userops.retention.clv;

import dev.userops.core.internal.Checks;

/**
 * The horizon and discounting of a customer lifetime value, with every length in days so the
 * model's time unit cannot be mistaken for another: {@code periods} discount periods of {@code
 * periodDays} days each, the purchases of period k (1-based) discounted by {@code (1 +
 * discountRate)^k}, as if paid at the period's end.
 *
 * <p>lifetimes' {@code customer_lifetime_value} takes months and a frequency letter, and for data
 * in weeks read as days it counts 30 weeks to a month (its issues #137 and #194). Here the data's
 * unit is stated in days: weekly summaries have {@code unitDays = 7}, and a month is {@link
 * #DAYS_PER_MONTH} days unless the caller says otherwise.
 *
 * @param unitDays days in one time unit of the purchase model's data (7 for weeks), finite and
 *     {@code > 0}
 * @param periodDays days in one discount period, finite and {@code > 0}
 * @param periods discount periods in the horizon, in {@code [1, 100000]}
 * @param discountRate the discount rate per period, finite and {@code >= 0} (0.01 per month is
 *     about 12.7% a year)
 */
public record ClvHorizon(double unitDays, double periodDays, int periods, double discountRate) {
  /** The mean Gregorian month: 365.2425 / 12 days. */
  public static final double DAYS_PER_MONTH = 365.2425 / 12;

  private static final int MAX_PERIODS = 100_000;

  /**
   * Checks the values.
   *
   * @param unitDays days in one time unit of the model's data
   * @param periodDays days in one discount period
   * @param periods discount periods in the horizon
   * @param discountRate the discount rate per period
   * @throws IllegalArgumentException if a value is out of range or NaN
   */
  public ClvHorizon {
    Checks.checkArgument(
        unitDays > 0 && unitDays < Double.POSITIVE_INFINITY, "unitDays must be > 0, got %s", unitDays);
    Checks.checkArgument(
        periodDays > 0 && periodDays < Double.POSITIVE_INFINITY,
        "periodDays must be > 0, got %s",
        periodDays);
    Checks.requireInRange(periods, 1, MAX_PERIODS, "periods");
    Checks.checkArgument(
        discountRate >= 0 && discountRate < Double.POSITIVE_INFINITY,
        "discountRate must be >= 0, got %s",
        discountRate);
  }

  /**
   * {@code months} months of {@link #DAYS_PER_MONTH} days, discounted monthly.
   *
   * @param unitDays days in one time unit of the model's data (7 for weeks)
   * @param months the horizon in months, in {@code [1, 100000]}
   * @param monthlyDiscountRate the discount rate per month, {@code >= 0}
   * @return the horizon
   * @throws IllegalArgumentException if a value is out of range
   */
  public static ClvHorizon months(double unitDays, int months, double monthlyDiscountRate) {
    return new ClvHorizon(unitDays, DAYS_PER_MONTH, months, monthlyDiscountRate);
  }

  /**
   * One discount period in the model's time unit.
   *
   * @return {@code periodDays / unitDays}
   */
  public double periodLength() {
    return periodDays / unitDays;
  }
}
