package dev.userops.retention.clv;

/**
 * The Gauss hypergeometric function 2F1 for real arguments and {@code |z| < 1}, by its power series,
 * and the form the purchase models need after Euler's transformation (DLMF 15.8.1). No Java library
 * has 2F1; Hipparchus has the gamma and beta functions only.
 *
 * <p>The models call it with {@code 0 <= z < 1} and series whose terms keep one sign after the
 * first few, where the sum is accurate to a few ulps; an alternating series with large parameters
 * (negative z, or a parameter far below zero) loses digits to cancellation.
 */
final class Hypergeometric {
  /**
   * Beyond this many terms the series gives up. The series falls off like {@code z^n}, so this is
   * reached only for {@code z} within about {@code 10^-6} of 1: a horizon a million times the
   * models' time scale.
   */
  static final int MAX_TERMS = 20_000_000;

  private static final double EPSILON = 0x1p-53;

  private Hypergeometric() {}

  /**
   * 2F1(a, b; c; z) = sum over n of (a)_n (b)_n / ((c)_n n!) z^n.
   *
   * @param a first numerator parameter
   * @param b second numerator parameter
   * @param c denominator parameter, not 0 or a negative integer
   * @param z the argument, {@code |z| < 1}
   * @return the value; NaN if the series does not settle within {@link #MAX_TERMS} terms
   * @throws IllegalArgumentException if {@code |z| >= 1} or {@code z} is NaN
   */
  static double f21(double a, double b, double c, double z) {
    checkArgument(z);
    return series(a, b, c, 1, z);
  }

  /**
   * {@code c [1 - (1 - z)^e 2F1(p, e; c; z)] / e}, and its limit {@code c [-ln(1 - z) - sum over n
   * >= 1 of (p)_n / ((c)_n n) z^n]} at {@code e = 0}. With {@code e = a - 1} and {@code c = a + b
   * + x - 1} this is the BG/NBD conditional expectation's numerator after Euler's transformation
   * (DLMF 15.8.1): {@code (1 - z)^(r + x) 2F1(r + x, b + x; c; z) = (1 - z)^(a - 1) 2F1(a + b - 1 -
   * r, a - 1; c; z)}. The left side overflows for many purchases over a long horizon (x = 200, t =
   * 5000 weeks), the right side does not, and dividing by {@code a - 1} analytically removes the
   * 0/0 at {@code a = 1}.
   *
   * <p>Writing {@code 2F1(p, e; c; z) = 1 + e G} with {@code G = sum over n >= 1 of (p)_n (e +
   * 1)_(n-1) / ((c)_n n!) z^n}, the value is {@code -c expm1(e ln(1 - z)) / e - (1 - z)^e c G},
   * and {@code c G} has no division by {@code c}, so {@code c = 0} is allowed.
   *
   * @param p first numerator parameter
   * @param e second numerator parameter, {@code > -1}
   * @param c denominator parameter, {@code > -1}
   * @param z the argument, in {@code [0, 1)}
   * @return the value; NaN if the series does not settle within {@link #MAX_TERMS} terms
   * @throws IllegalArgumentException if {@code z} is out of range
   */
  static double eulerBracket(double p, double e, double c, double z) {
    checkArgument(z);
    if (z == 0) {
      return 0;
    }
    double log1mz = Math.log1p(-z);
    double head = e == 0 ? -log1mz : -Math.expm1(e * log1mz) / e;
    // c G = p z * 3F2(p + 1, e + 1, 1; c + 1, 2; z): the same recurrence with n + 2 below.
    double cg = p * z * series(p + 1, e + 1, c + 1, 2, z);
    return c * head - Math.exp(e * log1mz) * cg;
  }

  /**
   * Sum over n >= 0 of prod over k < n of {@code (a + k)(b + k) / ((c + k)(d + k)) z}. With {@code
   * d = 1} this is 2F1(a, b; c; z).
   */
  private static double series(double a, double b, double c, double d, double z) {
    double absZ = Math.abs(z);
    // Past the largest negative parameter the terms keep one sign and their ratio tends to z
    // monotonically, so the tail after a term is at most term * rho / (1 - rho).
    double settled = Math.max(Math.max(-a, -b), Math.max(-c, -d));
    double term = 1;
    double sum = 1;
    for (int n = 0; n < MAX_TERMS; n++) {
      double ratio = (a + n) * (b + n) / ((c + n) * (d + n)) * z;
      term *= ratio;
      sum += term;
      if (term == 0) {
        return sum;
      }
      double rho = Math.max(Math.abs(ratio), absZ);
      if (n > settled && rho < 1 && Math.abs(term) * rho <= EPSILON * (1 - rho) * Math.abs(sum)) {
        return sum;
      }
    }
    return Double.NaN;
  }

  private static void checkArgument(double z) {
    if (!(Math.abs(z) < 1)) {
      throw new IllegalArgumentException("z must be in (-1, 1), got " + z);
    }
  }
}
