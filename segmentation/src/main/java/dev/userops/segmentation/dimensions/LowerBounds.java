package dev.userops.segmentation.dimensions;

import dev.userops.core.internal.Checks;
import java.util.List;

/** Buckets by ascending lower bounds starting at 0: bucket k holds {@code [bound[k], bound[k+1])}. */
final class LowerBounds {
  private LowerBounds() {}

  static List<Integer> check(List<Integer> bounds, String name) {
    Checks.requireNonNull(bounds, name);
    Checks.checkArgument(!bounds.isEmpty() && Integer.valueOf(0).equals(bounds.get(0)),
        "%s must start at 0, got %s", name, bounds);
    for (int i = 1; i < bounds.size(); i++) {
      Checks.requireNonNull(bounds.get(i), name + "[" + i + "]");
      Checks.checkArgument(bounds.get(i) > bounds.get(i - 1), "%s must be strictly ascending, got %s", name, bounds);
    }
    return List.copyOf(bounds);
  }

  static int bucketOf(List<Integer> bounds, long value, String name) {
    Checks.requireNonNegative(value, name);
    int bucket = bounds.size() - 1;
    while (value < bounds.get(bucket)) {
      bucket--;
    }
    return bucket;
  }

  /** "6+" for the last bucket, "1" for a one-value bucket, "2-5" otherwise. */
  static String label(List<Integer> bounds, int bucket) {
    Checks.requireInRange(bucket, 0, bounds.size() - 1, "bucket");
    int lower = bounds.get(bucket);
    if (bucket == bounds.size() - 1) {
      return lower + "+";
    }
    int upper = bounds.get(bucket + 1) - 1;
    return lower == upper ? Integer.toString(lower) : lower + "-" + upper;
  }
}
