package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Predictions against customers simulated from the model itself: every expectation must match
 * its simulated average within four standard errors, and the fit must recover the parameters
 * within four of its own standard errors.
 */
class SimulationTest {
  private static final int CUSTOMERS = 30_000;

  @Test
  void bgNbd() {
    check(new BgNbd(0.243, 4.414, 0.793, 2.426), BgNbd::fit, 1);
  }

  @Test
  void mbgNbd() {
    check(new MbgNbd(0.525, 6.183, 0.891, 1.614), MbgNbd::fit, 2);
  }

  @Test
  void paretoNbd() {
    check(new ParetoNbd(0.553, 10.578, 0.606, 11.669), ParetoNbd::fit, 3);
  }

  @Test
  void bgNbdWithNearlyConstantDropOut() {
    // a and b large (p about 0.1 for everyone): the predictions take the moment expansion.
    BgNbd truth = new BgNbd(0.5, 5, 2000, 18_000);
    checkPredictions(truth, Simulation.of(truth, CUSTOMERS, 4));
  }

  private static <M extends PurchaseModel> void check(
      M truth, Function<RepeatBuyers, Fit<M>> fit, long seed) {
    Simulation data = Simulation.of(truth, CUSTOMERS, seed);
    checkPredictions(truth, data);
    // The fit recovers every parameter (the record's components, in the fit's order).
    Fit<M> fitted = fit.apply(data.buyers());
    RecordComponent[] components = truth.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      Fit.Estimate estimate = fitted.estimates().get(i);
      assertThat(estimate.name()).isEqualTo(components[i].getName());
      double error = estimate.standardError().getAsDouble();
      assertThat(estimate.value()).as(estimate.name()).isCloseTo(value(truth, components[i]), within(4 * error));
    }
  }

  private static double value(Object record, RecordComponent component) {
    try {
      return (double) component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static void checkPredictions(PurchaseModel model, Simulation data) {
    int n = data.x.length;
    // P(alive): the expected number alive at the calibration end, a sum of Bernoulli trials.
    double expectedAlive = 0;
    double variance = 0;
    long alive = 0;
    for (int i = 0; i < n; i++) {
      double p = model.probabilityAlive(data.x[i], data.tx[i], data.T[i]);
      expectedAlive += p;
      variance += p * (1 - p);
      alive += data.aliveAtCalibrationEnd[i] ? 1 : 0;
    }
    assertThat((double) alive).isCloseTo(expectedAlive, within(4 * Math.sqrt(variance)));

    // E[Y(39) | x, t_x, T], in total and per calibration frequency.
    double holdoutLength = Simulation.HOLDOUT_END - Simulation.CALIBRATION_END;
    HoldoutEvaluation evaluation =
        HoldoutEvaluation.of(model, data.x, data.tx, data.T, data.holdout, holdoutLength, 7);
    assertThat(evaluation.customers()).isEqualTo(n);
    double[] spread = holdoutSpread(data, 7);
    assertThat((double) evaluation.actualPurchases())
        .isCloseTo(evaluation.predictedPurchases(), within(4 * spread[spread.length - 1]));
    List<HoldoutEvaluation.Bucket> buckets = evaluation.byFrequency();
    assertThat(buckets).hasSize(8);
    double predictedSum = 0;
    for (HoldoutEvaluation.Bucket bucket : buckets) {
      assertThat((double) bucket.actualPurchases())
          .as("bucket x = %s", bucket.x())
          .isCloseTo(bucket.predictedPurchases(), within(4 * spread[bucket.x()] + 1));
      predictedSum += bucket.predictedPurchases();
    }
    assertThat(predictedSum).isCloseTo(evaluation.predictedPurchases(), within(1e-6));

    // E[X(t)] by first purchase: the cumulative curve at the calibration end and at week 78.
    PurchaseCurve curve = PurchaseCurve.of(model, data.firstPurchase, 1, data.weekly);
    assertThat(curve.periods()).hasSize(Simulation.WEEKS);
    for (int week : new int[] {38, 77}) {
      PurchaseCurve.Period period = curve.periods().get(week);
      // Customers' counts to the calibration end (x) or to week 78 (x + holdout) are independent:
      // the standard error of their sum is sqrt(n) times their standard deviation.
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        double count = data.x[i] + (week == 77 ? data.holdout[i] : 0);
        sum += count;
        squares += count * count;
      }
      double error = Math.sqrt(squares - sum * sum / n);
      assertThat((double) period.cumulativeActual())
          .as("week %s", week)
          .isCloseTo(period.cumulativePredicted(), within(4 * error));
    }
  }

  /** Four-sigma scale of holdout totals: the standard error of each bucket's sum, then the total. */
  private static double[] holdoutSpread(Simulation data, int lastBucket) {
    double[] sum = new double[lastBucket + 2];
    double[] squares = new double[lastBucket + 2];
    long[] count = new long[lastBucket + 2];
    for (int i = 0; i < data.x.length; i++) {
      for (int b : new int[] {Math.min(data.x[i], lastBucket), lastBucket + 1}) {
        sum[b] += data.holdout[i];
        squares[b] += (double) data.holdout[i] * data.holdout[i];
        count[b]++;
      }
    }
    double[] errors = new double[lastBucket + 2];
    for (int b = 0; b < errors.length; b++) {
      double mean = count[b] == 0 ? 0 : sum[b] / count[b];
      double var = count[b] == 0 ? 0 : squares[b] / count[b] - mean * mean;
      errors[b] = Math.sqrt(count[b] * var);
    }
    return errors;
  }
}
