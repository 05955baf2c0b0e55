package dev.userops.segmentation.dimensions;

import dev.userops.core.internal.Checks;
import java.util.Arrays;

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
    int[] rows = new int[values.length];
    Arrays.setAll(rows, i -> i);
    // A merge sort of primitive row numbers: sorting boxed Integers with a comparator cost seconds
    // at a million users.
    sort(rows, new int[rows.length], 0, rows.length, values, userIds);
    return rows;
  }

  /** Sorts {@code rows[from, to)} stably by descending value, then ascending user id. */
  private static void sort(int[] rows, int[] scratch, int from, int to, long[] values, long[] userIds) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    sort(rows, scratch, from, mid, values, userIds);
    sort(rows, scratch, mid, to, values, userIds);
    System.arraycopy(rows, from, scratch, from, to - from);
    int left = from;
    int right = mid;
    for (int out = from; out < to; out++) {
      if (right == to || left < mid && !before(scratch[right], scratch[left], values, userIds)) {
        rows[out] = scratch[left++];
      } else {
        rows[out] = scratch[right++];
      }
    }
  }

  private static boolean before(int a, int b, long[] values, long[] userIds) {
    return values[a] != values[b] ? values[a] > values[b] : userIds[a] < userIds[b];
  }
}
