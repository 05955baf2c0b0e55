package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GammaGammaTest {
  private static final Cdnow DATA = Cdnow.SUMMARY;
  private static final Fit<GammaGamma> FIT = GammaGamma.fit(DATA.x(), DATA.zbar());

  @Test
  void fitsThePublishedParametersOnTheRepeatCustomers() {
    GammaGamma model = FIT.model();
    // Fader and Hardie (2013), "The Gamma-Gamma Model of Monetary Value", on the 946 CDNOW
    // customers with repeat purchases: p = 6.25, q = 3.74, gamma = 15.44, LL = -4055.92; lifetimes'
    // TestGammaGammaFitter holds them to numpy's decimal=2 (|error| < 1.5e-2). The lifetimes
    // Quickstart prints p 6.25, q 3.74, v 15.45: the maximum is at gamma = 15.4477.
    assertThat(FIT.customers()).isEqualTo(946);
    assertThat(model.p()).isCloseTo(6.25, within(5e-3));
    assertThat(model.q()).isCloseTo(3.74, within(5e-3));
    assertThat(model.gamma()).isCloseTo(15.44, within(1.5e-2));
    assertThat(model.gamma()).isCloseTo(15.45, within(5e-3));
    assertThat(FIT.logLikelihood()).isCloseTo(-4055.92, within(5e-3));
    assertThat(model.logLikelihood(DATA.x(), DATA.zbar())).isCloseTo(FIT.logLikelihood(), within(1e-9));
  }

  @Test
  void expectedAverageSpendMatchesTheQuickstart() {
    // The lifetimes Quickstart: conditional_expected_average_profit for customers 1, 2, 3, 6, 9,
    // and its mean over all 2,357 customers, 35.2529588256.
    int[] ids = {1, 2, 3, 6, 9};
    double[] expected = {24.658619, 18.911489, 35.170981, 71.462843, 27.282408};
    GammaGamma model = FIT.model();
    for (int i = 0; i < ids.length; i++) {
      int c = DATA.indexOf(ids[i]);
      assertThat(model.expectedAverageSpend(DATA.x()[c], DATA.zbar()[c]))
          .as("customer %s", ids[i])
          .isCloseTo(expected[i], within(5e-6 * expected[i]));
    }
    double sum = 0;
    for (int c = 0; c < DATA.size(); c++) {
      sum += model.expectedAverageSpend(DATA.x()[c], DATA.zbar()[c]);
    }
    assertThat(sum / DATA.size()).isCloseTo(35.2529588, within(5e-6 * 35.25));
  }

  @Test
  void centsInsteadOfDollarsScaleGammaOnly() {
    double[] cents = Arrays.stream(DATA.zbar()).map(z -> 100 * z).toArray();
    Fit<GammaGamma> inCents = GammaGamma.fit(DATA.x(), cents);
    GammaGamma dollars = FIT.model();
    GammaGamma scaled = inCents.model();
    // Equal to the optimizer's precision along the likelihood's flat ridge in (p, gamma).
    assertThat(scaled.p()).isCloseTo(dollars.p(), within(1e-5 * dollars.p()));
    assertThat(scaled.q()).isCloseTo(dollars.q(), within(1e-5 * dollars.q()));
    assertThat(scaled.gamma()).isCloseTo(100 * dollars.gamma(), within(1e-5 * 100 * dollars.gamma()));
    // The density of a mean spend in cents is a hundredth of that in dollars, per customer.
    assertThat(inCents.logLikelihood())
        .isCloseTo(FIT.logLikelihood() - 946 * Math.log(100), within(1e-6));
    // So are the standard errors: p's and q's equal, gamma's times 100.
    for (String name : new String[] {"p", "q", "gamma"}) {
      double factor = name.equals("gamma") ? 100 : 1;
      double error = FIT.estimate(name).standardError().getAsDouble();
      assertThat(inCents.estimate(name).standardError().getAsDouble())
          .isCloseTo(factor * error, within(1e-4 * factor * error));
    }
  }

  @Test
  void customersWithoutRepeatPurchasesGetThePopulationMean() {
    GammaGamma model = new GammaGamma(6, 4, 15);
    assertThat(model.expectedAverageSpend(0, 0)).isEqualTo(6 * 15 / 3.0);
    assertThat(model.expectedAverageSpend(0, 99)).isEqualTo(6 * 15 / 3.0);
    // Many purchases pull the estimate to the customer's own mean.
    assertThat(model.expectedAverageSpend(10_000, 50)).isCloseTo(50, within(0.01));
    assertThat(new GammaGamma(6, 0.5, 15).expectedAverageSpend(0, 0)).isInfinite();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> GammaGamma.fit(new int[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equal lengths");
    assertThatThrownBy(() -> GammaGamma.fit(new int[] {1, 2}, new double[] {1, Double.NaN}))
        .hasMessageContaining("customer 1");
    assertThatThrownBy(() -> GammaGamma.fit(new int[] {1, 0}, new double[] {1, 0}))
        .hasMessageContaining("at least 2 customers");
    assertThatThrownBy(() -> new GammaGamma(1, 0, 1)).hasMessage("q must be finite and > 0, got 0.0");
  }
}
