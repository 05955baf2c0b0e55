package dev.userops.core;

import dev.userops.core.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of records skipped under {@link BadRecordPolicy#SKIP_AND_COUNT}, by reason. Reasons with
 * no skipped record are absent. JSON form: {@code {"skipped":{"NEGATIVE_AMOUNT":3}}}.
 *
 * @param skipped count of skipped records per reason, each {@code > 0}
 */
public record Diagnostics(Map<BadRecordReason, Long> skipped) {
  /** No record skipped. */
  public static final Diagnostics NONE = new Diagnostics(Map.of());

  /**
   * Validates the counts and copies them into an unmodifiable map in reason order.
   *
   * @param skipped count of skipped records per reason; an empty map for none
   * @throws NullPointerException if the map, a reason or a count is null
   * @throws IllegalArgumentException if a count is {@code <= 0}
   */
  public Diagnostics {
    Checks.requireNonNull(skipped, "skipped");
    EnumMap<BadRecordReason, Long> copy = new EnumMap<>(BadRecordReason.class);
    skipped.forEach(
        (reason, count) -> {
          Checks.requireNonNull(reason, "skipped reason");
          Checks.requirePositive(Checks.requireNonNull(count, "skipped count"), "skipped." + reason);
          copy.put(reason, count);
        });
    skipped = Collections.unmodifiableMap(copy);
  }

  /**
   * The counts of this and {@code other} added, e.g. a reader's and a calculation's.
   *
   * @param other the counts to add
   * @return new diagnostics with, per reason, the sum of both counts
   * @throws NullPointerException if {@code other} is null
   * @throws ArithmeticException if a sum overflows {@code long}
   */
  public Diagnostics plus(Diagnostics other) {
    EnumMap<BadRecordReason, Long> sum = new EnumMap<>(BadRecordReason.class);
    sum.putAll(skipped);
    other.skipped.forEach((reason, count) -> sum.merge(reason, count, Math::addExact));
    return new Diagnostics(sum);
  }

  /**
   * Total records skipped.
   *
   * @return the sum of all counts; 0 if none
   */
  public long totalSkipped() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Records skipped for one reason.
   *
   * @param reason the reason asked about
   * @return the count; 0 if none was skipped for it, or {@code reason} is null
   */
  public long skipped(BadRecordReason reason) {
    return skipped.getOrDefault(reason, 0L);
  }
}
