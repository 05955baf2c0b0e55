package dev.userops.retention.value;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.internal.Checks;

/**
 * An exact ratio of two {@code long}s in lowest terms, for money averages and rates that must not
 * be rounded before display (DOMAIN §5): revenue per user, CAC, ROI, conversion. JSON form: {@code
 * {"numerator":7,"denominator":2,"value":3.5}}, where {@code value} is for display only.
 *
 * @param numerator the numerator, any sign; shares no factor with {@code denominator}
 * @param denominator the denominator, {@code > 0}
 */
public record Ratio(long numerator, long denominator) {

  /**
   * Checks the terms are in lowest terms with a positive denominator; use {@link #of} to reduce.
   *
   * @param numerator the numerator
   * @param denominator the denominator, {@code > 0}
   * @throws IllegalArgumentException if {@code denominator <= 0} or the terms share a factor
   */
  public Ratio {
    Checks.requirePositive(denominator, "denominator");
    Checks.checkArgument(
        gcd(numerator, denominator) == 1,
        "expected a ratio in lowest terms, got %s/%s (use Ratio.of)",
        numerator,
        denominator);
  }

  /**
   * The ratio {@code numerator / denominator}, reduced to lowest terms with a positive denominator.
   *
   * @param numerator the numerator, any value
   * @param denominator the denominator, not 0
   * @return the reduced ratio, e.g. {@code 7/2} for {@code of(-14, -4)}
   * @throws IllegalArgumentException if {@code denominator} is 0
   * @throws ArithmeticException if a term is {@link Long#MIN_VALUE} and cannot change sign
   */
  public static Ratio of(long numerator, long denominator) {
    Checks.checkArgument(denominator != 0, "denominator must not be 0, got %s/0", numerator);
    long divisor = gcd(numerator, denominator);
    long n = numerator / divisor;
    long d = denominator / divisor;
    return d < 0 ? new Ratio(Math.negateExact(n), Math.negateExact(d)) : new Ratio(n, d);
  }

  /**
   * The ratio, or {@code null} when the denominator is 0: an average of nothing is unknown, never 0.
   */
  static Ratio orNull(long numerator, long denominator) {
    return denominator == 0 ? null : of(numerator, denominator);
  }

  /** The greatest common divisor of the magnitudes, {@code >= 1} unless both are 0. */
  private static long gcd(long a, long b) {
    // Magnitudes as unsigned values, so Long.MIN_VALUE's is 2^63.
    long x = a == Long.MIN_VALUE ? a : Math.abs(a);
    long y = b == Long.MIN_VALUE ? b : Math.abs(b);
    while (y != 0) {
      long r = Long.remainderUnsigned(x, y);
      x = y;
      y = r;
    }
    return x == 0 ? 1 : x;
  }

  /**
   * The ratio as the nearest {@code double}, for display and charts only.
   *
   * @return {@code numerator / denominator}, rounded once
   */
  @JsonProperty("value")
  public double value() {
    return (double) numerator / denominator;
  }

  /**
   * The ratio as text.
   *
   * @return {@code "numerator/denominator"}, e.g. {@code "7/2"}
   */
  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
