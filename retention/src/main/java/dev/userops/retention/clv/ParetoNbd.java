package dev.userops.retention.clv;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987), in the forms of Fader and Hardie's
 * note "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005): while alive, a
 * customer buys as a Poisson process with rate λ ~ Gamma(r, α); their lifetime is exponential with
 * rate μ ~ Gamma(s, β). Times, α and β included, are in the time unit of the data ({@link
 * RepeatBuyers}).
 *
 * @param r shape of the purchase rate's gamma distribution, finite and {@code > 0}
 * @param alpha scale of the purchase rate's gamma distribution, in the time unit, finite and
 *     {@code > 0}
 * @param s shape of the drop-out rate's gamma distribution, finite and {@code > 0}
 * @param beta scale of the drop-out rate's gamma distribution, in the time unit, finite and {@code
 *     > 0}
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements PurchaseModel {
  private static final List<String> NAMES = List.of("r", "alpha", "s", "beta");

  /**
   * Checks the parameters.
   *
   * @param r purchase-rate shape, finite and {@code > 0}
   * @param alpha purchase-rate scale, finite and {@code > 0}
   * @param s drop-out-rate shape, finite and {@code > 0}
   * @param beta drop-out-rate scale, finite and {@code > 0}
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public ParetoNbd {
    Parameters.requirePositive(NAMES, r, alpha, s, beta);
  }

  /**
   * Fits the model by maximum likelihood. The likelihood is flat along β on small data (CDNOW's
   * 2,357 customers: β's standard error is about half its value), so β settles less precisely
   * than the other parameters.
   *
   * @param buyers the customers, at least one with {@code T > 0}
   * @return the fit: parameters, log-likelihood, standard errors and 95% intervals
   * @throws NullPointerException if {@code buyers} is null
   * @throws IllegalArgumentException if there are no customers or every T is 0
   * @throws IllegalStateException if the search does not converge within 10,000 evaluations
   */
  public static Fit<ParetoNbd> fit(RepeatBuyers buyers) {
    buyers.checkFittable();
    return MaximumLikelihood.fit(
        NAMES,
        new double[] {1, Parameters.rateScale(buyers), 1, buyers.meanAge},
        (p, data) -> logLikelihood(p[0], p[1], p[2], p[3], data),
        buyers,
        buyers.coarse(),
        p -> new ParetoNbd(p[0], p[1], p[2], p[3]),
        buyers.customers());
  }

  @JsonProperty("name")
  @Override
  public String name() {
    return "PARETO_NBD";
  }

  @Override
  public double logLikelihood(RepeatBuyers buyers) {
    return logLikelihood(r, alpha, s, beta, buyers);
  }

  /**
   * The note's likelihood per customer: {@code ln Γ(r + x) - ln Γ(r) + r ln α + s ln β + ln[(α +
   * T)^-(r + x) (β + T)^-s + s / (r + s + x) A0]}.
   */
  private static double logLikelihood(
      double r, double alpha, double s, double beta, RepeatBuyers buyers) {
    double[] logAlphaTime = buyers.logShiftedTimes(alpha);
    double[] logBetaTime = buyers.logShiftedTimes(beta);
    double base = r * Math.log(alpha) + s * Math.log(beta) - Gamma.logGamma(r);
    double logS = Math.log(s);
    Groups groups = buyers.groups;
    int[] start = groups.start();
    double sum = 0;
    for (int g = 0; g < groups.size(); g++) {
      int x = groups.x()[g];
      double rx = r + x;
      sum += groups.weight()[g] * (base + Gamma.logGamma(rx));
      double logWeight = logS - Math.log(rx + s);
      for (int row = start[g]; row < start[g + 1]; row++) {
        int age = buyers.ageTime[row];
        double alive = -rx * logAlphaTime[age] - s * logBetaTime[age];
        double dropped =
            logWeight
                + logA0(r, alpha, s, beta, x, buyers.times[buyers.txTime[row]], buyers.times[age]);
        double high = Math.max(alive, dropped);
        sum += buyers.weight[row] * (high + Math.log(1 + Math.exp(-Math.abs(alive - dropped))));
      }
    }
    return sum;
  }

  /**
   * ln A0 of the note: with m = max(α, β), {@code A0 = F(t_x) / (m +
   * t_x)^(r + s + x) - F(T) / (m + T)^(r + s + x)}, F a 2F1 in {@code |α - β| / (m + time)}, taken
   * in logs because the powers overflow for large x. -Infinity when t_x = T.
   */
  private static double logA0(
      double r, double alpha, double s, double beta, int x, double tx, double age) {
    double rsx = r + s + x;
    double max = Math.max(alpha, beta);
    double gap = Math.abs(alpha - beta);
    double second = alpha >= beta ? s + 1 : r + x;
    double f1 = Hypergeometric.f21(rsx, second, rsx + 1, gap / (max + tx));
    double f2 = Hypergeometric.f21(rsx, second, rsx + 1, gap / (max + age));
    double logQ1 = Math.log(max + tx);
    double logQ2 = Math.log(max + age);
    return Math.log(f1) - rsx * logQ1 + Math.log1p(-f2 / f1 * Math.exp(-rsx * (logQ2 - logQ1)));
  }

  /**
   * {@inheritDoc} From the note: {@code 1 / (1 + s / (r + s + x) (α + T)^(r + x) (β +
   * T)^s A0)}.
   */
  @Override
  public double probabilityAlive(int x, double tx, double T) {
    RepeatBuyers.checkHistory(x, tx, T);
    double logOdds =
        Math.log(s / (r + s + x))
            + (r + x) * Math.log(alpha + T)
            + s * Math.log(beta + T)
            + logA0(r, alpha, s, beta, x, tx, T);
    return 1 / (1 + Math.exp(logOdds));
  }

  /**
   * {@inheritDoc} From the note: {@code (r + x)(β + T) / ((α + T)(s - 1)) [1 - ((β + T) / (β + T +
   * t))^(s - 1)]}, continuous through {@code s = 1}.
   */
  @Override
  public double expectedPurchasesIfAlive(double t, int x, double T) {
    RepeatBuyers.checkLength(t);
    RepeatBuyers.checkHistory(x, 0, T);
    return (r + x) * (beta + T) / (alpha + T) * lifetimeIntegral(t / (beta + T));
  }

  /**
   * {@inheritDoc} From the note: {@code r β / (α (s - 1)) [1 - (β / (β + t))^(s - 1)]},
   * continuous through {@code s = 1}.
   */
  @Override
  public double expectedPurchasesOfNewCustomer(double t) {
    RepeatBuyers.checkLength(t);
    return r * beta / alpha * lifetimeIntegral(t / beta);
  }

  /** {@code [1 - (1 + u)^-(s - 1)] / (s - 1)}, and {@code ln(1 + u)} at {@code s = 1}. */
  private double lifetimeIntegral(double u) {
    double log1pU = Math.log1p(u);
    return s == 1 ? log1pU : -Math.expm1(-(s - 1) * log1pU) / (s - 1);
  }
}
