package dev.userops.retention.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/** How results of disjoint users add their keyed rows (cohorts, splits, channels, periods). */
public final class ResultRows {
  private ResultRows() {}

  /**
   * The rows of {@code a} and {@code b} in {@code order} of their keys, the two rows of a key in
   * both merged by {@code plus}; a row in one list only is kept as it is.
   *
   * @param <K> the key type
   * @param <T> the row type
   * @param a rows of one result, one per key
   * @param b rows of the other, one per key
   * @param key a row's key
   * @param order the keys' order
   * @param plus the sum of two rows of one key
   * @return a new list of the rows of both, ordered by key
   */
  public static <K, T> List<T> union(List<T> a, List<T> b, Function<T, K> key, Comparator<? super K> order,
      BinaryOperator<T> plus) {
    Map<K, T> rows = new TreeMap<>(order);
    for (T row : a) {
      rows.put(key.apply(row), row);
    }
    for (T row : b) {
      rows.merge(key.apply(row), row, plus);
    }
    return new ArrayList<>(rows.values());
  }
}
