package dev.userops.retention.clv;

import dev.userops.core.internal.Checks;
import java.util.Arrays;

/**
 * The Gamma-Gamma model's data: customers with {@code x > 0} and mean spend {@code > 0}, compressed
 * by identical (x, zbar) and sorted by x, then zbar.
 */
final class SpendRows {
  final Groups groups;
  final double[] zbar;
  final double[] logZbar;
  final double[] weight;
  final long customers;
  final double meanZbar;

  private SpendRows(int[] x, double[] zbar, double[] weight) {
    groups = Groups.of(x, weight);
    this.zbar = zbar;
    this.weight = weight;
    logZbar = new double[zbar.length];
    double total = 0;
    double sum = 0;
    for (int row = 0; row < zbar.length; row++) {
      logZbar[row] = Math.log(zbar[row]);
      total += weight[row];
      sum += weight[row] * zbar[row];
    }
    customers = Math.round(total);
    meanZbar = total == 0 ? 0 : sum / total;
  }

  /** The customers with {@code x > 0} and {@code zbar > 0}; the others carry no spend. */
  static SpendRows of(int[] x, double[] zbar) {
    Checks.requireNonNull(x, "x");
    Checks.requireNonNull(zbar, "zbar");
    Checks.requireEqualLengths("x and zbar", x.length, zbar.length);
    int n = 0;
    double[] counts = new double[x.length];
    double[] spends = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      checkSpend(i, x[i], zbar[i]);
      if (x[i] > 0 && zbar[i] > 0) {
        counts[n] = x[i];
        spends[n++] = zbar[i];
      }
    }
    Ranking repeats = Ranking.of(Arrays.copyOf(counts, n));
    Ranking means = Ranking.of(Arrays.copyOf(spends, n));
    int[][] keys = {repeats.ranks[0], means.ranks[0]};
    int[] order =
        Ranking.lexicographicOrder(keys, new int[] {repeats.values.length, means.values.length});
    Ranking.Runs runs = Ranking.runs(order, keys);
    int rows = runs.first().length;
    int[] rowX = new int[rows];
    double[] rowZbar = new double[rows];
    for (int row = 0; row < rows; row++) {
      rowX[row] = (int) counts[runs.first()[row]];
      rowZbar[row] = spends[runs.first()[row]];
    }
    return new SpendRows(rowX, rowZbar, runs.length());
  }

  /** A systematic sample of about {@link RepeatBuyers#COARSE_ROWS} rows, as {@link RepeatBuyers#coarse}. */
  SpendRows coarse() {
    int rows = zbar.length;
    int step = (rows + RepeatBuyers.COARSE_ROWS - 1) / RepeatBuyers.COARSE_ROWS;
    if (step <= 1) {
      return this;
    }
    int[] picked = Groups.sample(rows, step);
    int[] sampleX = new int[picked.length];
    double[] sampleZbar = new double[picked.length];
    double[] sampleWeight = new double[picked.length];
    int group = 0;
    for (int i = 0; i < picked.length; i++) {
      int row = picked[i];
      while (groups.start()[group + 1] <= row) {
        group++;
      }
      sampleX[i] = groups.x()[group];
      sampleZbar[i] = zbar[row];
      sampleWeight[i] = weight[row] * step;
    }
    return new SpendRows(sampleX, sampleZbar, sampleWeight);
  }

  static void checkSpend(int i, int x, double zbar) {
    if (!(x >= 0 && zbar >= 0 && zbar < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          (i < 0 ? "" : "customer " + i + ": ")
              + "expected x >= 0 and a finite zbar >= 0, got x "
              + x
              + ", zbar "
              + zbar);
    }
  }
}
