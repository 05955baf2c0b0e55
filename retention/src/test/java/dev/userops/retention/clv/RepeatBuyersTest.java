package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RepeatBuyersTest {

  @Test
  void compressesCdnowIntoDistinctHistories() {
    RepeatBuyers buyers = Cdnow.SUMMARY.buyers();
    assertThat(buyers.customers()).isEqualTo(2357);
    assertThat(buyers.rows()).isEqualTo(1016);
    long weights = 0;
    long repeats = 0;
    long zeros = 0;
    for (int row = 0; row < buyers.rows(); row++) {
      weights += buyers.weight(row);
      repeats += (long) buyers.weight(row) * buyers.x(row);
      zeros += buyers.x(row) == 0 ? buyers.weight(row) : 0;
      if (row > 0) {
        // Sorted by x, then t_x, then T, each row distinct.
        int order = Integer.compare(buyers.x(row - 1), buyers.x(row));
        order = order != 0 ? order : Double.compare(buyers.tx(row - 1), buyers.tx(row));
        order = order != 0 ? order : Double.compare(buyers.T(row - 1), buyers.T(row));
        assertThat(order).isNegative();
      }
    }
    // Issue 13 §2: the calibration summary has sum x = 2,457 and 1,411 customers at x = 0.
    assertThat(weights).isEqualTo(2357);
    assertThat(repeats).isEqualTo(2457);
    assertThat(zeros).isEqualTo(1411);
  }

  @Test
  void inputOrderDoesNotMatter() {
    Cdnow data = Cdnow.SUMMARY;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(5));
    int[] x = new int[data.size()];
    double[] tx = new double[data.size()];
    double[] T = new double[data.size()];
    for (int i = 0; i < x.length; i++) {
      int c = order.get(i);
      x[i] = data.x()[c];
      tx[i] = data.tx()[c];
      T[i] = data.T()[c];
    }
    RepeatBuyers shuffled = RepeatBuyers.of(x, tx, T);
    RepeatBuyers original = data.buyers();
    for (int row = 0; row < original.rows(); row++) {
      assertThat(shuffled.x(row)).isEqualTo(original.x(row));
      assertThat(shuffled.tx(row)).isEqualTo(original.tx(row));
      assertThat(shuffled.T(row)).isEqualTo(original.T(row));
      assertThat(shuffled.weight(row)).isEqualTo(original.weight(row));
    }
    assertThat(BgNbd.fit(shuffled)).isEqualTo(BgNbd.fit(original));
  }

  @Property(tries = 100)
  void compressedLikelihoodIsTheSumOverCustomers(@ForAll("customers") List<double[]> customers) {
    int n = customers.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] T = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (int) customers.get(i)[0];
      tx[i] = customers.get(i)[1];
      T[i] = customers.get(i)[2];
    }
    RepeatBuyers all = RepeatBuyers.of(x, tx, T);
    List<PurchaseModel> models =
        List.of(
            new BgNbd(0.24, 4.4, 0.79, 2.4),
            new MbgNbd(0.52, 6.2, 0.89, 1.6),
            new ParetoNbd(0.55, 10.6, 0.61, 11.7),
            new ParetoNbd(0.55, 12.6, 0.61, 3.7));
    for (PurchaseModel model : models) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += model.logLikelihood(RepeatBuyers.of(new int[] {x[i]}, new double[] {tx[i]}, new double[] {T[i]}));
      }
      assertThat(model.logLikelihood(all)).as(model.name()).isCloseTo(sum, within(1e-9 * Math.abs(sum)));
    }
  }

  @Provide
  Arbitrary<List<double[]>> customers() {
    // Days in weeks, as a summary in weeks has them, so histories repeat.
    Arbitrary<double[]> customer =
        Combinators.combine(
                Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 60))
            .as(
                (x, a, b) -> {
                  int age = Math.max(a, b);
                  int last = x == 0 ? 0 : Math.min(a, b);
                  return new double[] {x, last / 7.0, age / 7.0};
                });
    return customer.list().ofMinSize(1).ofMaxSize(200);
  }

  @Test
  void bothKernelPathsGiveTheSumOverCustomers() {
    // Many customers over five distinct times take the kernel's table of powers; one customer
    // (one row, two times) takes the per-row log-sum-exp. Both must give the same terms.
    Random random = new Random(11);
    int n = 500;
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] T = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 1 + random.nextInt(4);
      int a = random.nextInt(5);
      int b = random.nextInt(5);
      tx[i] = Math.min(a, b) * 3.5;
      T[i] = Math.max(a, b) * 3.5;
    }
    RepeatBuyers all = RepeatBuyers.of(x, tx, T);
    // 4 values of x times 15 (t_x, T) pairs: 15 rows per x over 5 distinct times.
    assertThat(all.rows()).isEqualTo(60);
    for (PurchaseModel model : List.<PurchaseModel>of(new BgNbd(0.24, 4.4, 0.79, 2.4), new MbgNbd(0.52, 6.2, 0.89, 1.6))) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += model.logLikelihood(RepeatBuyers.of(new int[] {x[i]}, new double[] {tx[i]}, new double[] {T[i]}));
      }
      assertThat(model.logLikelihood(all)).as(model.name()).isCloseTo(sum, within(1e-11 * Math.abs(sum)));
    }
  }

  @Test
  void singleCustomerLikelihoodOfBgNbd() {
    // The individual likelihood of Fader, Hardie and Lee (2005), written out for x = 2, t_x = 3,
    // T = 5 at r = alpha = a = b = 1: B(1, 3) / B(1, 1) * Γ(3) / Γ(1) * 1 / 6^3 + B(2, 2) / B(1, 1) *
    // Γ(3) / Γ(1) * 1 / 4^3 = (1/3) * 2 / 216 + (1/6) * 2 / 64.
    RepeatBuyers one = RepeatBuyers.of(new int[] {2}, new double[] {3}, new double[] {5});
    double expected = Math.log(2.0 / (3 * 216) + 2.0 / (6 * 64));
    assertThat(new BgNbd(1, 1, 1, 1).logLikelihood(one)).isCloseTo(expected, within(1e-13));
  }

  @Test
  void rejectsInvalidHistoriesNamingTheCustomer() {
    assertThatThrownBy(() -> RepeatBuyers.of(new int[] {1, 0}, new double[] {1, 1}, new double[] {2, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "customer 1: expected x >= 0, 0 <= tx <= T finite and tx = 0 when x = 0, got x 0, tx 1.0,"
                + " T 2.0");
    assertThatThrownBy(() -> RepeatBuyers.of(new int[] {1}, new double[] {3}, new double[] {2}))
        .hasMessageContaining("customer 0");
    assertThatThrownBy(() -> RepeatBuyers.of(new int[] {-1}, new double[] {0}, new double[] {2}))
        .hasMessageContaining("x -1");
    assertThatThrownBy(() -> RepeatBuyers.of(new int[] {0}, new double[] {0}, new double[] {Double.NaN}))
        .hasMessageContaining("T NaN");
    assertThatThrownBy(() -> RepeatBuyers.of(new int[] {0}, new double[] {0, 1}, new double[] {1}))
        .hasMessage("x, tx and T must have equal lengths, got 1, 2 and 1");
    assertThatThrownBy(() -> BgNbd.fit(RepeatBuyers.of(new int[0], new double[0], new double[0])))
        .hasMessage("cannot fit a model to no customers");
    assertThatThrownBy(() -> BgNbd.fit(RepeatBuyers.of(new int[] {0}, new double[] {0}, new double[] {0})))
        .hasMessage("cannot fit a model when every customer has T = 0");
  }

  @Test
  void negativeZeroIsZero() {
    RepeatBuyers buyers =
        RepeatBuyers.of(new int[] {0, 0}, new double[] {-0.0, 0.0}, new double[] {2, 2});
    assertThat(buyers.rows()).isEqualTo(1);
    assertThat(buyers.weight(0)).isEqualTo(2);
  }
}
