package dev.userops.segmentation.rfm;

import java.util.Arrays;

/** The arithmetic of {@link RfmScoring}'s methods over one feature column. */
final class Bins {
  private Bins() {}

  /** {@code 1 + floor(scores × worse / n)}, where worse values are smaller, or larger if reversed. */
  static byte[] quantileScores(long[] values, int scores, boolean reversed) {
    int n = values.length;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long value : values) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    // Days and order counts span far fewer values than there are users: count them instead of
    // sorting, and the number of smaller values is a running sum.
    if (n > 0 && max - min >= 0 && max - min < n) {
      int[] below = new int[(int) (max - min) + 2];
      for (long value : values) {
        below[(int) (value - min) + 1]++;
      }
      for (int v = 1; v < below.length; v++) {
        below[v] += below[v - 1];
      }
      byte[] out = new byte[n];
      for (int i = 0; i < n; i++) {
        int v = (int) (values[i] - min);
        long worse = reversed ? n - below[v + 1] : below[v];
        out[i] = (byte) (1 + scores * worse / n);
      }
      return out;
    }
    return bySorting(values, scores, reversed);
  }

  /** {@link #quantileScores} by sorting the values: for any range of values. */
  static byte[] bySorting(long[] values, int scores, boolean reversed) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = values.length;
    // The distinct values and where each starts in sorted order: a search among them stays in cache
    // where a search of a million sorted values would miss it at every step.
    long[] distinct = new long[n];
    int[] start = new int[n + 1];
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct[d] = sorted[i];
        start[d++] = i;
      }
    }
    start[d] = n;
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      int k = Arrays.binarySearch(distinct, 0, d, values[i]);
      long worse = reversed ? n - start[k + 1] : start[k];
      out[i] = (byte) (1 + scores * worse / n);
    }
    return out;
  }

  /**
   * Bins {@code [cut[k-1], cut[k])}: {@code 1 + (cuts <= value)}, or {@code cuts.length + 1 - (cuts
   * <= value)} if reversed.
   */
  static byte[] cutScores(double[] values, double[] cuts, boolean reversed) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      int below = 0;
      while (below < cuts.length && cuts[below] <= values[i]) {
        below++;
      }
      out[i] = (byte) (reversed ? cuts.length + 1 - below : 1 + below);
    }
    return out;
  }

  /**
   * The cut points of R {@code rfm} 0.3.0: {@code quantile(x, probs = seq(0, 1, length.out =
   * scores + 1))} without the ends, plus one. R's type 7 quantile is {@code (1 - h) × x[lo] + h ×
   * x[hi]} over the sorted values at 1-based index {@code 1 + (n - 1) × p}, computed here in the
   * same double arithmetic, with {@code p = k × (1 / scores)} as R's {@code seq} computes it.
   */
  static double[] rCutPoints(double[] values, int scores) {
    if (values.length == 0) {
      return new double[0];
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double by = 1.0 / scores;
    double[] cuts = new double[scores - 1];
    for (int k = 1; k < scores; k++) {
      double index = 1 + (sorted.length - 1) * (k * by);
      int lo = (int) Math.floor(index);
      int hi = (int) Math.ceil(index);
      double q = sorted[lo - 1];
      double h = index - lo;
      if (h > 0 && sorted[hi - 1] != sorted[lo - 1]) {
        q = (1 - h) * sorted[lo - 1] + h * sorted[hi - 1];
      }
      cuts[k - 1] = q + 1;
    }
    return cuts;
  }

  /**
   * {@code values[i] / 10^fractionDigits} as doubles: the nearest double to the decimal in major
   * units (IEEE division is correctly rounded and {@code 10^fractionDigits <= 10^18} is exact up to
   * 10^22), which is the value R parses from the same decimal text.
   */
  static double[] majorUnits(long[] values, int fractionDigits) {
    double scale = Math.pow(10, fractionDigits);
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] / scale;
    }
    return out;
  }
}
