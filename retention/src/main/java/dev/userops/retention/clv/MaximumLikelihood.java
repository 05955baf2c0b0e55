package dev.userops.retention.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum likelihood over positive parameters: Hipparchus' BOBYQA in log-parameters, then the
 * observed information by central differences in the natural parameters. On large data a first
 * search runs on a sample of rows, and the search on all rows starts near its optimum with a small
 * trust region, which saves about half of the full evaluations.
 */
final class MaximumLikelihood {
  /** The 97.5% quantile of the standard normal. */
  static final double Z_975 = 1.959963984540054;

  /** Log-space trust radius at the start: the starting values may be off by a factor of e. */
  private static final double INITIAL_RADIUS = 1;

  /** Log-space radius at the end: parameters settle to about 1e-8 relative. */
  private static final double STOPPING_RADIUS = 1e-8;

  /** The sample's optimum is within a few of its standard errors of the full data's. */
  private static final double REFINING_RADIUS = 0.1;

  /** The first search only needs to land near the optimum. */
  private static final double COARSE_STOPPING_RADIUS = 1e-4;

  /** The search stays within e^±30 of the starting values. */
  private static final double BOUND = 30;

  private static final int MAX_EVALUATIONS = 10_000;

  /** Relative step of the Hessian's central differences. */
  private static final double STEP = 1e-4;

  /** Stands in for a negative log-likelihood that is not finite (parameters far off the data). */
  private static final double PENALTY = 1e100;

  private MaximumLikelihood() {}

  /**
   * Maximizes {@code logLikelihood} from {@code start}.
   *
   * @param names the parameters' names, in order
   * @param start positive, finite starting values near the data's scale
   * @param kernel the log-likelihood of the natural parameters on some data
   * @param data the data
   * @param coarse a sample of the data's rows for a first search, or {@code data} itself when it
   *     is small
   * @param model builds the fitted model from the natural parameters
   * @param customers the customers the likelihood covers
   */
  static <D, M> Fit<M> fit(
      List<String> names,
      double[] start,
      ToDoubleBiFunction<double[], D> kernel,
      D data,
      D coarse,
      Function<double[], M> model,
      long customers) {
    ToDoubleFunction<double[]> logLikelihood = theta -> kernel.applyAsDouble(theta, data);
    int n = start.length;
    double[] lower = new double[n];
    double[] upper = new double[n];
    double[] guess = new double[n];
    for (int i = 0; i < n; i++) {
      guess[i] = Math.log(start[i]);
      lower[i] = guess[i] - BOUND;
      upper[i] = guess[i] + BOUND;
    }
    SimpleBounds bounds = new SimpleBounds(lower, upper);
    double radius = INITIAL_RADIUS;
    if (coarse != data) {
      ToDoubleFunction<double[]> sample = theta -> kernel.applyAsDouble(theta, coarse);
      guess = search(sample, guess, bounds, radius, COARSE_STOPPING_RADIUS).point;
      radius = REFINING_RADIUS;
    }
    Search search = search(logLikelihood, guess, bounds, radius, STOPPING_RADIUS);
    double[] theta = exp(search.point);
    double[] errors = standardErrors(theta, negative(logLikelihood));
    List<Fit.Estimate> estimates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      estimates.add(estimate(names.get(i), theta[i], errors[i]));
    }
    return new Fit<>(model.apply(theta), search.logLikelihood, estimates, customers, search.evaluations);
  }

  /** The optimum in log-parameters, the log-likelihood there and the evaluations spent. */
  private record Search(double[] point, double logLikelihood, int evaluations) {}

  private static Search search(
      ToDoubleFunction<double[]> logLikelihood,
      double[] guess,
      SimpleBounds bounds,
      double initialRadius,
      double stoppingRadius) {
    ToDoubleFunction<double[]> negative = negative(logLikelihood);
    BOBYQAOptimizer optimizer =
        new BOBYQAOptimizer(2 * guess.length + 1, initialRadius, stoppingRadius);
    PointValuePair optimum;
    try {
      optimum =
          optimizer.optimize(
              new MaxEval(MAX_EVALUATIONS),
              new ObjectiveFunction(u -> negative.applyAsDouble(exp(u))),
              GoalType.MINIMIZE,
              new InitialGuess(guess),
              bounds);
    } catch (MathIllegalStateException tooManyEvaluations) {
      throw new IllegalStateException(
          "the likelihood's maximum was not found within " + MAX_EVALUATIONS + " evaluations",
          tooManyEvaluations);
    }
    return new Search(optimum.getPoint(), -optimum.getValue(), optimizer.getEvaluations());
  }

  /** The negative log-likelihood, finite everywhere so BOBYQA's quadratic models stay finite. */
  private static ToDoubleFunction<double[]> negative(ToDoubleFunction<double[]> logLikelihood) {
    return theta -> {
      double value = -logLikelihood.applyAsDouble(theta);
      return Double.isFinite(value) ? value : PENALTY;
    };
  }

  private static Fit.Estimate estimate(String name, double value, double error) {
    if (!Double.isFinite(error)) {
      return new Fit.Estimate(
          name, value, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }
    double spread = Math.exp(Z_975 * error / value);
    return new Fit.Estimate(
        name,
        value,
        OptionalDouble.of(error),
        OptionalDouble.of(value / spread),
        OptionalDouble.of(value * spread));
  }

  /**
   * Square roots of the diagonal of the inverted Hessian of {@code f} at {@code theta}, by central
   * differences with steps {@code STEP * theta[i]}; NaN where the Hessian is not positive definite.
   */
  static double[] standardErrors(double[] theta, ToDoubleFunction<double[]> f) {
    int n = theta.length;
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = STEP * theta[i];
    }
    double center = f.applyAsDouble(theta);
    RealMatrix hessian = MatrixUtils.createRealMatrix(n, n);
    for (int i = 0; i < n; i++) {
      double plus = f.applyAsDouble(shifted(theta, i, h[i], i, 0));
      double minus = f.applyAsDouble(shifted(theta, i, -h[i], i, 0));
      hessian.setEntry(i, i, (plus - 2 * center + minus) / (h[i] * h[i]));
      for (int j = 0; j < i; j++) {
        double pp = f.applyAsDouble(shifted(theta, i, h[i], j, h[j]));
        double pm = f.applyAsDouble(shifted(theta, i, h[i], j, -h[j]));
        double mp = f.applyAsDouble(shifted(theta, i, -h[i], j, h[j]));
        double mm = f.applyAsDouble(shifted(theta, i, -h[i], j, -h[j]));
        double entry = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
        hessian.setEntry(i, j, entry);
        hessian.setEntry(j, i, entry);
      }
    }
    double[] errors = new double[n];
    try {
      RealMatrix covariance = new CholeskyDecomposition(hessian).getSolver().getInverse();
      for (int i = 0; i < n; i++) {
        errors[i] = Math.sqrt(covariance.getEntry(i, i));
      }
    } catch (MathRuntimeException notPositiveDefinite) {
      Arrays.fill(errors, Double.NaN);
    }
    return errors;
  }

  private static double[] shifted(double[] theta, int i, double di, int j, double dj) {
    double[] point = theta.clone();
    point[i] += di;
    point[j] += dj;
    return point;
  }

  private static double[] exp(double[] u) {
    double[] theta = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      theta[i] = Math.exp(u[i]);
    }
    return theta;
  }
}
