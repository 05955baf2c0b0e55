package dev.userops.retention.clv;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Predicted against actual repeat purchases in a holdout period after the calibration period, in
 * total and by calibration frequency x (the conditional expectations Fader, Hardie and Lee 2005
 * chart for x = 0 … 7+): the prediction for a customer is E[Y(t) | x, t_x, T] with t the holdout length.
 *
 * @param holdoutLength the holdout period's length, in the model's time unit
 * @param customers customers evaluated
 * @param actualPurchases purchases observed in the holdout period, summed over customers
 * @param predictedPurchases expected purchases, summed over customers
 * @param byFrequency one bucket per x from 0 to the last bucket, which holds every larger x too;
 *     empty buckets included
 */
public record HoldoutEvaluation(
    double holdoutLength,
    long customers,
    long actualPurchases,
    double predictedPurchases,
    List<Bucket> byFrequency) {

  /** Upper bound on the number of frequency buckets. */
  private static final int MAX_BUCKETS = 1000;

  /**
   * Copies the list into an unmodifiable one.
   *
   * @param holdoutLength the holdout length
   * @param customers customers evaluated
   * @param actualPurchases observed purchases
   * @param predictedPurchases expected purchases
   * @param byFrequency the buckets
   * @throws NullPointerException if {@code byFrequency} or a bucket is null
   */
  public HoldoutEvaluation {
    byFrequency = List.copyOf(byFrequency);
  }

  /**
   * Customers with one calibration frequency, or with this one or more for the last bucket.
   *
   * @param x the calibration frequency
   * @param andAbove whether larger x are in this bucket too
   * @param customers customers in the bucket
   * @param actualPurchases purchases they made in the holdout period
   * @param predictedPurchases purchases expected of them
   */
  public record Bucket(
      int x, boolean andAbove, long customers, long actualPurchases, double predictedPurchases) {}

  /**
   * Evaluates {@code model} on a holdout; element {@code i} of each array is customer {@code i}.
   * E[Y(t)] is computed once per distinct (x, t_x, T).
   *
   * @param model a fitted purchase model
   * @param x calibration repeat purchases
   * @param tx calibration time of last purchase, in the model's time unit
   * @param T calibration age, in the model's time unit
   * @param holdoutPurchases purchases (purchase days) in the holdout period, {@code >= 0}
   * @param holdoutLength the holdout period's length, in the model's time unit, finite and {@code
   *     >= 0}
   * @param lastBucket the x of the last frequency bucket, which takes every larger x too, in {@code
   *     [0, 1000)}; Fader, Hardie and Lee use 7
   * @return the evaluation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the lengths differ or a value breaks the rules of {@link
   *     RepeatBuyers#of}, a holdout count is negative, or a length or bucket is out of range
   */
  public static HoldoutEvaluation of(
      PurchaseModel model,
      int[] x,
      double[] tx,
      double[] T,
      int[] holdoutPurchases,
      double holdoutLength,
      int lastBucket) {
    Checks.requireNonNull(model, "model");
    Checks.requireNonNull(holdoutPurchases, "holdoutPurchases");
    RepeatBuyers.checkLength(holdoutLength);
    Checks.requireInRange(lastBucket, 0, MAX_BUCKETS - 1, "lastBucket");
    RepeatBuyers.checkLengths(x, tx, T);
    Checks.checkArgument(
        holdoutPurchases.length == x.length,
        "holdoutPurchases must have one count per customer, got %s for %s customers",
        holdoutPurchases.length,
        x.length);
    KeyIndex histories = new KeyIndex(x.length);
    double[] expected = new double[16];
    int known = 0;
    long[] customers = new long[lastBucket + 1];
    long[] actual = new long[lastBucket + 1];
    double[] predicted = new double[lastBucket + 1];
    for (int i = 0; i < x.length; i++) {
      RepeatBuyers.checkHistory(i, x[i], tx[i], T[i]);
      Checks.requireNonNegative(holdoutPurchases[i], "holdoutPurchases[" + i + "]");
      int id = histories.add(x[i], KeyIndex.bits(tx[i]), KeyIndex.bits(T[i]));
      if (id == known) {
        if (id == expected.length) {
          expected = Arrays.copyOf(expected, id * 2);
        }
        expected[known++] = model.expectedPurchases(holdoutLength, x[i], tx[i], T[i]);
      }
      int bucket = Math.min(x[i], lastBucket);
      customers[bucket]++;
      actual[bucket] += holdoutPurchases[i];
      predicted[bucket] += expected[id];
    }
    List<Bucket> buckets = new ArrayList<>(lastBucket + 1);
    long totalActual = 0;
    double totalPredicted = 0;
    for (int b = 0; b <= lastBucket; b++) {
      buckets.add(new Bucket(b, b == lastBucket, customers[b], actual[b], predicted[b]));
      totalActual += actual[b];
      totalPredicted += predicted[b];
    }
    return new HoldoutEvaluation(holdoutLength, x.length, totalActual, totalPredicted, buckets);
  }

  /**
   * This evaluation as JSON, one field per component.
   *
   * @return compact JSON
   */
  public String toJson() {
    return Json.write(this);
  }
}
