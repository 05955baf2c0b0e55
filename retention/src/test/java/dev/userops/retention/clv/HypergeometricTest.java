package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class HypergeometricTest {

  @Test
  void elementaryFormsOfAbramowitzAndStegun() {
    // Abramowitz and Stegun, Handbook of Mathematical Functions, 15.1.3 - 15.1.8.
    for (double z : new double[] {-0.9, -0.5, 0.1, 0.5, 0.9, 0.99}) {
      assertClose(Hypergeometric.f21(1, 1, 2, z), -Math.log1p(-z) / z);
      assertClose(Hypergeometric.f21(2.5, 1.7, 1.7, z), Math.pow(1 - z, -2.5));
    }
    for (double z : new double[] {0.1, 0.5, 0.9, 0.99}) {
      assertClose(Hypergeometric.f21(0.5, 1, 1.5, z * z), Math.log((1 + z) / (1 - z)) / (2 * z));
      assertClose(Hypergeometric.f21(0.5, 1, 1.5, -z * z), Math.atan(z) / z);
      assertClose(Hypergeometric.f21(0.5, 0.5, 1.5, z * z), Math.asin(z) / z);
    }
  }

  @Test
  void specialValuesAtOneHalf() {
    // NIST DLMF §15.4(iii): Gauss's second summation theorem and Bailey's theorem.
    double a = 0.3;
    double b = 1.7;
    double gauss =
        Math.sqrt(Math.PI)
            * Gamma.gamma((a + b + 1) / 2)
            / (Gamma.gamma((a + 1) / 2) * Gamma.gamma((b + 1) / 2));
    assertClose(Hypergeometric.f21(a, b, (a + b + 1) / 2, 0.5), gauss);
    // mpmath 1.3 at 40 digits: 1.272866463126239803...
    assertThat(gauss).isCloseTo(1.2728664631262398, within(1e-14));
    double c = 2.5;
    double bailey =
        Math.pow(2, 1 - c)
            * Math.sqrt(Math.PI)
            * Gamma.gamma(c)
            / (Gamma.gamma((a + c) / 2) * Gamma.gamma((1 - a + c) / 2));
    assertClose(Hypergeometric.f21(a, 1 - a, c, 0.5), bailey);
  }

  @Test
  void terminatingSeriesIsAPolynomial() {
    double z = 0.7;
    assertClose(
        Hypergeometric.f21(-2, 3.5, 1.25, z), 1 - 2 * 3.5 * z / 1.25 + 3.5 * 4.5 * z * z / (1.25 * 2.25));
  }

  @Property(tries = 300)
  void eulerTransformation(
      @ForAll @DoubleRange(min = 0.05, max = 30) double a,
      @ForAll @DoubleRange(min = 0.05, max = 30) double b,
      @ForAll @DoubleRange(min = 0, max = 30) double d,
      @ForAll @DoubleRange(min = 0, max = 0.95) double z) {
    // DLMF 15.8.1: F(a, b; c; z) = (1 - z)^(c - a - b) F(c - a, c - b; c; z). With c >= a, b and
    // z >= 0 no terms of either series cancel (the models' case); alternating series with large
    // parameters lose digits to cancellation and are not used.
    double c = Math.max(a, b) + d;
    double direct = Hypergeometric.f21(a, b, c, z);
    double euler = Math.pow(1 - z, c - a - b) * Hypergeometric.f21(c - a, c - b, c, z);
    assertThat(euler).isCloseTo(direct, within(1e-10 * Math.abs(direct)));
  }

  @Property(tries = 300)
  void eulerBracketIsTheBracketItNames(
      @ForAll @DoubleRange(min = -2, max = 10) double p,
      @ForAll @DoubleRange(min = -0.9, max = 3) double e,
      @ForAll @DoubleRange(min = 0.1, max = 250) double c,
      @ForAll @DoubleRange(min = 0, max = 0.95) double z) {
    // Away from e = 0 the bracket can be computed as written.
    if (Math.abs(e) < 0.05) {
      return;
    }
    double written = c * (1 - Math.pow(1 - z, e) * Hypergeometric.f21(p, e, c, z)) / e;
    assertThat(Hypergeometric.eulerBracket(p, e, c, z))
        .isCloseTo(written, within(1e-9 * Math.max(1, Math.abs(written))));
  }

  @Test
  void eulerBracketAtEZeroIsTheLimit() {
    for (double z : new double[] {0.01, 0.5, 0.99, 0.999}) {
      double limit = Hypergeometric.eulerBracket(2.2, 0, 2.4, z);
      assertThat(Hypergeometric.eulerBracket(2.2, 1e-9, 2.4, z)).isCloseTo(limit, within(1e-7 * limit));
      assertThat(Hypergeometric.eulerBracket(2.2, -1e-9, 2.4, z)).isCloseTo(limit, within(1e-7 * limit));
    }
    // p = c: 2F1(c, e; c; z) = (1 - z)^-e, so the bracket is 0 for every e.
    assertThat(Hypergeometric.eulerBracket(3, 0, 3, 0.8)).isCloseTo(0, within(1e-14));
    assertThat(Hypergeometric.eulerBracket(3, 0.4, 3, 0.8)).isCloseTo(0, within(1e-14));
  }

  @Test
  void rejectsArgumentsOutsideTheDisc() {
    assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 2, 1)).hasMessage("z must be in (-1, 1), got 1.0");
    assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 2, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Hypergeometric.f21(1, 1, 2, 1 - 1e-9)).isNaN();
  }

  private static void assertClose(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(1e-13 * Math.abs(expected)));
  }
}
