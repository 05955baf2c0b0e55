package dev.userops.retention.clv;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way"): while
 * alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each repeat purchase
 * they drop out with probability p ~ Beta(a, b), so one who never came back is certainly alive
 * (P(alive) is 1 when {@code x = 0}). Times, α included, are in the time unit of the data ({@link
 * RepeatBuyers}).
 *
 * @param r shape of the purchase rate's gamma distribution, finite and {@code > 0}
 * @param alpha scale of the purchase rate's gamma distribution, in the time unit, finite and
 *     {@code > 0}
 * @param a first shape of the drop-out probability's beta distribution, finite and {@code > 0}
 * @param b second shape of the drop-out probability's beta distribution, finite and {@code > 0}
 */
public record BgNbd(double r, double alpha, double a, double b) implements BetaGeometricModel {
  /**
   * Checks the parameters.
   *
   * @param r gamma shape, finite and {@code > 0}
   * @param alpha gamma scale, finite and {@code > 0}
   * @param a beta shape, finite and {@code > 0}
   * @param b beta shape, finite and {@code > 0}
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public BgNbd {
    Parameters.requirePositive(BetaGeometric.NAMES, r, alpha, a, b);
  }

  /**
   * Fits the model by maximum likelihood.
   *
   * @param buyers the customers, at least one with {@code T > 0}
   * @return the fit: parameters, log-likelihood, standard errors and 95% intervals
   * @throws NullPointerException if {@code buyers} is null
   * @throws IllegalArgumentException if there are no customers or every T is 0
   * @throws IllegalStateException if the search does not converge within 10,000 evaluations
   */
  public static Fit<BgNbd> fit(RepeatBuyers buyers) {
    return BetaGeometric.fit(buyers, 0, p -> new BgNbd(p[0], p[1], p[2], p[3]));
  }

  @JsonProperty("name")
  @Override
  public String name() {
    return "BG_NBD";
  }

  /**
   * {@inheritDoc} E[X(t)] = (a + b - 1) / (a - 1) [1 - (α / (α + t))^r 2F1(r, b; a + b - 1; t / (α
   * + t))] (Fader, Hardie and Lee 2005, equation 9), continuous through {@code a = 1}.
   */
  @Override
  public double expectedPurchasesOfNewCustomer(double t) {
    RepeatBuyers.checkLength(t);
    return BetaGeometric.purchasesWhileAlive(a, b, r, t / alpha);
  }

  /**
   * P(X(t) = n): the probability that a new customer makes exactly {@code n} repeat purchases in
   * {@code (0, t]} (Fader, Hardie and Lee 2005, equation 8). The tail sum of the negative binomial
   * is the regularized incomplete beta function, so no terms cancel.
   *
   * @param n the count, {@code >= 0}
   * @param t time since the first purchase, {@code >= 0} and finite
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException if {@code n} or {@code t} is out of range
   */
  public double probabilityOfPurchases(int n, double t) {
    RepeatBuyers.checkLength(t);
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double logStay = Math.log(alpha / (alpha + t));
    double logBuy = Math.log(t / (alpha + t));
    double logBetaAb = Beta.logBeta(a, b);
    double alive =
        Math.exp(
            Beta.logBeta(a, b + n)
                - logBetaAb
                + Gamma.logGamma(r + n)
                - Gamma.logGamma(r)
                - Gamma.logGamma(n + 1.0)
                + r * logStay
                + n * logBuy);
    if (n == 0) {
      return alive;
    }
    // Dropped out after the n-th purchase: P(NBD count >= n) = I_{t / (α + t)}(n, r).
    double dropped =
        Math.exp(Beta.logBeta(a + 1, b + n - 1) - logBetaAb)
            * Beta.regularizedBeta(t / (alpha + t), n, r);
    return alive + dropped;
  }
}
