package dev.userops.retention.clv;

import dev.userops.core.internal.Checks;

/**
 * A model of repeat purchases and drop-out fitted to customers' (x, t_x, T): {@link BgNbd}, {@link
 * MbgNbd} or {@link ParetoNbd}. Every time, in arguments and in the scale parameters, is in the
 * time unit of the data the model was fitted to ({@link RepeatBuyers}). Per-customer arguments
 * follow the rules of {@link RepeatBuyers#of}; a prediction for a history that breaks them throws
 * {@link IllegalArgumentException}.
 *
 * <p>In all three models a customer's future depends on t_x only through P(alive): E[Y(t) | x,
 * t_x, T] = P(alive | x, t_x, T) · E[Y(t) | alive, x, T]. The bulk methods compute the second
 * factor once per distinct (x, T), which makes them much faster than a loop over customers.
 */
public sealed interface PurchaseModel permits BetaGeometricModel, ParetoNbd {
  /**
   * The model's name as written in JSON.
   *
   * @return {@code BG_NBD}, {@code MBG_NBD} or {@code PARETO_NBD}
   */
  String name();

  /**
   * The log-likelihood of the customers under this model.
   *
   * @param buyers the customers
   * @return the natural log of the likelihood, summed over customers; {@code -Infinity} or NaN if
   *     the parameters are numerically out of reach of the data
   * @throws NullPointerException if {@code buyers} is null
   */
  double logLikelihood(RepeatBuyers buyers);

  /**
   * P(alive | x, t_x, T): the probability that a customer with this history has not dropped out
   * by T.
   *
   * @param x repeat purchases
   * @param tx time of the last purchase after the first
   * @param T time from the first purchase to the end of the calibration period
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException if the history breaks the rules of {@link RepeatBuyers#of}
   */
  double probabilityAlive(int x, double tx, double T);

  /**
   * E[Y(t) | alive at T, x, T]: the expected purchases in {@code (T, T + t]} of a customer with
   * {@code x} repeat purchases by age T who is known to be alive at T.
   *
   * @param t the length of the period, {@code >= 0} and finite
   * @param x repeat purchases
   * @param T time from the first purchase to the end of the calibration period, {@code >= 0} and
   *     finite
   * @return the expected count, {@code >= 0}
   * @throws IllegalArgumentException if a value is out of range
   */
  double expectedPurchasesIfAlive(double t, int x, double T);

  /**
   * E[X(t)]: the expected repeat purchases in {@code (0, t]} of a customer whose first purchase is
   * at 0.
   *
   * @param t time since the first purchase, {@code >= 0} and finite
   * @return the expected count, {@code >= 0}
   * @throws IllegalArgumentException if {@code t} is out of range
   */
  double expectedPurchasesOfNewCustomer(double t);

  /**
   * E[Y(t) | x, t_x, T]: the expected purchases in {@code (T, T + t]} of a customer with this
   * history, {@code probabilityAlive(x, tx, T) * expectedPurchasesIfAlive(t, x, T)}.
   *
   * @param t the length of the period, {@code >= 0} and finite
   * @param x repeat purchases
   * @param tx time of the last purchase after the first
   * @param T time from the first purchase to the end of the calibration period
   * @return the expected count, {@code >= 0}
   * @throws IllegalArgumentException if {@code t} or the history is out of range
   */
  default double expectedPurchases(double t, int x, double tx, double T) {
    RepeatBuyers.checkLength(t);
    return probabilityAlive(x, tx, T) * expectedPurchasesIfAlive(t, x, T);
  }

  /**
   * E[Y(t) | x, t_x, T] for many customers; element {@code i} of each array is customer {@code i}.
   *
   * @param t the length of the period, {@code >= 0} and finite
   * @param x repeat purchases
   * @param tx times of the last purchase after the first
   * @param T times from the first purchase to the end of the calibration period
   * @return the expected counts, one per customer
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ, {@code t} is out of range or a history
   *     breaks the rules of {@link RepeatBuyers#of} (the message names the customer)
   */
  default double[] expectedPurchases(double t, int[] x, double[] tx, double[] T) {
    RepeatBuyers.checkLength(t);
    return PerHistory.scaledByAlive(this, x, tx, T, null, (count, age) -> expectedPurchasesIfAlive(t, count, age));
  }

  /**
   * The purchases expected after T over {@code horizon}, each discounted to T: the sum over
   * periods k = 1 … n of {@code (E[Y(k L)] - E[Y((k - 1) L)]) / (1 + d)^k}, with L the period's
   * length in the model's time unit.
   *
   * @param x repeat purchases
   * @param tx time of the last purchase after the first
   * @param T time from the first purchase to the end of the calibration period
   * @param horizon the periods and discount rate, in days
   * @return the discounted expected count, {@code >= 0}
   * @throws NullPointerException if {@code horizon} is null
   * @throws IllegalArgumentException if the history is out of range
   */
  default double discountedPurchases(int x, double tx, double T, ClvHorizon horizon) {
    Checks.requireNonNull(horizon, "horizon");
    return probabilityAlive(x, tx, T) * PerHistory.discounted(this, x, T, horizon);
  }

  /**
   * The customer lifetime value after T: {@code averageSpend} times {@link #discountedPurchases}.
   * Spend per purchase is independent of the purchase process, as the Gamma-Gamma model assumes.
   *
   * @param x repeat purchases
   * @param tx time of the last purchase after the first
   * @param T time from the first purchase to the end of the calibration period
   * @param averageSpend the expected spend per purchase, e.g. {@link
   *     GammaGamma#expectedAverageSpend}, in the caller's money unit (minor units in UserOps)
   * @param horizon the periods and discount rate, in days
   * @return the value in the unit of {@code averageSpend}
   * @throws NullPointerException if {@code horizon} is null
   * @throws IllegalArgumentException if the history is out of range or {@code averageSpend} is
   *     negative or NaN
   */
  default double clv(int x, double tx, double T, double averageSpend, ClvHorizon horizon) {
    PerHistory.checkSpend(-1, averageSpend);
    return averageSpend * discountedPurchases(x, tx, T, horizon);
  }

  /**
   * {@link #clv(int, double, double, double, ClvHorizon)} for many customers; element {@code i} of
   * each array is customer {@code i}.
   *
   * @param x repeat purchases
   * @param tx times of the last purchase after the first
   * @param T times from the first purchase to the end of the calibration period
   * @param averageSpend expected spend per purchase, {@code >= 0}
   * @param horizon the periods and discount rate, in days
   * @return the values, one per customer, in the unit of {@code averageSpend}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the lengths differ or a value is out of range (the message
   *     names the customer)
   */
  default double[] clv(int[] x, double[] tx, double[] T, double[] averageSpend, ClvHorizon horizon) {
    Checks.requireNonNull(averageSpend, "averageSpend");
    Checks.requireNonNull(horizon, "horizon");
    return PerHistory.scaledByAlive(
        this, x, tx, T, averageSpend, (count, age) -> PerHistory.discounted(this, count, age, horizon));
  }
}
