package dev.userops.segmentation.dimensions;

import dev.userops.core.CalendarIndex;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
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
  /** Format version of the JSON form, written as its {@code version} field (absent: 1). */
  private static final int JSON_VERSION = 1;

  /** The defaults. */
  public static final FrequencyBuckets DEFAULT = new FrequencyBuckets(null, null);

  /**
   * Applies the defaults and validates.
   *
   * @param windowDays window length in local calendar days, {@code >= 1}; {@code null} for 180
   * @param lowerBounds strictly ascending lower bounds, the first 0; {@code null} for {@code [0, 1,
   *     2, 6]}; copied
   * @throws NullPointerException if an element of {@code lowerBounds} is null
   * @throws IllegalArgumentException if {@code windowDays < 1}, or the bounds are empty, do not
   *     start at 0 or are not strictly ascending
   */
  public FrequencyBuckets {
    windowDays = Checks.requirePositive(windowDays == null ? 180 : windowDays, "windowDays");
    lowerBounds = LowerBounds.check(lowerBounds == null ? List.of(0, 1, 2, 6) : lowerBounds, "lowerBounds");
  }

  /**
   * Reads buckets from their JSON form.
   *
   * @param json the JSON form; {@code {}} gives the defaults
   * @return the buckets
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static FrequencyBuckets fromJson(String json) {
    return Json.readVersioned(json, FrequencyBuckets.class, JSON_VERSION);
  }

  /**
   * This configuration's JSON form.
   *
   * @return compact JSON with window and bounds written out
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * Whether an order at {@code orderMillis} counts in the window ending at {@code asOfMillis}: its
   * local date is one of the {@code windowDays} dates ending with {@code asOf}'s local date, and it
   * is not after {@code asOf}. Days are calendar days of {@code calendar}'s zone, 23 or 25 hours
   * long across DST.
   *
   * @param orderMillis when the order was placed, epoch milliseconds
   * @param asOfMillis the evaluation instant, epoch milliseconds
   * @param calendar the calendar of the zone days are counted in; must not be null
   * @return whether the order counts; {@code false} for an order after {@code asOf}
   */
  public boolean inWindow(long orderMillis, long asOfMillis, CalendarIndex calendar) {
    return orderMillis <= asOfMillis
        && calendar.dayIndex(orderMillis) > calendar.dayIndex(asOfMillis) - windowDays;
  }

  /**
   * The bucket of a number of orders in the window.
   *
   * @param orders orders counted by {@link #inWindow}, {@code >= 0}
   * @return the 0-based bucket: the last one whose lower bound is at most {@code orders}
   * @throws IllegalArgumentException if {@code orders < 0}
   */
  public int bucketOf(long orders) {
    return LowerBounds.bucketOf(lowerBounds, orders, "orders");
  }

  /**
   * The label of a bucket.
   *
   * @param bucket a 0-based bucket, in {@code [0, lowerBounds().size())}
   * @return "0", "1", "2-5", "6+" by default
   * @throws IllegalArgumentException if {@code bucket} is out of range
   */
  public String label(int bucket) {
    return LowerBounds.label(lowerBounds, bucket);
  }
}
