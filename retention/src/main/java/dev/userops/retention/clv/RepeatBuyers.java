package dev.userops.retention.clv;

import dev.userops.core.internal.Checks;
import java.util.Arrays;

/**
 * The input of the purchase models: customers' calibration summaries (x, t_x, T) compressed into
 * distinct rows with weights, so a likelihood evaluation costs one term per distinct history
 * rather than per customer (Fader and Hardie fit from the same grouped table). Immutable.
 *
 * <p>All times are in one unit of the caller's choice, the <em>time unit</em> (weeks in the
 * published CDNOW examples); fitted scale parameters (α, β) and prediction horizons are then in
 * that unit too. Rows are sorted by x, then t_x, then T, whatever the input order. Compression
 * takes linear time: times are ranked against their distinct values (few when times are whole days
 * in a unit), then customers are counting-sorted by (x, t_x, T).
 */
public final class RepeatBuyers {
  /** Beyond this many rows a fit first searches on a systematic sample of rows. */
  static final int COARSE_ROWS = 20_000;

  // Package-private arrays read by the likelihood kernels; never handed out.
  final int[] x;
  final double[] weight;
  /** Sorted distinct values of t_x and T; each row's index into them. */
  final double[] times;

  final int[] txTime;
  final int[] ageTime;
  final Groups groups;
  final long customers;
  final double meanX;
  final double meanAge;

  private RepeatBuyers(int[] x, int[] txTime, int[] ageTime, double[] weight, double[] times) {
    this.x = x;
    this.txTime = txTime;
    this.ageTime = ageTime;
    this.weight = weight;
    this.times = times;
    groups = Groups.of(x, weight);
    double total = 0;
    double sumX = 0;
    double sumAge = 0;
    for (int row = 0; row < x.length; row++) {
      total += weight[row];
      sumX += weight[row] * x[row];
      sumAge += weight[row] * times[ageTime[row]];
    }
    customers = Math.round(total);
    meanX = total == 0 ? 0 : sumX / total;
    meanAge = total == 0 ? 0 : sumAge / total;
  }

  /**
   * Compresses customers' summaries; element {@code i} of each array is customer {@code i}.
   *
   * @param x repeat purchases in the calibration period (purchase days after the first), {@code >=
   *     0}
   * @param tx time of the last purchase after the first, in the time unit, finite, in {@code [0,
   *     T]}; 0 when {@code x} is 0
   * @param T time from the first purchase to the end of the calibration period, in the time unit,
   *     finite and {@code >= 0}
   * @return the compressed summaries; empty for empty arrays
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays' lengths differ or a value breaks its rule (the
   *     message names the customer's index and the values)
   */
  public static RepeatBuyers of(int[] x, double[] tx, double[] T) {
    checkLengths(x, tx, T);
    int n = x.length;
    double[] counts = new double[n];
    for (int i = 0; i < n; i++) {
      checkHistory(i, x[i], tx[i], T[i]);
      counts[i] = x[i];
    }
    Ranking repeats = Ranking.of(counts);
    Ranking times = Ranking.of(tx, T);
    int[][] keys = {repeats.ranks[0], times.ranks[0], times.ranks[1]};
    int[] order =
        Ranking.lexicographicOrder(
            keys, new int[] {repeats.values.length, times.values.length, times.values.length});
    Ranking.Runs runs = Ranking.runs(order, keys);
    int rows = runs.first().length;
    int[] rowX = new int[rows];
    int[] rowTx = new int[rows];
    int[] rowAge = new int[rows];
    for (int row = 0; row < rows; row++) {
      int customer = runs.first()[row];
      rowX[row] = x[customer];
      rowTx[row] = keys[1][customer];
      rowAge[row] = keys[2][customer];
    }
    return new RepeatBuyers(rowX, rowTx, rowAge, runs.length(), times.values);
  }

  /**
   * At most about {@link #COARSE_ROWS} rows: a systematic sample of rows, each weighted by the
   * sampling step, whose likelihood approximates this one's for a first search. This instance
   * itself when it is that small.
   */
  RepeatBuyers coarse() {
    int step = (rows() + COARSE_ROWS - 1) / COARSE_ROWS;
    if (step <= 1) {
      return this;
    }
    int[] picked = Groups.sample(rows(), step);
    int[] sampleX = new int[picked.length];
    int[] sampleTx = new int[picked.length];
    int[] sampleAge = new int[picked.length];
    double[] sampleWeight = new double[picked.length];
    for (int i = 0; i < picked.length; i++) {
      int row = picked[i];
      sampleX[i] = x[row];
      sampleTx[i] = txTime[row];
      sampleAge[i] = ageTime[row];
      sampleWeight[i] = weight[row] * step;
    }
    return new RepeatBuyers(sampleX, sampleTx, sampleAge, sampleWeight, times);
  }

  /** Throws what {@link #of} throws for one customer's history, without the index. */
  static void checkHistory(int x, double tx, double age) {
    checkHistory(-1, x, tx, age);
  }

  /** Throws unless the history of customer {@code i} (none when negative) is valid. */
  static void checkHistory(int i, int x, double tx, double age) {
    if (!(x >= 0 && age < Double.POSITIVE_INFINITY && tx >= 0 && tx <= age && (x > 0 || tx == 0))) {
      throw new IllegalArgumentException(
          (i < 0 ? "" : "customer " + i + ": ")
              + "expected x >= 0, 0 <= tx <= T finite and tx = 0 when x = 0, got x "
              + x
              + ", tx "
              + tx
              + ", T "
              + age);
    }
  }

  /** Throws unless the arrays of summaries are there and have equal lengths. */
  static void checkLengths(int[] x, double[] tx, double[] age) {
    Checks.requireNonNull(x, "x");
    Checks.requireNonNull(tx, "tx");
    Checks.requireNonNull(age, "T");
    Checks.requireEqualLengths("x, tx and T", x.length, tx.length, age.length);
  }

  /** Throws unless {@code t} is a finite length {@code >= 0}. */
  static void checkLength(double t) {
    Checks.checkArgument(t >= 0 && t < Double.POSITIVE_INFINITY, "t must be finite and >= 0, got %s", t);
  }

  /**
   * The number of distinct (x, t_x, T) rows.
   *
   * @return rows, at most {@link #customers()}
   */
  public int rows() {
    return x.length;
  }

  /**
   * The number of customers compressed.
   *
   * @return the sum of the rows' weights
   */
  public long customers() {
    return customers;
  }

  /**
   * A row's repeat purchases.
   *
   * @param row in {@code [0, rows())}
   * @return x
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public int x(int row) {
    return x[row];
  }

  /**
   * A row's time of last purchase.
   *
   * @param row in {@code [0, rows())}
   * @return t_x in the time unit
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public double tx(int row) {
    return times[txTime[row]];
  }

  /**
   * A row's age: time from first purchase to the end of the calibration period.
   *
   * @param row in {@code [0, rows())}
   * @return T in the time unit
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public double T(int row) {
    return times[ageTime[row]];
  }

  /**
   * The number of customers with a row's (x, t_x, T).
   *
   * @param row in {@code [0, rows())}
   * @return the weight, {@code >= 1}
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public int weight(int row) {
    return (int) weight[row];
  }

  /** Natural logs of {@code shift + time} for every distinct time: one log per time, not per row. */
  double[] logShiftedTimes(double shift) {
    double[] logs = new double[times.length];
    for (int i = 0; i < times.length; i++) {
      logs[i] = Math.log(shift + times[i]);
    }
    return logs;
  }

  /** Throws unless a model can be fitted: customers and some observed time. */
  void checkFittable() {
    Checks.checkArgument(customers > 0, "cannot fit a model to no customers");
    Checks.checkArgument(meanAge > 0, "cannot fit a model when every customer has T = 0");
  }

  @Override
  public String toString() {
    return "RepeatBuyers[customers=" + customers + ", rows=" + rows() + "]";
  }
}
