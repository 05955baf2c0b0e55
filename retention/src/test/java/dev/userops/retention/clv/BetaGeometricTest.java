package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;

class BetaGeometricTest {

  @Example
  void whereTheMomentExpansionDivergesTheSeriesIsSummed() {
    // Found by the property below (seed -5899767241475037077): the expansion went to infinity.
    assertThat(BetaGeometric.purchasesWhileAlive(31, 66.91, 29.8, 3.0)).isCloseTo(
        Hypergeometric.eulerBracket(31 + 66.91 - 1 - 29.8, 30, 31 + 66.91 - 1, 0.75), within(1e-12));
    assertThat(BetaGeometric.purchasesWhileAlive(31, 209.94, 30, 2.49)).isCloseTo(7.993236288490752, within(1e-8));
  }

  @Property(tries = 1000)
  void momentExpansionAgreesWithTheSeriesWhereBothWork(
      @ForAll @DoubleRange(min = 31, max = 150) double a,
      @ForAll @DoubleRange(min = 0.2, max = 400) double b,
      @ForAll @DoubleRange(min = 0.05, max = 30) double k,
      @ForAll @DoubleRange(min = 0, max = 3) double u) {
    double series = Hypergeometric.eulerBracket(a + b - 1 - k, a - 1, a + b - 1, u / (1 + u));
    assertThat(BetaGeometric.purchasesWhileAlive(a, b, k, u))
        .isCloseTo(series, within(1e-9 * Math.max(series, 1e-3)));
  }

  @Test
  void momentExpansionMatchesQuadratureForNearlyConstantDropOut() {
    // Parameters like a fit to data whose drop-out barely varies (SyntheticShop's: a 57,000),
    // where the series would need millions of terms: E[(1 - (1 + p u)^-k) / p], p ~ Beta(A, B),
    // integrated numerically around the mean.
    double[][] cases = {{57_201, 476_474, 3.6, 12}, {5_000, 3, 1.2, 40}, {40, 900, 0.3, 0.7}};
    for (double[] c : cases) {
      double A = c[0];
      double B = c[1];
      double k = c[2];
      double u = c[3];
      double m = A / (A + B);
      double sd = Math.sqrt(m * (1 - m) / (A + B + 1));
      double logNorm = Beta.logBeta(A, B);
      IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(32, 1e-13, 1e-15);
      double expected =
          integrator.integrate(
              100_000,
              p ->
                  -Math.expm1(-k * Math.log1p(p * u))
                      / p
                      * Math.exp((A - 1) * Math.log(p) + (B - 1) * Math.log1p(-p) - logNorm),
              Math.max(1e-300, m - 30 * sd),
              Math.min(1 - 1e-16, m + 30 * sd));
      assertThat(BetaGeometric.purchasesWhileAlive(A, B, k, u)).isCloseTo(expected, within(1e-9 * expected));
    }
  }

  @Test
  void degenerateFitStillPredicts() {
    // a and b in the tens of thousands: every prediction finite and ordered as it should be.
    BgNbd model = new BgNbd(0.615, 0.796, 57_201.8, 476_474.7);
    double expected = model.expectedPurchases(26, 5, 40, 60);
    assertThat(expected).isPositive().isFinite();
    assertThat(model.expectedPurchases(52, 5, 40, 60)).isGreaterThan(expected);
    assertThat(model.expectedPurchasesOfNewCustomer(78)).isPositive().isFinite();
    assertThat(model.clv(5, 40, 60, 5000, ClvHorizon.months(7, 12, 0.01))).isPositive().isFinite();
  }
}
