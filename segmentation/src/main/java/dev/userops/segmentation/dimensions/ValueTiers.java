package dev.userops.segmentation.dimensions;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.segmentation.rfm.RfmFeatures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The Pareto value tier: the smallest set of top spenders whose spend covers at least {@code
 * revenueShare} of all revenue (the "20% of users who bring 80% of revenue"). Spenders are taken by
 * descending spend, ties by ascending user id, so the set does not depend on input order. JSON
 * form: {@code {"revenueShare":0.8}}.
 *
 * @param revenueShare in (0, 1]; {@code null} in JSON means 0.8
 */
public record ValueTiers(Double revenueShare) {
  /** Format version of the JSON form, written as its {@code version} field (absent: 1). */
  private static final int JSON_VERSION = 1;

  /** Top spenders covering 80% of revenue. */
  public static final ValueTiers DEFAULT = new ValueTiers(null);

  /**
   * Applies the default and validates.
   *
   * @param revenueShare share of revenue the tier covers, in (0, 1]; {@code null} for 0.8
   * @throws IllegalArgumentException if {@code revenueShare} is out of range or NaN
   */
  public ValueTiers {
    revenueShare = revenueShare == null ? 0.8 : revenueShare;
    Checks.checkArgument(revenueShare > 0 && revenueShare <= 1, "revenueShare must be in (0, 1], got %s", revenueShare);
  }

  /**
   * Reads the configuration from its JSON form.
   *
   * @param json the JSON form; {@code {}} gives the default
   * @return the configuration
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static ValueTiers fromJson(String json) {
    return Json.readVersioned(json, ValueTiers.class, JSON_VERSION);
  }

  /**
   * This configuration's JSON form.
   *
   * @return compact JSON with the share written out
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * The tier of the users of {@code features}: who the top spenders are ({@link #topSpenders}), and
   * what they and all buyers spend.
   *
   * @param features RFM features, whose {@code spendMinor} is each buyer's net spend
   * @return the tier's figures; all zero for no users
   * @throws NullPointerException if {@code features} is null
   */
  public Tier tier(RfmFeatures features) {
    long[] users = new long[features.size()];
    long[] spend = new long[features.size()];
    for (int i = 0; i < users.length; i++) {
      users[i] = features.userId(i);
      spend[i] = features.spendMinor(i);
    }
    boolean[] top = topSpenders(users, spend);
    long topUsers = 0;
    long topRevenue = 0;
    long revenue = 0;
    for (int i = 0; i < top.length; i++) {
      revenue += spend[i];
      if (top[i]) {
        topUsers++;
        topRevenue += spend[i];
      }
    }
    return new Tier(revenueShare, users.length, revenue, topUsers, topRevenue);
  }

  /**
   * The top spenders who together bring {@code revenueShare} of revenue.
   *
   * @param revenueShare the share of revenue the tier covers at least
   * @param buyers users with a valid order
   * @param revenueMinor their net spend, minor units
   * @param topUsers users in the tier
   * @param topRevenueMinor the tier's net spend, minor units
   */
  public record Tier(double revenueShare, long buyers, long revenueMinor, long topUsers, long topRevenueMinor) {}

  /**
   * Which rows are top spenders. Row {@code i} is user {@code userIds[i]} with net {@code
   * spendMinor[i] >= 0}. With no revenue at all, nobody is.
   *
   * @param userIds the users, one per row; only used to break ties
   * @param spendMinor each row's net spend in minor units
   * @return a new array, {@code true} for top spenders; users with zero spend are never in it
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or a spend is negative
   */
  public boolean[] topSpenders(long[] userIds, long[] spendMinor) {
    int[] rows = Ranking.descending(userIds, spendMinor, "spendMinor");
    BigInteger total = BigInteger.ZERO;
    for (long spend : spendMinor) {
      total = total.add(BigInteger.valueOf(spend));
    }
    // The smallest covered amount: ceil(share × total), exactly; share is the double as written.
    BigInteger needed = new BigDecimal(total).multiply(BigDecimal.valueOf(revenueShare))
        .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    boolean[] top = new boolean[rows.length];
    BigInteger covered = BigInteger.ZERO;
    for (int k = 0; k < rows.length && covered.compareTo(needed) < 0; k++) {
      top[rows[k]] = true;
      covered = covered.add(BigInteger.valueOf(spendMinor[rows[k]]));
    }
    return top;
  }
}
