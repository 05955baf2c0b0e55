package dev.userops.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.event.OrderStatus;
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

  /** The ASCII path of the status answers as {@code equalsIgnoreCase} does, non-ASCII letters aside. */
  @Property(tries = 3_000)
  void statusesAreReadAsEqualsIgnoreCaseReadsThem(@ForAll("statusLike") String text) {
    OrderStatus expected = null;
    for (OrderStatus status : OrderStatus.values()) {
      if (status.name().equalsIgnoreCase(text)) {
        expected = status;
      }
    }
    if (expected == null) {
      assertThatThrownBy(() -> Fields.status(text)).hasMessageStartingWith("expected paid, cancelled or refunded");
    } else {
      assertThat(Fields.status(text)).isEqualTo(expected);
    }
    if (text.chars().allMatch(c -> c < 0x80)) {
      assertThat(Fields.asciiStatus(new StringBuilder(text))).isEqualTo(expected);
    }
  }

  /** Mostly near misses: the statuses' letters in any case, with ASCII neighbours and look-alikes. */
  @Provide
  Arbitrary<String> statusLike() {
    Arbitrary<String> names = Arbitraries.of("paid", "cancelled", "refunded");
    Arbitrary<String> mangled = names.flatMap(name -> Arbitraries.integers().between(0, name.length() - 1)
        .flatMap(at -> Arbitraries.of('A', '@', '`', '[', 'I', '\u0131', '\u0130', '\u017F', 'K', '\u212A', ' ')
            .map(c -> name.substring(0, at) + c + name.substring(at + 1))));
    Arbitrary<String> cased = names.flatMap(name -> Arbitraries.integers().between(0, (1 << name.length()) - 1)
        .map(mask -> {
          StringBuilder out = new StringBuilder();
          for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : c);
          }
          return out.toString();
        }));
    return Arbitraries.oneOf(cased, mangled, Arbitraries.strings().withCharRange(' ', 'z').ofMaxLength(9));
  }

  /** {@code -?[0-9]+(.[0-9]+)?} with up to 21 digits on either side, leading and trailing zeros. */
  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(21);
    return Combinators.combine(Arbitraries.of("", "-"), digits, Arbitraries.of(true, false), digits)
        .as((sign, integer, hasFraction, fraction) -> sign + integer + (hasFraction ? "." + fraction : ""));
  }
}
