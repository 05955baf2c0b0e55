package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClvTest {
  private static final Cdnow DATA = Cdnow.SUMMARY;
  private static final BgNbd MODEL = BgNbd.fit(DATA.buyers()).model();
  private static final GammaGamma SPEND = GammaGamma.fit(DATA.x(), DATA.zbar()).model();

  @Test
  void reproducesTheQuickstartOnlyWhenWeeksAreReadAsDays() {
    // The lifetimes Quickstart's customer_lifetime_value(bgf, ..., time=12, discount_rate=0.01)
    // for customers 1, 2, 3, 6, 9 of the weekly CDNOW summary: 140.096211, 18.943467, 38.180574,
    // 1003.868107, 167.418216. Its default freq="D" counts 30 units to a month, here 30 weeks
    // (lifetimes issues #137 and #194): the same numbers come out only with a 1-day unit and
    // 30-day periods.
    ClvHorizon weeksAsDays = new ClvHorizon(1, 30, 12, 0.01);
    int[] ids = {1, 2, 3, 6, 9};
    double[] lifetimes = {140.096211, 18.943467, 38.180574, 1003.868107, 167.418216};
    for (int i = 0; i < ids.length; i++) {
      int c = DATA.indexOf(ids[i]);
      double spend = SPEND.expectedAverageSpend(DATA.x()[c], DATA.zbar()[c]);
      assertThat(MODEL.clv(DATA.x()[c], DATA.tx()[c], DATA.T()[c], spend, weeksAsDays))
          .as("customer %s", ids[i])
          .isCloseTo(lifetimes[i], within(1e-5 * lifetimes[i]));
    }
    // In weeks, as the data are, twelve months are 52.2 weeks: customer 1 is worth 36.30, not
    // 140.10 (mpmath at the Quickstart's parameters: 36.2999).
    int first = DATA.indexOf(1);
    double spend = SPEND.expectedAverageSpend(DATA.x()[first], DATA.zbar()[first]);
    assertThat(MODEL.clv(2, 30.43, 38.86, spend, ClvHorizon.months(7, 12, 0.01)))
        .isCloseTo(36.2999, within(1e-3));
  }

  @Test
  void valueDoesNotDependOnTheDataTimeUnit() {
    // The same customers in days: the fit's alpha is 7 times larger and the value, horizon in
    // days, is the same.
    double[] txDays = Arrays.stream(DATA.tx()).map(t -> 7 * t).toArray();
    double[] ageDays = Arrays.stream(DATA.T()).map(t -> 7 * t).toArray();
    BgNbd daily = BgNbd.fit(RepeatBuyers.of(DATA.x(), txDays, ageDays)).model();
    assertThat(daily.alpha()).isCloseTo(7 * MODEL.alpha(), within(1e-5 * 7 * MODEL.alpha()));
    ClvHorizon weeks = ClvHorizon.months(7, 12, 0.01);
    ClvHorizon days = ClvHorizon.months(1, 12, 0.01);
    double weekly = MODEL.clv(7, 29.43, 38.86, 70, weeks);
    assertThat(daily.clv(7, 7 * 29.43, 7 * 38.86, 70, days)).isCloseTo(weekly, within(1e-5 * weekly));
  }

  @Test
  void withoutDiscountTheValueIsTheExpectedPurchasesTimesSpend() {
    ClvHorizon year = new ClvHorizon(7, 7, 52, 0);
    assertThat(MODEL.discountedPurchases(2, 30.43, 38.86, year))
        .isCloseTo(MODEL.expectedPurchases(52, 2, 30.43, 38.86), within(1e-12));
    double discounted = MODEL.discountedPurchases(2, 30.43, 38.86, new ClvHorizon(7, 7, 52, 0.002));
    assertThat(discounted).isLessThan(MODEL.expectedPurchases(52, 2, 30.43, 38.86));
    assertThat(MODEL.clv(2, 30.43, 38.86, 0, year)).isZero();
  }

  @Test
  void bulkMethodsEqualTheOnesPerCustomer() {
    double[] spend = new double[DATA.size()];
    for (int c = 0; c < spend.length; c++) {
      spend[c] = SPEND.expectedAverageSpend(DATA.x()[c], DATA.zbar()[c]);
    }
    ClvHorizon horizon = ClvHorizon.months(7, 12, 0.01);
    for (PurchaseModel model :
        new PurchaseModel[] {MODEL, new ParetoNbd(0.553, 10.578, 0.606, 11.669), new MbgNbd(0.525, 6.183, 0.891, 1.614)}) {
      double[] expected = model.expectedPurchases(39, DATA.x(), DATA.tx(), DATA.T());
      double[] values = model.clv(DATA.x(), DATA.tx(), DATA.T(), spend, horizon);
      for (int c = 0; c < spend.length; c++) {
        assertThat(expected[c]).isEqualTo(model.expectedPurchases(39, DATA.x()[c], DATA.tx()[c], DATA.T()[c]));
        assertThat(values[c]).isEqualTo(model.clv(DATA.x()[c], DATA.tx()[c], DATA.T()[c], spend[c], horizon));
      }
    }
  }

  @Test
  void bulkMethodsNameTheBadCustomer() {
    assertThatThrownBy(() -> MODEL.expectedPurchases(1, new int[] {1, 0}, new double[] {1, 1}, new double[] {2, 2}))
        .hasMessageStartingWith("customer 1: expected x >= 0");
    assertThatThrownBy(
            () -> MODEL.clv(new int[] {1}, new double[] {1}, new double[] {2}, new double[] {-1}, ClvHorizon.months(7, 1, 0)))
        .hasMessage("customer 0: averageSpend must be >= 0, got -1.0");
    assertThatThrownBy(() -> MODEL.expectedPurchases(1, new int[] {1}, new double[] {1, 2}, new double[] {2}))
        .hasMessage("x, tx and T must have equal lengths, got 1, 2 and 1");
  }

  @Test
  void horizonRejectsNonsense() {
    assertThat(ClvHorizon.months(7, 12, 0.01).periodLength()).isCloseTo(365.2425 / 12 / 7, within(1e-15));
    assertThatThrownBy(() -> new ClvHorizon(0, 30, 12, 0.01)).hasMessage("unitDays must be > 0, got 0.0");
    assertThatThrownBy(() -> new ClvHorizon(7, Double.NaN, 12, 0.01)).hasMessage("periodDays must be > 0, got NaN");
    assertThatThrownBy(() -> new ClvHorizon(7, 30, 0, 0.01)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClvHorizon(7, 30, 12, -0.5)).hasMessage("discountRate must be >= 0, got -0.5");
  }
}
