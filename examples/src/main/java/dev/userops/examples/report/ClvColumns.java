package dev.userops.examples.report;

import dev.userops.retention.clv.ClvSummary;
import dev.userops.retention.clv.GammaGamma;
import dev.userops.retention.clv.RepeatBuyers;

/**
 * A {@link ClvSummary} as the columns the models' bulk methods take: element {@code i} of each is
 * customer {@code i}.
 *
 * @param x repeat purchase days
 * @param tx recency, in the summary's time unit
 * @param T age, in the summary's time unit
 * @param zbarMinor mean spend per repeat purchase day, minor units
 * @param holdoutPurchases purchase days in the holdout
 * @param firstPurchase first purchase from the summary's origin, in its time unit
 */
public record ClvColumns(int[] x, double[] tx, double[] T, double[] zbarMinor, int[] holdoutPurchases,
    double[] firstPurchase) {
  /** The columns of every customer of {@code summary}. */
  public static ClvColumns of(ClvSummary summary) {
    int n = summary.customers();
    ClvColumns columns = new ClvColumns(new int[n], new double[n], new double[n], new double[n], new int[n], new double[n]);
    for (int i = 0; i < n; i++) {
      columns.x[i] = summary.x(i);
      columns.tx[i] = summary.tx(i);
      columns.T[i] = summary.T(i);
      columns.zbarMinor[i] = summary.zbarMinor(i);
      columns.holdoutPurchases[i] = summary.holdoutPurchases(i);
      columns.firstPurchase[i] = summary.firstPurchase(i);
    }
    return columns;
  }

  /** The customers as the purchase models take them. */
  public RepeatBuyers repeatBuyers() {
    return RepeatBuyers.of(x, tx, T);
  }

  /** Each customer's expected spend per purchase under {@code spend}, minor units. */
  public double[] averageSpend(GammaGamma spend) {
    double[] averageSpend = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      averageSpend[i] = spend.expectedAverageSpend(x[i], zbarMinor[i]);
    }
    return averageSpend;
  }
}
