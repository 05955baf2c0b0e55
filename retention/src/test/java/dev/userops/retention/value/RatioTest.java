package dev.userops.retention.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatioTest {
  @Test
  void ratiosAreReducedWithAPositiveDenominator() {
    assertThat(Ratio.of(-14, -4)).isEqualTo(new Ratio(7, 2));
    assertThat(Ratio.of(3, -6)).isEqualTo(new Ratio(-1, 2));
    assertThat(Ratio.of(0, -5)).isEqualTo(new Ratio(0, 1));
    assertThat(Ratio.of(Long.MIN_VALUE, 2)).isEqualTo(new Ratio(Long.MIN_VALUE / 2, 1));
    assertThat(Ratio.of(Long.MIN_VALUE, Long.MIN_VALUE)).isEqualTo(new Ratio(1, 1));
    assertThat(Ratio.of(Long.MAX_VALUE, Long.MAX_VALUE - 1).value()).isEqualTo(1.0);
    assertThat(Ratio.of(4000, 3)).hasToString("4000/3");
  }

  @Test
  void badTermsAreRejected() {
    assertThatThrownBy(() -> Ratio.of(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("denominator must not be 0, got 1/0");
    assertThatThrownBy(() -> new Ratio(2, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a ratio in lowest terms, got 2/4 (use Ratio.of)");
    assertThatThrownBy(() -> new Ratio(1, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("denominator must be > 0, got -2");
    // -2^63 / -1 has no long numerator.
    assertThatThrownBy(() -> Ratio.of(Long.MIN_VALUE, -1)).isInstanceOf(ArithmeticException.class);
  }
}
