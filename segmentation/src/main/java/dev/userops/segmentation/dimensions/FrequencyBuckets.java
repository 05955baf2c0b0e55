package dev.userops.segmentation.dimensions;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Checks;
import dev.userops.core.UserOpsJson;
import java.util.List;

/**
 * Order-frequency buckets over a trailing window of calendar days. Defaults: 180 days, buckets
 * {@code 0 / 1 / 2-5 / 6+}. JSON form: {@code {"windowDays":180,"lowerBounds":[0,1,2,6]}}.
 *
 * @param windowDays the window's length in local calendar days ending with {@code asOf}'s date
 *     (inclusive); {@code null} in JSON means 180
 * @param lowerBounds ascending lower bounds of the buckets, starting at 0; {@code null} in JSON means
 *     {@code [0, 1, 2, 6]}
 */
public record FrequencyBuckets(Integer windowDays, List<Integer> lowerBounds) {
  /** The defaults. */
  public static final FrequencyBuckets DEFAULT = new FrequencyBuckets(null, null);

  /** Applies the defaults and validates. */
  public FrequencyBuckets {
    windowDays = Checks.requirePositive(windowDays == null ? 180 : windowDays, "windowDays");
    lowerBounds = LowerBounds.check(lowerBounds == null ? List.of(0, 1, 2, 6) : lowerBounds, "lowerBounds");
  }

  /**
   * Reads buckets from their JSON form.
   *
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static FrequencyBuckets fromJson(String json) {
    return UserOpsJson.read(json, FrequencyBuckets.class);
  }

  /** This configuration's JSON form. */
  public String toJson() {
    return UserOpsJson.write(this);
  }

  /**
   * Whether an order at {@code orderMillis} counts in the window ending at {@code asOfMillis}: its
   * local date is one of the {@code windowDays} dates ending with {@code asOf}'s local date, and it
   * is not after {@code asOf}. Days are calendar days of {@code calendar}'s zone, 23 or 25 hours
   * long across DST.
   */
  public boolean inWindow(long orderMillis, long asOfMillis, CalendarIndex calendar) {
    return orderMillis <= asOfMillis
        && calendar.dayIndex(orderMillis) > calendar.dayIndex(asOfMillis) - windowDays;
  }

  /** The bucket (0-based) of {@code orders >= 0} orders in the window. */
  public int bucketOf(long orders) {
    return LowerBounds.bucketOf(lowerBounds, orders, "orders");
  }

  /** The label of bucket {@code bucket}: "0", "1", "2-5", "6+" by default. */
  public String label(int bucket) {
    return LowerBounds.label(lowerBounds, bucket);
  }
}
