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

  /**
   * From this a on, the moment expansion: Beta(a, b + x)'s standard deviation is below {@code
   * 1 / sqrt(a)} times its mean, so each term is some 5 times smaller than the last.
   */
  static final double MOMENTS_FROM_A = 30;

  private static final int MAX_MOMENTS = 1000;

  /** Powers scaled into [e^-600, 1] neither overflow nor lose their sum to underflow. */
  private static final double MAX_EXPONENT = 600;
  private static final double EPSILON = 0x1p-53;

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
    double[] power = new double[logTime.length];
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
      } else if (to - from >= logTime.length
          && rx * (logTime[logTime.length - 1] - logTime[0]) < MAX_EXPONENT) {
        // Many rows over few distinct times: (α + time)^-(r + x), scaled by (α + t_min)^(r + x)
        // so it stays in range, once per time; then one log per row instead of an exp and a log.
        double dropped = a / (b + k - 1);
        for (int i = 0; i < logTime.length; i++) {
          power[i] = Math.exp(-rx * (logTime[i] - logTime[0]));
        }
        double rows = 0;
        for (int row = from; row < to; row++) {
          double likelihood = power[buyers.ageTime[row]] + dropped * power[buyers.txTime[row]];
          rows += buyers.weight[row] * Math.log(likelihood);
        }
        sum += rows - groups.weight()[g] * rx * logTime[0];
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
   * x, b + k; a + b + k - 1; t / (α + T + t))]: E[Y(t) | x, t_x, T] (Fader, Hardie and Lee 2005,
   * equation 10) divided by P(alive).
   */
  static double expectedPurchasesIfAlive(
      double r, double alpha, double a, double b, int shift, double t, int x, double age) {
    RepeatBuyers.checkLength(t);
    RepeatBuyers.checkHistory(x, 0, age);
    return purchasesWhileAlive(a, b + x + shift, r + x, t / (alpha + age));
  }

  /**
   * E[(1 - (1 + p u)^-k) / p] for p ~ Beta(A, B): the expected purchases of a customer alive now,
   * whose purchase rate is Gamma(k, rate ρ) and drop-out probability p, in a period {@code u ρ} long
   * ((1 - e^(-λ p t)) / p, averaged over λ and p). As a 2F1 it is {@code (A + B - 1) / (A - 1) [1 -
   * (1 - z)^k 2F1(k, B; A + B - 1; z)]} with {@code z = u / (1 + u)}, which {@link
   * Hypergeometric#eulerBracket} sums while A is small. For large A (a fit where drop-out hardly
   * varies across customers drives a and b to infinity) that series needs about {@code A z / (1 -
   * z)} terms, each huge before they cancel, while Beta(A, B) is narrow: then the expectation is
   * summed as a Taylor series of the integrand around the mean m = A / (A + B) against the central
   * moments of Beta(A, B). Where that Taylor series does not converge (Beta(A, B) still wide
   * against the integrand's radius of convergence, e.g. A 31, B 67, k 30, u 3), the 2F1 series is
   * summed after all.
   */
  static double purchasesWhileAlive(double A, double B, double k, double u) {
    double expansion = A <= MOMENTS_FROM_A ? Double.NaN : momentExpansion(A, B, k, u);
    return Double.isFinite(expansion)
        ? expansion
        : Hypergeometric.eulerBracket(A + B - 1 - k, A - 1, A + B - 1, u / (1 + u));
  }

  /** The Taylor series of {@link #purchasesWhileAlive}; NaN or infinite when it does not converge. */
  private static double momentExpansion(double A, double B, double k, double u) {
    // h(p) = g(p) / p with g(p) = 1 - (1 + p u)^-k. Around m, with v = u / (1 + m u):
    // g(m + d) = 1 - (1 + m u)^-k sum_j (-k choose j) (v d)^j, and p h = g gives the Taylor
    // coefficients h_j = (g_j - h_(j-1)) / m. The central moments follow from the Beta density's
    // Pearson equation p (1 - p) f' = (A - 1 - (A + B - 2) p) f, integrated by parts:
    // mu_(j+1) = j [m (1 - m) mu_(j-1) + (1 - 2 m) mu_j] / (A + B + j), mu_0 = 1, mu_1 = 0.
    double n = A + B;
    double m = A / n;
    double log1pMu = Math.log1p(m * u);
    double v = u / (1 + m * u);
    double coefficient = -Math.exp(-k * log1pMu);
    double h = -Math.expm1(-k * log1pMu) / m;
    double sum = h;
    double previousMoment = 1;
    double moment = 0;
    double previousTerm = Double.POSITIVE_INFINITY;
    for (int j = 1; j < MAX_MOMENTS; j++) {
      coefficient *= -(k + j - 1) / j * v;
      h = (coefficient - h) / m;
      if (j > 1) {
        double next = (j - 1) * (m * (1 - m) * previousMoment + (1 - 2 * m) * moment) / (n + j - 1);
        previousMoment = moment;
        moment = next;
      }
      double term = h * moment;
      sum += term;
      if (!Double.isFinite(sum)) {
        return Double.NaN;
      }
      double smallest = EPSILON * Math.abs(sum);
      if (j > 2 && Math.abs(term) <= smallest && Math.abs(previousTerm) <= smallest) {
        return sum;
      }
      previousTerm = term;
    }
    return Double.NaN;
  }
}
