package dev.userops.retention.clv;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The MBG/NBD model (Batislam, Denizel and Filiztekin 2007): BG/NBD where a customer may also drop
 * out right after the first purchase, so one who never came back is not certainly alive. While
 * alive, purchases are Poisson with rate λ ~ Gamma(r, α); at each purchase, the first included,
 * the customer drops out with probability p ~ Beta(a, b). Times, α included, are in the time unit
 * of the data ({@link RepeatBuyers}).
 *
 * @param r shape of the purchase rate's gamma distribution, finite and {@code > 0}
 * @param alpha scale of the purchase rate's gamma distribution, in the time unit, finite and
 *     {@code > 0}
 * @param a first shape of the drop-out probability's beta distribution, finite and {@code > 0}
 * @param b second shape of the drop-out probability's beta distribution, finite and {@code > 0}
 */
public record MbgNbd(double r, double alpha, double a, double b) implements BetaGeometricModel {
  /**
   * Checks the parameters.
   *
   * @param r gamma shape, finite and {@code > 0}
   * @param alpha gamma scale, finite and {@code > 0}
   * @param a beta shape, finite and {@code > 0}
   * @param b beta shape, finite and {@code > 0}
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public MbgNbd {
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
  public static Fit<MbgNbd> fit(RepeatBuyers buyers) {
    return BetaGeometric.fit(buyers, 1, p -> new MbgNbd(p[0], p[1], p[2], p[3]));
  }

  @JsonProperty("name")
  @Override
  public String name() {
    return "MBG_NBD";
  }

  /**
   * {@inheritDoc} E[X(t)] = b / (a - 1) [1 - (α / (α + t))^r 2F1(r, b + 1; a + b; t / (α + t))],
   * continuous through {@code a = 1}.
   */
  @Override
  public double expectedPurchasesOfNewCustomer(double t) {
    RepeatBuyers.checkLength(t);
    // Alive after the first purchase with probability b / (a + b), then p ~ Beta(a, b + 1).
    return b / (a + b) * BetaGeometric.purchasesWhileAlive(a, b + 1, r, t / alpha);
  }
}
