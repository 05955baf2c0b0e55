package dev.userops.retention.clv;

import java.util.Arrays;

/**
 * Rows sorted by x, grouped by it: the likelihood kernels compute the terms that depend on x alone
 * (log-gamma functions) once per group.
 *
 * @param x distinct x ascending
 * @param start group g is rows {@code [start[g], start[g + 1])}
 * @param weight the customers in each group
 */
record Groups(int[] x, int[] start, double[] weight) {
  /** The groups of rows whose x ascend, with each row's weight. */
  static Groups of(int[] sortedX, double[] rowWeight) {
    int rows = sortedX.length;
    int[] xs = new int[rows];
    int[] starts = new int[rows + 1];
    double[] weights = new double[rows];
    int groups = 0;
    for (int row = 0; row < rows; row++) {
      if (groups == 0 || sortedX[row] != xs[groups - 1]) {
        xs[groups] = sortedX[row];
        starts[groups++] = row;
      }
      weights[groups - 1] += rowWeight[row];
    }
    starts[groups] = rows;
    return new Groups(
        Arrays.copyOf(xs, groups), Arrays.copyOf(starts, groups + 1), Arrays.copyOf(weights, groups));
  }

  int size() {
    return x.length;
  }

  /**
   * Every {@code step}-th of {@code rows} rows from the first: a systematic sample of rows sorted
   * by their history, so it spreads over x and the times alike.
   */
  static int[] sample(int rows, int step) {
    int[] picked = new int[(rows + step - 1) / step];
    for (int i = 0; i < picked.length; i++) {
      picked[i] = i * step;
    }
    return picked;
  }
}
