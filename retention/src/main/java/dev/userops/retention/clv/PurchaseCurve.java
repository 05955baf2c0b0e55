package dev.userops.retention.clv;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Repeat purchases of the whole population per period against the model's prediction: the weekly
 * and cumulative tracking charts of Fader, Hardie and Lee 2005 across the calibration and holdout
 * periods. Customers enter at their first purchase, so the prediction up to time τ is the sum over
 * customers of E[X(τ - s)] for those whose first purchase s is before τ.
 *
 * @param periodLength the length of each period, in the model's time unit
 * @param periods the periods from time 0, in order
 */
public record PurchaseCurve(double periodLength, List<Period> periods) {
  /** Upper bound on the number of periods. */
  private static final int MAX_PERIODS = 100_000;

  /**
   * Copies the list into an unmodifiable one.
   *
   * @param periodLength the length of each period
   * @param periods the periods
   * @throws NullPointerException if {@code periods} or a period is null
   */
  public PurchaseCurve {
    periods = List.copyOf(periods);
  }

  /**
   * One period {@code [start, end)}.
   *
   * @param start the period's start, in the model's time unit from time 0
   * @param end the period's end
   * @param actualPurchases repeat purchases observed in the period
   * @param predictedPurchases repeat purchases expected in the period
   * @param cumulativeActual observed repeat purchases from time 0 to {@code end}
   * @param cumulativePredicted expected repeat purchases from time 0 to {@code end}
   */
  public record Period(
      double start,
      double end,
      long actualPurchases,
      double predictedPurchases,
      long cumulativeActual,
      double cumulativePredicted) {}

  /**
   * The curve over {@code actualPurchases.length} periods of {@code periodLength} from time 0. Time
   * 0 is the caller's origin (CDNOW: 1997-01-01, the start of the first-purchase cohort); E[X(t)] is
   * computed once per distinct first-purchase time and period end.
   *
   * @param model a fitted purchase model
   * @param firstPurchase each customer's first purchase, in the model's time unit from time 0,
   *     finite and {@code >= 0}
   * @param periodLength the length of a period in the model's time unit (1 for weekly periods of
   *     weekly data), finite and {@code > 0}
   * @param actualPurchases repeat purchases observed in each period (first purchases excluded),
   *     {@code >= 0}; its length is the number of periods, at most 100,000
   * @return the curve
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a value is out of range
   */
  public static PurchaseCurve of(
      PurchaseModel model, double[] firstPurchase, double periodLength, long[] actualPurchases) {
    Checks.requireNonNull(model, "model");
    Checks.requireNonNull(firstPurchase, "firstPurchase");
    Checks.requireNonNull(actualPurchases, "actualPurchases");
    Checks.checkArgument(
        periodLength > 0 && periodLength < Double.POSITIVE_INFINITY,
        "periodLength must be finite and > 0, got %s",
        periodLength);
    Checks.checkArgument(
        actualPurchases.length <= MAX_PERIODS,
        "at most %s periods, got %s",
        MAX_PERIODS,
        actualPurchases.length);
    KeyIndex starts = new KeyIndex(Math.min(firstPurchase.length, 1 << 12));
    long[] counts = new long[16];
    for (int i = 0; i < firstPurchase.length; i++) {
      double s = firstPurchase[i];
      Checks.checkArgument(
          s >= 0 && s < Double.POSITIVE_INFINITY,
          "firstPurchase[%s] must be finite and >= 0, got %s",
          i,
          s);
      int id = starts.add(KeyIndex.bits(s), 0, 0);
      if (id == counts.length) {
        counts = Arrays.copyOf(counts, id * 2);
      }
      counts[id]++;
    }
    List<Period> periods = new ArrayList<>(actualPurchases.length);
    double previousPredicted = 0;
    long cumulativeActual = 0;
    for (int k = 0; k < actualPurchases.length; k++) {
      Checks.requireNonNegative(actualPurchases[k], "actualPurchases[" + k + "]");
      double end = (k + 1) * periodLength;
      double predicted = 0;
      for (int id = 0; id < starts.size(); id++) {
        double s = Double.longBitsToDouble(starts.first(id));
        if (s < end) {
          predicted += counts[id] * model.expectedPurchasesOfNewCustomer(end - s);
        }
      }
      cumulativeActual += actualPurchases[k];
      periods.add(
          new Period(
              k * periodLength,
              end,
              actualPurchases[k],
              predicted - previousPredicted,
              cumulativeActual,
              predicted));
      previousPredicted = predicted;
    }
    return new PurchaseCurve(periodLength, periods);
  }

  /**
   * This curve as JSON, one field per component.
   *
   * @return compact JSON
   */
  public String toJson() {
    return Json.write(this);
  }
}
