package dev.userops.retention.clv;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.internal.Checks;
import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend per purchase (Fader and Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value"): a customer's purchases are Gamma(p, ν) around their mean, and ν ~ Gamma(q, γ)
 * across customers, independent of the purchase process. The mean spend zbar is over a customer's
 * x repeat purchases (their first purchase excluded); amounts are in the caller's money unit
 * (minor units in UserOps, as a double) and γ is in that unit too: fitting cents instead of dollars
 * gives the same p and q and 100 times γ.
 *
 * @param p shape of the spend per purchase, finite and {@code > 0}
 * @param q shape of the customers' spend rates, finite and {@code > 0}
 * @param gamma scale of the customers' spend rates, in the money unit, finite and {@code > 0}
 */
public record GammaGamma(double p, double q, double gamma) {
  private static final List<String> NAMES = List.of("p", "q", "gamma");

  /**
   * Checks the parameters.
   *
   * @param p spend shape, finite and {@code > 0}
   * @param q rate shape, finite and {@code > 0}
   * @param gamma rate scale, finite and {@code > 0}
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public GammaGamma {
    Parameters.requirePositive(NAMES, p, q, gamma);
  }

  /**
   * Fits the model by maximum likelihood to the customers with {@code x > 0} and {@code zbar > 0};
   * the others carry no spend information and are left out ({@link Fit#customers()} counts those
   * used). The search starts at p = 1, q = 2 and γ = their mean zbar, which is then the starting
   * mean spend pγ / (q - 1).
   *
   * @param x each customer's repeat purchases, {@code >= 0}
   * @param zbar each customer's mean spend per repeat purchase, finite and {@code >= 0}
   * @return the fit: parameters, log-likelihood, standard errors and 95% intervals
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ, a value is out of range, or fewer than
   *     two customers have {@code x > 0} and {@code zbar > 0}
   * @throws IllegalStateException if the search does not converge within 10,000 evaluations
   */
  public static Fit<GammaGamma> fit(int[] x, double[] zbar) {
    SpendRows rows = SpendRows.of(x, zbar);
    Checks.checkArgument(
        rows.customers >= 2,
        "Gamma-Gamma needs at least 2 customers with x > 0 and zbar > 0, got %s",
        rows.customers);
    return MaximumLikelihood.fit(
        NAMES,
        new double[] {1, 2, rows.meanZbar},
        (v, data) -> logLikelihood(v[0], v[1], v[2], data),
        rows,
        rows.coarse(),
        v -> new GammaGamma(v[0], v[1], v[2]),
        rows.customers);
  }

  /**
   * The model's name as written in JSON.
   *
   * @return {@code GAMMA_GAMMA}
   */
  @JsonProperty("name")
  public String name() {
    return "GAMMA_GAMMA";
  }

  /**
   * The log-likelihood of the customers with {@code x > 0} and {@code zbar > 0}: the density of
   * their mean spends, so it changes by {@code -n ln 100} when amounts go from dollars to cents.
   *
   * @param x each customer's repeat purchases, {@code >= 0}
   * @param zbar each customer's mean spend per repeat purchase, finite and {@code >= 0}
   * @return the natural log of the likelihood, summed over those customers
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ or a value is out of range
   */
  public double logLikelihood(int[] x, double[] zbar) {
    return logLikelihood(p, q, gamma, SpendRows.of(x, zbar));
  }

  /**
   * Per customer (Fader and Hardie 2013, equation 1a): {@code ln Γ(p x + q) - ln Γ(p x) - ln Γ(q)
   * + q ln γ + (p x - 1) ln zbar + p x ln x - (p x + q) ln(x zbar + γ)}.
   */
  private static double logLikelihood(double p, double q, double gamma, SpendRows rows) {
    double base = q * Math.log(gamma) - Gamma.logGamma(q);
    Groups groups = rows.groups;
    int[] start = groups.start();
    double sum = 0;
    for (int g = 0; g < groups.size(); g++) {
      int x = groups.x()[g];
      double px = p * x;
      double shape = px + q;
      sum +=
          groups.weight()[g]
              * (base + Gamma.logGamma(shape) - Gamma.logGamma(px) + px * Math.log(x));
      for (int row = start[g]; row < start[g + 1]; row++) {
        sum +=
            rows.weight[row]
                * ((px - 1) * rows.logZbar[row] - shape * Math.log(x * rows.zbar[row] + gamma));
      }
    }
    return sum;
  }

  /**
   * E[Z | x, zbar]: the expected spend per purchase of a customer with {@code x} repeat purchases
   * of mean {@code zbar}, a weighted mean of the population mean pγ / (q - 1) and zbar (Fader and
   * Hardie 2013, equation 5): {@code (p γ + p x zbar) / (p x + q - 1)}. A customer without repeat
   * purchases gets the population mean, whatever {@code zbar}.
   *
   * @param x repeat purchases, {@code >= 0}
   * @param zbar mean spend per repeat purchase, finite and {@code >= 0}; ignored when {@code x = 0}
   * @return the expected spend in the money unit; {@code +Infinity} when {@code p x + q <= 1} (the
   *     population mean is infinite when {@code q <= 1})
   * @throws IllegalArgumentException if a value is out of range
   */
  public double expectedAverageSpend(int x, double zbar) {
    SpendRows.checkSpend(-1, x, zbar);
    double px = p * x;
    double denominator = px + q - 1;
    return denominator <= 0
        ? Double.POSITIVE_INFINITY
        : (p * gamma + (x == 0 ? 0 : px * zbar)) / denominator;
  }
}
