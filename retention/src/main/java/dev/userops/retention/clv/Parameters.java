package dev.userops.retention.clv;

import java.util.List;

/** Checks and starting values shared by the models. */
final class Parameters {
  private Parameters() {}

  /** Throws naming the first parameter that is not finite and positive. */
  static void requirePositive(List<String> names, double... values) {
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] > 0 && values[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            names.get(i) + " must be finite and > 0, got " + values[i]);
      }
    }
  }

  /**
   * A gamma scale for the purchase rate that puts the starting mean rate {@code 1 / scale} at the
   * customers' repeat purchases per unit of observed time, so the search starts at the data's time
   * scale (days, weeks or years alike).
   */
  static double rateScale(RepeatBuyers buyers) {
    return buyers.meanAge / Math.max(buyers.meanX, 1.0 / buyers.customers);
  }
}
