package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ParetoNbdTest {
  private static final Fit<ParetoNbd> FIT = ParetoNbd.fit(Cdnow.SUMMARY.buyers());

  @Test
  void fitsThePublishedParametersAndLogLikelihood() {
    ParetoNbd model = FIT.model();
    // Fader and Hardie, "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005):
    // r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0; to numpy's decimal=3
    // rule (|error| < 1.5e-3) as lifetimes' test_params_out_is_close_to_Hardie_paper applies it.
    // The likelihood is flat along beta (standard error about 6): its maximum is at 11.6679
    // (scipy's BFGS, Powell and Nelder-Mead agree), so the note's 11.669 is 0.0011 past it.
    assertThat(model.r()).isCloseTo(0.553, within(1.5e-3));
    assertThat(model.alpha()).isCloseTo(10.578, within(1.5e-3));
    assertThat(model.s()).isCloseTo(0.606, within(1.5e-3));
    assertThat(model.beta()).isCloseTo(11.669, within(1.5e-3));
    assertThat(FIT.logLikelihood()).isCloseTo(-9595.0, within(0.1));
    assertThat(FIT.estimate("beta").standardError().getAsDouble()).isBetween(5.0, 7.5);
  }

  @Test
  void customerPredictionsMatchPublishedValues() {
    // Issue 13 §3: customer 1516 of the CDNOW sample (x = 26, t_x = 30.86, T = 31) at the
    // parameters of pymc-marketing's tests/clv/models/test_pareto_nbd.py: P(alive) = 0.9979,
    // E[Y(52)] = 25.46. mpmath (40 digits) gives 25.4549 here and 25.4585 at the note's rounded
    // parameters, so the published 25.46 is the latter rounded.
    ParetoNbd pymc = new ParetoNbd(0.5534, 10.5802, 0.6061, 11.6562);
    assertThat(pymc.probabilityAlive(26, 30.86, 31)).isCloseTo(0.9979, within(5e-5));
    assertThat(pymc.expectedPurchases(52, 26, 30.86, 31)).isCloseTo(25.4549135115, within(1e-8));
    ParetoNbd note = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
    assertThat(note.expectedPurchases(52, 26, 30.86, 31)).isCloseTo(25.46, within(5e-3));
  }

  @Test
  void aliveProbabilityOrdersHistories() {
    ParetoNbd model = FIT.model();
    assertThat(model.probabilityAlive(0, 0, 30)).isBetween(0.0, 1.0);
    assertThat(model.probabilityAlive(5, 30, 31)).isGreaterThan(model.probabilityAlive(5, 5, 31));
    // t_x = T: the customer bought at the end, A0 = 0, and P(alive) = 1.
    assertThat(model.probabilityAlive(3, 31, 31)).isEqualTo(1);
    assertThat(model.probabilityAlive(400, 5, 37)).isBetween(0.0, 1e-100);
  }

  @Test
  void continuousThroughSEqualsOne() {
    ParetoNbd at = new ParetoNbd(0.55, 10.6, 1, 11.7);
    ParetoNbd near = new ParetoNbd(0.55, 10.6, 1 + 1e-9, 11.7);
    for (double t : new double[] {1, 39, 1000}) {
      double value = at.expectedPurchasesOfNewCustomer(t);
      assertThat(near.expectedPurchasesOfNewCustomer(t)).isCloseTo(value, within(1e-7 * value));
      double conditional = at.expectedPurchases(t, 4, 20, 30);
      assertThat(near.expectedPurchases(t, 4, 20, 30)).isCloseTo(conditional, within(1e-7 * conditional));
    }
  }

  @Test
  void newCustomerExpectationGrowsLikeTheLifetimeIntegral() {
    // r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)] at s = 2: r beta t / (alpha (beta + t)).
    ParetoNbd model = new ParetoNbd(0.5, 10, 2, 12);
    assertThat(model.expectedPurchasesOfNewCustomer(30)).isCloseTo(0.5 * 12 * 30 / (10 * 42.0), within(1e-14));
    assertThat(model.expectedPurchasesOfNewCustomer(0)).isZero();
  }
}
