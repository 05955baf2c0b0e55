package dev.userops.retention.clv;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A model fitted by maximum likelihood, with the uncertainty of its parameters from the observed
 * information: the numerical Hessian of the negative log-likelihood at the optimum, inverted.
 *
 * @param <M> the model: {@link BgNbd}, {@link MbgNbd}, {@link ParetoNbd} or {@link GammaGamma}
 * @param model the fitted model
 * @param logLikelihood the log-likelihood at the fitted parameters, natural log, summed over
 *     customers
 * @param estimates one per parameter, in the model's order
 * @param customers the customers the likelihood covers
 * @param evaluations evaluations of the log-likelihood on all rows in the search for its maximum;
 *     the Hessian's are not counted, nor, on more than 20,000 distinct rows, those of a first
 *     search on a sample of rows
 */
public record Fit<M>(
    M model, double logLikelihood, List<Estimate> estimates, long customers, int evaluations) {

  /**
   * Copies the list into an unmodifiable one.
   *
   * @param model the fitted model
   * @param logLikelihood the log-likelihood at the fitted parameters
   * @param estimates one per parameter
   * @param customers the customers the likelihood covers, {@code >= 1}
   * @param evaluations optimizer evaluations, {@code >= 1}
   * @throws NullPointerException if {@code model}, {@code estimates} or an estimate is null
   * @throws IllegalArgumentException if a count is below 1
   */
  public Fit {
    Checks.requireNonNull(model, "model");
    estimates = List.copyOf(estimates);
    Checks.requirePositive(customers, "customers");
    Checks.requirePositive(evaluations, "evaluations");
  }

  /**
   * One parameter's estimate. The 95% interval is the Wald interval of the parameter's logarithm,
   * {@code value * exp(±1.96 * standardError / value)}, so it stays positive like the parameter;
   * lifetimes prints {@code value ± 1.96 * standardError}, which can go below zero.
   *
   * @param name the parameter's name as the model's record component, e.g. {@code alpha}
   * @param value the maximum-likelihood estimate, {@code > 0}
   * @param standardError the square root of the variance from the inverted observed information;
   *     empty when the Hessian is not positive definite (a flat or boundary optimum)
   * @param lower95 lower end of the 95% interval; empty with {@code standardError}
   * @param upper95 upper end of the 95% interval; empty with {@code standardError}
   */
  public record Estimate(
      String name,
      double value,
      OptionalDouble standardError,
      OptionalDouble lower95,
      OptionalDouble upper95) {
    /**
     * Checks the values.
     *
     * @param name the parameter's name
     * @param value the estimate
     * @param standardError the standard error, or empty
     * @param lower95 lower end of the 95% interval, or empty
     * @param upper95 upper end of the 95% interval, or empty
     * @throws NullPointerException if an argument is null
     */
    public Estimate {
      Checks.requireNonNull(name, "name");
      Checks.requireNonNull(standardError, "standardError");
      Checks.requireNonNull(lower95, "lower95");
      Checks.requireNonNull(upper95, "upper95");
    }
  }

  /**
   * The estimate of one parameter.
   *
   * @param name a parameter's name, e.g. {@code r}
   * @return its estimate
   * @throws IllegalArgumentException if the model has no such parameter
   */
  public Estimate estimate(String name) {
    for (Estimate estimate : estimates) {
      if (estimate.name().equals(name)) {
        return estimate;
      }
    }
    throw new IllegalArgumentException("no parameter " + name + " in " + estimates);
  }

  /**
   * This fit as JSON: {@code model} with its {@code name} and parameters, {@code logLikelihood},
   * {@code estimates}, {@code customers}, {@code evaluations}; an empty standard error is {@code
   * null}.
   *
   * @return compact JSON
   */
  public String toJson() {
    return Json.write(this);
  }
}
