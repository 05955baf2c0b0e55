package dev.userops.retention.clv;

import java.util.List;
import java.util.function.Function;
import org.hipparchus.special.Gamma;

/**
 * What BG/NBD and MBG/NBD share. Both let a customer drop out with probability p ~ Beta(a, b) at a
 * purchase: BG/NBD after each repeat purchase, MBG/NBD also right after the first. With {@code k =
 * x + shift} (shift 0 for BG/NBD, 1 for MBG/NBD), the likelihood, P(alive) and E[Y(t)] of both are
 * the same expressions in k (Fader, Hardie and Lee 2005, equation 10 for E[Y(t)]; Batislam,
 * Denizel and Filiztekin 2007).
 */
final class BetaGeometric {
  static final List<String> NAMES = List.of("r", "alpha", "a", "b");

  private BetaGeometric() {}

  /** Fits the model of {@code shift} by maximum likelihood; {@code model} builds it from (r, α, a, b). */
  static <M> Fit<M> fit(RepeatBuyers buyers, int shift, Function<double[], M> model) {
    buyers.checkFittable();
    return MaximumLikelihood.fit(
        NAMES,
        new double[] {1, Parameters.rateScale(buyers), 1, 1},
        (p, data) -> logLikelihood(p[0], p[1], p[2], p[3], shift, data),
        buyers,
        buyers.coarse(),
        model,
        buyers.customers());
  }

  /**
   * The log-likelihood: for each customer, {@code ln Γ(r + x) - ln Γ(r) + r ln α + ln B(a, b + k) -
   * ln B(a, b) + ln[(α + T)^-(r + x) + [k > 0] a / (b + k - 1) (α + t_x)^-(r + x)]}.
   */
  static double logLikelihood(
      double r, double alpha, double a, double b, int shift, RepeatBuyers buyers) {
    double[] logTime = buyers.logShiftedTimes(alpha);
    double base = r * Math.log(alpha) - Gamma.logGamma(r) + Gamma.logGamma(a + b) - Gamma.logGamma(b);
    double logA = Math.log(a);
    Groups groups = buyers.groups;
    int[] start = groups.start();
    double sum = 0;
    for (int g = 0; g < groups.size(); g++) {
      int x = groups.x()[g];
      int k = x + shift;
      double rx = r + x;
      sum +=
          groups.weight()[g]
              * (base
                  + Gamma.logGamma(rx)
                  + Gamma.logGamma(b + k)
                  - Gamma.logGamma(a + b + k));
      int from = start[g];
      int to = start[g + 1];
      if (k == 0) {
        for (int row = from; row < to; row++) {
          sum -= buyers.weight[row] * rx * logTime[buyers.ageTime[row]];
        }
      } else {
        double logDropped = logA - Math.log(b + k - 1);
        for (int row = from; row < to; row++) {
          double alive = -rx * logTime[buyers.ageTime[row]];
          double dropped = logDropped - rx * logTime[buyers.txTime[row]];
          double high = Math.max(alive, dropped);
          // ln(1 + y) rather than log1p: the absolute error is below 1e-16 either way, and log is
          // an intrinsic.
          sum += buyers.weight[row] * (high + Math.log(1 + Math.exp(-Math.abs(alive - dropped))));
        }
      }
    }
    return sum;
  }

  /** P(alive) = 1 / (1 + [k > 0] a / (b + k - 1) ((α + T) / (α + t_x))^(r + x)). */
  static double probabilityAlive(
      double r, double alpha, double a, double b, int shift, int x, double tx, double age) {
    RepeatBuyers.checkHistory(x, tx, age);
    int k = x + shift;
    if (k == 0) {
      return 1;
    }
    double logOdds = Math.log(a / (b + k - 1)) + (r + x) * Math.log((alpha + age) / (alpha + tx));
    return 1 / (1 + Math.exp(logOdds));
  }

  /**
   * E[Y(t) | alive, x, T] = (a + b + k - 1) / (a - 1) [1 - ((α + T) / (α + T + t))^(r + x) 2F1(r +
   * x, b + k; a + b + k - 1; t / (α + T + t))], in the Euler-transformed form: E[Y(t) | x, t_x, T]
   * (Fader, Hardie and Lee 2005, equation 10) divided by P(alive).
   */
  static double expectedPurchasesIfAlive(
      double r, double alpha, double a, double b, int shift, double t, int x, double age) {
    RepeatBuyers.checkLength(t);
    RepeatBuyers.checkHistory(x, 0, age);
    double z = t / (alpha + age + t);
    return Hypergeometric.eulerBracket(a + b + shift - 1 - r, a - 1, a + b + x + shift - 1, z);
  }
}
