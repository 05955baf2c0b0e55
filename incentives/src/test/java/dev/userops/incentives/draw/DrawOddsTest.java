package dev.userops.incentives.draw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.incentives.OutcomeStatus;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A chi-square goodness-of-fit test of the stated odds over 10^6 draws per program. The key and
 * event ids are fixed, so each statistic is one fixed number, never flaky: the test asserts it
 * below the chi-square critical value at significance 0.001 for its degrees of freedom, from the
 * NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.4, "Critical Values of the
 * Chi-Square Distribution" (https://www.itl.nist.gov/div898/handbook/eda/section3/eda3674.htm),
 * upper tail 0.001. A draw off by 1% relative on a 30% prize adds about 30 to the statistic.
 */
class DrawOddsTest {
  private static final int DRAWS = 1_000_000;
  /** Upper-tail 0.001 critical values by degrees of freedom 1 to 6 (NIST table above). */
  private static final double[] CRITICAL_0_001 = {Double.NaN, 10.828, 13.816, 16.266, 18.467, 20.515, 22.458};
  private static final DrawKey KEY = DrawKey.fromHex("2f1c8e0b5a7d4c3e9b6a1f0e8d7c6b5a");

  /** Counts what 10^6 draws of event ids {@code "order-0"…} award, on a fresh state each. */
  private static Map<String, Long> counts(DrawPolicy policy, List<String> outOfStock) {
    Map<String, Long> counts = new LinkedHashMap<>();
    DrawRequest request = DrawRequest.create().atMillis(0).amountMinor(100_000).outOfStock(policy.stockMask(outOfStock));
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < DRAWS; i++) {
      id.setLength(0);
      long code = policy.draw(policy.newState(), request.eventId(id.append("order-").append(i)));
      assertThat(DrawPolicy.status(code)).isEqualTo(OutcomeStatus.APPLIED);
      counts.merge(String.valueOf(policy.awarded(code)), 1L, Long::sum);
    }
    return counts;
  }

  /** Pearson's statistic of {@code counts} against {@code probabilities}, asserted under the critical value. */
  private static double assertFits(Map<String, Long> counts, Map<String, Double> probabilities) {
    assertThat(counts.keySet()).isSubsetOf(probabilities.keySet());
    double statistic = 0;
    for (Map.Entry<String, Double> category : probabilities.entrySet()) {
      double expected = DRAWS * category.getValue();
      assertThat(expected).as("expected count of %s", category.getKey()).isGreaterThanOrEqualTo(5);
      double observed = counts.getOrDefault(category.getKey(), 0L);
      statistic += (observed - expected) * (observed - expected) / expected;
    }
    int degrees = probabilities.size() - 1;
    assertThat(statistic).as("chi-square over %s with %s degrees of freedom", counts, degrees)
        .isLessThan(CRITICAL_0_001[degrees]);
    return statistic;
  }

  @Test
  void exactDecimalProbabilities() {
    DrawPolicy policy = DrawProgram.fromJson(DrawProgramTest.EXAMPLE).withGuarantee(null).policy(ZoneId.of("UTC"), KEY);
    assertFits(counts(policy, List.of()),
        Map.of("phone", 0.001, "voucher-50", 0.05, "voucher-10", 0.3, "coupon-2", 0.649));
  }

  @Test
  void weightsWithAPrizeOutOfStockSharedProportionally() {
    DrawProgram program = DrawProgram.of("weights", 1, List.of(
            DrawProgram.Prize.weighted("a", 1, 0L, 900),
            DrawProgram.Prize.weighted("b", 2, 10L, 500),
            DrawProgram.Prize.weighted("c", 3, null, 300),
            DrawProgram.Prize.weighted("d", 4, null, 100)))
        .withMissWeight(10)
        .withOutOfStock(DrawProgram.OutOfStock.PROPORTIONAL);
    // Without b: weights 1, 3, 4 and a miss of 10, of 18; the miss awards nothing ("null").
    assertFits(counts(program.policy(ZoneId.of("UTC"), KEY), List.of("b")),
        Map.of("a", 1 / 18.0, "c", 3 / 18.0, "d", 4 / 18.0, "null", 10 / 18.0));
  }

  @Test
  void aPrizeOutOfStockAwardingTheConsolationInPlace() {
    DrawProgram program = DrawProgram.of("in-place", 1, List.of(
            DrawProgram.Prize.withProbability("a", "0.125", 3L, 900),
            DrawProgram.Prize.withProbability("b", "0.25", null, 500),
            DrawProgram.Prize.withProbability("c", "0.0625", null, 300)))
        .withConsolation(new DrawProgram.Consolation("thanks", 10));
    // a's slot awards the consolation: 0.125 + the miss 0.5625.
    assertFits(counts(program.policy(ZoneId.of("UTC"), KEY), List.of("a")),
        Map.of("b", 0.25, "c", 0.0625, "thanks", 0.6875));
  }

  @Test
  void theGuaranteeMovesOnlyTheLowerSlots() {
    DrawPolicy policy = DrawProgram.fromJson(DrawProgramTest.EXAMPLE).policy(ZoneId.of("UTC"), KEY);
    // Every event spends 1000.00 >= the guarantee's 300.00: the miss's 0.649 joins voucher-10.
    assertFits(counts(policy, List.of()), Map.of("phone", 0.001, "voucher-50", 0.05, "voucher-10", 0.949));
  }
}
