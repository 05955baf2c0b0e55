package dev.userops.segmentation.dimensions;

import dev.userops.core.internal.Checks;
import java.util.Arrays;
import java.util.Comparator;

/** Row orders shared by the value dimensions: ties are broken by user id so results never depend on input order. */
final class Ranking {
  private Ranking() {}

  /** Rows by descending value, then ascending user id; checks the arrays first. */
  static int[] descending(long[] userIds, long[] values, String valueName) {
    Checks.requireNonNull(userIds, "userIds");
    Checks.requireNonNull(values, valueName);
    Checks.checkArgument(
        userIds.length == values.length,
        "userIds and %s must have the same length, got %s and %s", valueName, userIds.length, values.length);
    for (int i = 0; i < values.length; i++) {
      Checks.requireNonNegative(values[i], valueName + "[" + i + "]");
    }
    Integer[] rows = new Integer[values.length];
    Arrays.setAll(rows, i -> i);
    Arrays.sort(rows, Comparator.<Integer>comparingLong(i -> -values[i]).thenComparingLong(i -> userIds[i]));
    return Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
  }
}
