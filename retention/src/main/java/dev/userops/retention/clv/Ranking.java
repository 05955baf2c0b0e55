package dev.userops.retention.clv;

import java.util.Arrays;

/**
 * The compression of customers into rows: the distinct values of non-negative columns, sorted, and
 * each element's rank among them; then the customers in lexicographic order of their ranks by
 * counting sorts (linear time), so equal histories are adjacent and rows come out in one canonical
 * order whatever the input order.
 */
final class Ranking {
  /** Sorted distinct values of all the columns ranked together. */
  final double[] values;
  /** {@code ranks[c][i]}: the rank of column c's element i in {@link #values}. */
  final int[][] ranks;

  private Ranking(double[] values, int[][] ranks) {
    this.values = values;
    this.ranks = ranks;
  }

  /**
   * Ranks the columns against their common distinct values. Values must be {@code >= 0} (not
   * -0.0, which {@link KeyIndex#bits} folds), so their bits order like the values.
   */
  static Ranking of(double[]... columns) {
    KeyIndex distinct = new KeyIndex(16);
    int[][] ids = new int[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      double[] column = columns[c];
      int[] id = new int[column.length];
      for (int i = 0; i < column.length; i++) {
        id[i] = distinct.add(KeyIndex.bits(column[i]), 0, 0);
      }
      ids[c] = id;
    }
    int n = distinct.size();
    long[] sorted = new long[n];
    for (int id = 0; id < n; id++) {
      sorted[id] = distinct.first(id);
    }
    Arrays.sort(sorted);
    int[] rankOfId = new int[n];
    for (int id = 0; id < n; id++) {
      rankOfId[id] = Arrays.binarySearch(sorted, distinct.first(id));
    }
    double[] values = new double[n];
    for (int rank = 0; rank < n; rank++) {
      values[rank] = Double.longBitsToDouble(sorted[rank]);
    }
    for (int[] id : ids) {
      for (int i = 0; i < id.length; i++) {
        id[i] = rankOfId[id[i]];
      }
    }
    return new Ranking(values, ids);
  }

  /**
   * Element indexes in lexicographic order of {@code keys[0][i]}, {@code keys[1][i]}, …: a stable
   * counting sort per key, last key first. Key {@code k} takes values in {@code [0, sizes[k])}.
   */
  static int[] lexicographicOrder(int[][] keys, int[] sizes) {
    int length = keys[0].length;
    int[] order = new int[length];
    for (int i = 0; i < length; i++) {
      order[i] = i;
    }
    int[] sorted = new int[length];
    for (int k = keys.length - 1; k >= 0; k--) {
      int[] key = keys[k];
      int[] next = new int[sizes[k] + 1];
      for (int i = 0; i < length; i++) {
        next[key[i] + 1]++;
      }
      for (int v = 1; v < next.length; v++) {
        next[v] += next[v - 1];
      }
      for (int i : order) {
        sorted[next[key[i]]++] = i;
      }
      int[] swap = order;
      order = sorted;
      sorted = swap;
    }
    return order;
  }

  /**
   * Runs of equal keys in {@code order}: the first element of each run, and the run's length as
   * a weight. {@code order} must be sorted by the keys, as {@link #lexicographicOrder} sorts.
   */
  static Runs runs(int[] order, int[][] keys) {
    int[] first = new int[order.length];
    double[] length = new double[order.length];
    int runs = 0;
    int previous = -1;
    for (int i : order) {
      if (previous < 0 || !sameKeys(keys, i, previous)) {
        first[runs++] = i;
      }
      length[runs - 1]++;
      previous = i;
    }
    return new Runs(Arrays.copyOf(first, runs), Arrays.copyOf(length, runs));
  }

  /** The first element of each run and the run's length. */
  record Runs(int[] first, double[] length) {}

  private static boolean sameKeys(int[][] keys, int i, int j) {
    for (int[] key : keys) {
      if (key[i] != key[j]) {
        return false;
      }
    }
    return true;
  }
}
