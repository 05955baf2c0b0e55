package dev.userops.examples.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Fields#amountMinor} reads most amounts without a {@link BigDecimal}; whichever way it
 * takes, it answers exactly as {@code new BigDecimal(text).movePointRight(digits).longValueExact()}
 * with the scale checked first, errors included.
 */
class FieldsProperties {
  @Property(tries = 3_000)
  void amountsAreReadExactlyAsBigDecimalReadsThem(
      @ForAll("decimals") String text, @ForAll @IntRange(min = 0, max = 18) int fractionDigits) {
    BigDecimal major = new BigDecimal(text);
    if (major.scale() > fractionDigits) {
      assertThatThrownBy(() -> Fields.amountMinor(text, fractionDigits))
          .hasMessageStartingWith("expected at most " + fractionDigits + " fraction digits");
      return;
    }
    long expected;
    try {
      expected = major.movePointRight(fractionDigits).longValueExact();
    } catch (ArithmeticException e) {
      assertThatThrownBy(() -> Fields.amountMinor(text, fractionDigits))
          .hasMessageStartingWith("amount out of range of long minor units");
      return;
    }
    assertThat(Fields.amountMinor(text, fractionDigits)).isEqualTo(expected);
  }

  /** {@code -?[0-9]+(.[0-9]+)?} with up to 21 digits on either side, leading and trailing zeros. */
  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(21);
    return Combinators.combine(Arbitraries.of("", "-"), digits, Arbitraries.of(true, false), digits)
        .as((sign, integer, hasFraction, fraction) -> sign + integer + (hasFraction ? "." + fraction : ""));
  }
}
