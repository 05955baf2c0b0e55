package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MbgNbdTest {
  private static final Fit<MbgNbd> FIT = MbgNbd.fit(Cdnow.SUMMARY.buyers());

  @Test
  void fitsThePublishedParameters() {
    MbgNbd model = FIT.model();
    // BTYDplus (Platzer) on the CDNOW sample, as lifetimes' test_params_out_is_close_to_BTYDplus
    // checks it (numpy decimal=3: |error| < 1.5e-3): r 0.525, alpha 6.183, a 0.891, b 1.614.
    assertThat(model.r()).isCloseTo(0.525, within(1.5e-3));
    assertThat(model.alpha()).isCloseTo(6.183, within(1.5e-3));
    assertThat(model.a()).isCloseTo(0.891, within(1.5e-3));
    assertThat(model.b()).isCloseTo(1.614, within(1.5e-3));
    // The drop-out at the first purchase explains the data slightly better than BG/NBD.
    assertThat(FIT.logLikelihood()).isGreaterThan(BgNbd.fit(Cdnow.SUMMARY.buyers()).logLikelihood());
  }

  @Test
  void customerWithoutRepeatPurchasesMayHaveDroppedOut() {
    MbgNbd model = FIT.model();
    assertThat(model.probabilityAlive(0, 0, 1)).isLessThan(1);
    assertThat(model.probabilityAlive(0, 0, 30)).isLessThan(model.probabilityAlive(0, 0, 1));
  }

  @Test
  void predictionsAreCloseToBgNbdOnCdnow() {
    // lifetimes' MBG/NBD tests hold it to the BG/NBD spreadsheet within 5%.
    MbgNbd model = FIT.model();
    assertThat(model.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.05));
    double[] t = {1, 3, 31.8571, 78};
    double[] bgNbd = {0.0532, 0.1506, 1.0405, 1.8576};
    for (int i = 0; i < t.length; i++) {
      assertThat(model.expectedPurchasesOfNewCustomer(t[i])).isCloseTo(bgNbd[i], within(0.05 * bgNbd[i]));
    }
  }

  @Test
  void continuousThroughAEqualsOne() {
    MbgNbd at = new MbgNbd(0.5, 6, 1, 1.6);
    MbgNbd near = new MbgNbd(0.5, 6, 1 - 1e-8, 1.6);
    for (double t : new double[] {0.5, 39, 500}) {
      double value = at.expectedPurchasesOfNewCustomer(t);
      assertThat(near.expectedPurchasesOfNewCustomer(t)).isCloseTo(value, within(1e-6 * value));
      double conditional = at.expectedPurchases(t, 0, 0, 30);
      assertThat(near.expectedPurchases(t, 0, 0, 30)).isCloseTo(conditional, within(1e-6 * conditional));
    }
  }
}
