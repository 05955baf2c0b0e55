package dev.userops.sample;

/**
 * The return process behind activity days, and its calibration to a mean number of active days.
 *
 * <p>A user is alive for {@code minDays + G} days after the signup day, where {@code P(G >= k) =
 * stay^k}, and active on each alive day with a daily probability. Casual users ({@code 1 -
 * loyalShare} of all) have {@code minDays = 0}, stay 0.577 and probability 0.5: 0.577^4 ≈ 0.11, so
 * about 89% of them are gone within 3 days, matching the industry rule of thumb (~80% of all users
 * gone within 3 days, ~90% within 30, DOMAIN §2) with a 10% loyal share. Loyal users live at least
 * 31 days (past the 30-day mark), then leave at a rate of one per 365 days; their daily probability
 * is what makes the population's mean number of active days equal the configured one.
 */
final class ActivityModel {
  static final double CASUAL_DAILY_PROBABILITY = 0.5;
  static final double CASUAL_STAY = 0.577;
  static final int LOYAL_MIN_DAYS = 31;
  static final double LOYAL_STAY = Math.exp(-1.0 / 365);

  private ActivityModel() {}

  /** The mean active days (signup day included) when loyal users are never active after day 0. */
  static double minMeanActivityDays(double loyalShare, int acquisitionDays, int horizonDays) {
    return 1
        + (1 - loyalShare)
            * CASUAL_DAILY_PROBABILITY
            * expectedAliveDays(CASUAL_STAY, 0, acquisitionDays, horizonDays);
  }

  /** The mean active days when loyal users are active on every day they are alive. */
  static double maxMeanActivityDays(double loyalShare, int acquisitionDays, int horizonDays) {
    return minMeanActivityDays(loyalShare, acquisitionDays, horizonDays)
        + loyalShare * expectedAliveDays(LOYAL_STAY, LOYAL_MIN_DAYS, acquisitionDays, horizonDays);
  }

  /** The loyal users' mean daily probability that gives {@code meanActivityDays}, in [0, 1]. */
  static double loyalDailyProbability(
      double meanActivityDays, double loyalShare, int acquisitionDays, int horizonDays) {
    double min = minMeanActivityDays(loyalShare, acquisitionDays, horizonDays);
    double range = maxMeanActivityDays(loyalShare, acquisitionDays, horizonDays) - min;
    return range <= 0 ? 0 : Math.min(1, Math.max(0, (meanActivityDays - min) / range));
  }

  /**
   * Expected alive days after the signup day that fall before the horizon, for a signup day
   * uniform over the acquisition days: the mean over signup day s of {@code E[min(minDays + G,
   * M)]} with {@code M = horizonDays - 1 - s}, which is {@code min(minDays, M) + stay (1 -
   * stay^(M - minDays)) / (1 - stay)} when {@code M > minDays}.
   */
  static double expectedAliveDays(double stay, int minDays, int acquisitionDays, int horizonDays) {
    double sum = 0;
    for (int s = 0; s < acquisitionDays; s++) {
      int m = horizonDays - 1 - s;
      sum += Math.min(minDays, m);
      if (m > minDays) {
        sum += stay * (1 - Math.pow(stay, m - minDays)) / (1 - stay);
      }
    }
    return sum / acquisitionDays;
  }
}
