package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HoldoutTest {
  private static final BgNbd MODEL = new BgNbd(0.243, 4.414, 0.793, 2.426);

  @Test
  void bucketsByCalibrationFrequency() {
    int[] x = {0, 0, 1, 2, 7, 9};
    double[] tx = {0, 0, 5, 10, 30, 35};
    double[] T = {38, 38, 38, 30, 38, 38};
    int[] holdout = {0, 1, 0, 2, 5, 6};
    HoldoutEvaluation evaluation = HoldoutEvaluation.of(MODEL, x, tx, T, holdout, 39, 7);
    assertThat(evaluation.customers()).isEqualTo(6);
    assertThat(evaluation.actualPurchases()).isEqualTo(14);
    assertThat(evaluation.byFrequency()).hasSize(8);
    HoldoutEvaluation.Bucket zero = evaluation.byFrequency().get(0);
    assertThat(zero.customers()).isEqualTo(2);
    assertThat(zero.actualPurchases()).isEqualTo(1);
    assertThat(zero.predictedPurchases()).isCloseTo(2 * MODEL.expectedPurchases(39, 0, 0, 38), within(1e-12));
    HoldoutEvaluation.Bucket last = evaluation.byFrequency().get(7);
    assertThat(last.andAbove()).isTrue();
    assertThat(last.customers()).isEqualTo(2);
    assertThat(last.actualPurchases()).isEqualTo(11);
    assertThat(evaluation.byFrequency().get(3).customers()).isZero();
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      total += MODEL.expectedPurchases(39, x[i], tx[i], T[i]);
    }
    assertThat(evaluation.predictedPurchases()).isCloseTo(total, within(1e-12));
    assertThat(evaluation.toJson()).contains("\"holdoutLength\":39.0", "\"andAbove\":true");
  }

  @Test
  void curveOfOneCustomerIsTheNewCustomerExpectation() {
    long[] actual = new long[10];
    actual[4] = 2;
    PurchaseCurve curve = PurchaseCurve.of(MODEL, new double[] {2.5}, 1, actual);
    assertThat(curve.periods()).hasSize(10);
    assertThat(curve.periods().get(0).cumulativePredicted()).isZero();
    assertThat(curve.periods().get(1).cumulativePredicted()).isZero();
    for (int k = 2; k < 10; k++) {
      PurchaseCurve.Period period = curve.periods().get(k);
      assertThat(period.end()).isEqualTo(k + 1);
      assertThat(period.cumulativePredicted())
          .isCloseTo(MODEL.expectedPurchasesOfNewCustomer(k + 1 - 2.5), within(1e-12));
      assertThat(period.predictedPurchases())
          .isCloseTo(period.cumulativePredicted() - curve.periods().get(k - 1).cumulativePredicted(), within(1e-15));
      assertThat(period.cumulativeActual()).isEqualTo(k >= 4 ? 2 : 0);
    }
  }

  @Test
  void cdnowCalibrationTotalIsTracked() {
    // The CDNOW cohort made its first purchases in weeks 0 - 12 of 1997; the calibration ends at
    // week 38.86 (1997-09-30), so first purchase = 38.86 - T. The fitted model's expected
    // cumulative repeat purchases at the calibration end (2,494) come within 2% of the observed
    // 2,457, as in Fader, Hardie and Lee's cumulative tracking chart.
    Cdnow data = Cdnow.SUMMARY;
    BgNbd fitted = BgNbd.fit(data.buyers()).model();
    double[] first = Arrays.stream(data.T()).map(t -> Math.max(0, 38.86 - t)).toArray();
    PurchaseCurve curve = PurchaseCurve.of(fitted, first, 38.86, new long[] {2457});
    assertThat(curve.periods().get(0).cumulativePredicted()).isCloseTo(2457, within(0.02 * 2457));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> HoldoutEvaluation.of(MODEL, new int[] {0}, new double[] {0}, new double[] {1}, new int[] {-1}, 39, 7))
        .hasMessage("holdoutPurchases[0] must be >= 0, got -1");
    assertThatThrownBy(() -> HoldoutEvaluation.of(MODEL, new int[] {0}, new double[] {0}, new double[] {1}, new int[2], 39, 7))
        .hasMessageContaining("one count per customer");
    assertThatThrownBy(() -> PurchaseCurve.of(MODEL, new double[] {-1}, 1, new long[1]))
        .hasMessage("firstPurchase[0] must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> PurchaseCurve.of(MODEL, new double[] {1}, 0, new long[1]))
        .hasMessage("periodLength must be finite and > 0, got 0.0");
  }
}
