package dev.userops.benchmarks.clv;

import java.util.Arrays;

/**
 * Calibration summaries built from purchases given in time order per customer, as issue 13 §2
 * defines them: a day with purchases is one purchase (amounts summed); x counts purchase days
 * after the first up to the calibration end (inclusive), t_x and T are in weeks (days / 7), zbar is
 * the mean spend of the repeat days in minor units, and the holdout counts purchase days after the
 * calibration end up to the holdout end. Customers whose first purchase is after the calibration
 * end are left out.
 */
final class Summaries {
  private final int calibrationEnd;
  private final int holdoutEnd;
  private final int[] first;
  private final int[] last;
  private final int[] seen;
  private final int[] repeats;
  private final int[] holdouts;
  private final long[] spend;

  int[] x;
  double[] tx;
  double[] T;
  double[] zbar;
  int[] holdout;
  /** First purchase in weeks from day 0, for the tracking curve. */
  double[] firstPurchase;

  Summaries(int customers, int calibrationEnd, int holdoutEnd) {
    this.calibrationEnd = calibrationEnd;
    this.holdoutEnd = holdoutEnd;
    first = new int[customers];
    Arrays.fill(first, -1);
    last = new int[customers];
    seen = new int[customers];
    repeats = new int[customers];
    holdouts = new int[customers];
    spend = new long[customers];
  }

  /** One purchase of {@code customer} on {@code day}; each customer's purchases in time order. */
  void add(int customer, int day, long amountMinor) {
    if (day > holdoutEnd) {
      return;
    }
    if (first[customer] < 0) {
      first[customer] = day;
      last[customer] = day;
      seen[customer] = day;
      return;
    }
    boolean calibration = day <= calibrationEnd;
    if (day != seen[customer]) {
      seen[customer] = day;
      if (calibration) {
        repeats[customer]++;
        last[customer] = day;
      } else {
        holdouts[customer]++;
      }
    }
    if (calibration && day != first[customer]) {
      spend[customer] += amountMinor;
    }
  }

  /** Fills the columns from the customers seen, in customer order. */
  Summaries finish() {
    int n = 0;
    for (int c = 0; c < first.length; c++) {
      n += first[c] >= 0 && first[c] <= calibrationEnd ? 1 : 0;
    }
    x = new int[n];
    tx = new double[n];
    T = new double[n];
    zbar = new double[n];
    holdout = new int[n];
    firstPurchase = new double[n];
    int i = 0;
    for (int c = 0; c < first.length; c++) {
      if (first[c] < 0 || first[c] > calibrationEnd) {
        continue;
      }
      x[i] = repeats[c];
      tx[i] = (last[c] - first[c]) / 7.0;
      T[i] = (calibrationEnd - first[c]) / 7.0;
      zbar[i] = repeats[c] == 0 ? 0 : (double) spend[c] / repeats[c];
      holdout[i] = holdouts[c];
      firstPurchase[i] = first[c] / 7.0;
      i++;
    }
    return this;
  }

  /** The holdout period's length in weeks. */
  double holdoutWeeks() {
    return (holdoutEnd - calibrationEnd) / 7.0;
  }

  int customers() {
    return x.length;
  }
}
