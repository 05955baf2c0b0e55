package dev.userops.segmentation.dimensions;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;

/**
 * Average-order-amount buckets: below {@code lowMinor}, between {@code lowMinor} and {@code
 * highMinor} (both inclusive), above {@code highMinor}. The average is compared exactly as the
 * rational {@code spend / orders}, never rounded. Defaults 50.00 and 200.00 in a currency with two
 * fraction digits. JSON form: {@code {"lowMinor":5000,"highMinor":20000}}.
 *
 * @param lowMinor x, in minor units; {@code null} in JSON means 5000
 * @param highMinor y, in minor units, {@code >= lowMinor}; {@code null} in JSON means 20000
 */
public record AmountBuckets(Long lowMinor, Long highMinor) {
  /** Format version of the JSON form, written as its {@code version} field (absent: 1). */
  private static final int JSON_VERSION = 1;

  /** The defaults. */
  public static final AmountBuckets DEFAULT = new AmountBuckets(null, null);

  /** Amount bucket of a user. */
  public enum Bucket {
    /** Average below {@code lowMinor}. */
    LOW,
    /** Average in {@code [lowMinor, highMinor]}. */
    MID,
    /** Average above {@code highMinor}. */
    HIGH
  }

  /**
   * Applies the defaults and validates.
   *
   * @param lowMinor lower threshold in minor units, {@code >= 0}; {@code null} for 5000
   * @param highMinor upper threshold in minor units, {@code >= lowMinor}; {@code null} for 20000,
   *     or {@code lowMinor} if that is higher
   * @throws IllegalArgumentException if {@code lowMinor < 0} or {@code highMinor < lowMinor}
   */
  public AmountBuckets {
    lowMinor = Checks.requireNonNegative(lowMinor == null ? 5000L : lowMinor, "lowMinor");
    highMinor = highMinor == null ? Math.max(20_000L, lowMinor) : highMinor;
    Checks.checkArgument(highMinor >= lowMinor, "highMinor must be >= lowMinor %s, got %s", lowMinor, highMinor);
  }

  /**
   * Reads buckets from their JSON form.
   *
   * @param json the JSON form; {@code {}} gives the defaults
   * @return the buckets
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static AmountBuckets fromJson(String json) {
    return Json.readVersioned(json, AmountBuckets.class, JSON_VERSION);
  }

  /**
   * This configuration's JSON form.
   *
   * @return compact JSON with both thresholds written out
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * The bucket of a user with net {@code spendMinor >= 0} over {@code orders >= 1} valid orders.
   *
   * @param spendMinor the user's net spend in minor units
   * @param orders the user's valid orders
   * @return the bucket of the exact average {@code spendMinor / orders}; an average equal to a
   *     threshold is {@link Bucket#MID}
   * @throws IllegalArgumentException for no orders or a negative spend
   */
  public Bucket bucketOf(long spendMinor, long orders) {
    Checks.requireNonNegative(spendMinor, "spendMinor");
    Checks.requirePositive(orders, "orders");
    if (compare(spendMinor, orders, lowMinor) < 0) {
      return Bucket.LOW;
    }
    return compare(spendMinor, orders, highMinor) > 0 ? Bucket.HIGH : Bucket.MID;
  }

  /** The sign of {@code spend / orders - bound}, without rounding or overflow. */
  private static int compare(long spend, long orders, long bound) {
    long whole = spend / orders;
    if (whole != bound) {
      return Long.compare(whole, bound);
    }
    return spend % orders == 0 ? 0 : 1;
  }
}
