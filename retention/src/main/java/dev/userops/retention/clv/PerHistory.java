package dev.userops.retention.clv;

import dev.userops.core.internal.Checks;
import java.util.Arrays;

/** The bulk predictions: a factor computed once per distinct (x, T), times P(alive) per customer. */
final class PerHistory {
  private PerHistory() {}

  /** A prediction for a customer alive at T with x repeat purchases. */
  @FunctionalInterface
  interface IfAlive {
    double value(int x, double age);
  }

  /**
   * For each customer, {@code P(alive) * ifAlive(x, T)}, times {@code scale[i]} when {@code scale}
   * is not null.
   */
  static double[] scaledByAlive(
      PurchaseModel model, int[] x, double[] tx, double[] age, double[] scale, IfAlive ifAlive) {
    RepeatBuyers.checkLengths(x, tx, age);
    int n = x.length;
    Checks.checkArgument(
        scale == null || scale.length == n,
        "averageSpend must have one value per customer, got %s for %s customers",
        scale == null ? 0 : scale.length,
        n);
    KeyIndex histories = new KeyIndex(16);
    double[] known = new double[16];
    int computed = 0;
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      RepeatBuyers.checkHistory(i, x[i], tx[i], age[i]);
      double alive = model.probabilityAlive(x[i], tx[i], age[i]);
      double factor = 1;
      if (scale != null) {
        checkSpend(i, scale[i]);
        factor = scale[i];
      }
      int id = histories.add(x[i], KeyIndex.bits(age[i]), 0);
      if (id == computed) {
        if (id == known.length) {
          known = Arrays.copyOf(known, id * 2);
        }
        known[computed++] = ifAlive.value(x[i], age[i]);
      }
      values[i] = factor * (alive * known[id]);
    }
    return values;
  }

  /** Throws unless a spend is a number {@code >= 0}. */
  static void checkSpend(int i, double spend) {
    if (!(spend >= 0)) {
      throw new IllegalArgumentException(
          (i < 0 ? "" : "customer " + i + ": ") + "averageSpend must be >= 0, got " + spend);
    }
  }

  /** The sum over periods of the discounted increments of E[Y(t) | alive, x, T]. */
  static double discounted(PurchaseModel model, int x, double age, ClvHorizon horizon) {
    double length = horizon.periodLength();
    double factor = 1 / (1 + horizon.discountRate());
    double discount = 1;
    double previous = 0;
    double sum = 0;
    for (int k = 1; k <= horizon.periods(); k++) {
      discount *= factor;
      double cumulative = model.expectedPurchasesIfAlive(k * length, x, age);
      sum += (cumulative - previous) * discount;
      previous = cumulative;
    }
    return sum;
  }
}
