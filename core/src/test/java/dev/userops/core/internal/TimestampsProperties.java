package dev.userops.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fixed-width fast path of {@link Timestamps#parse} answers exactly as java.time's parsers do. */
class TimestampsProperties {
  private static final ZoneId[] ZONES = {
    ZoneId.of("UTC"), ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"), ZoneId.of("Europe/London"),
    ZoneId.of("America/St_Johns")
  };

  @Property(tries = 3000)
  void fastPathEqualsGeneralPath(@ForAll("timestamps") String text, @ForAll("zones") ZoneId zone) {
    Instant expected;
    try {
      expected = Timestamps.parseGeneral(text, zone);
    } catch (IllegalArgumentException e) {
      assertThatThrownBy(() -> Timestamps.parse(text, zone)).hasMessage(e.getMessage());
      return;
    }
    assertThat(Timestamps.parse(text, zone)).as(text).isEqualTo(expected);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZONES);
  }

  /** Mostly well-formed, with fields just out of range, odd fraction lengths and offsets. */
  @Provide
  Arbitrary<String> timestamps() {
    Arbitrary<String> dateTime = Combinators.combine(
            Arbitraries.integers().between(0, 9999),
            Arbitraries.integers().between(0, 13),
            Arbitraries.integers().between(0, 32),
            Arbitraries.integers().between(0, 24),
            Arbitraries.integers().between(0, 60),
            Arbitraries.integers().between(0, 60))
        .as((y, mo, d, h, mi, s) -> String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s));
    Arbitrary<String> fraction = Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11).map(digits -> "." + digits));
    Arbitrary<String> offset = Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.just("Z"),
        Combinators.combine(Arbitraries.of('+', '-'), Arbitraries.integers().between(0, 19),
                Arbitraries.integers().between(0, 60))
            .as((sign, h, m) -> String.format(Locale.ROOT, "%c%02d:%02d", sign, h, m)),
        Arbitraries.of("z", "+0800", "+08", "ZZ", " "));
    return Combinators.combine(dateTime, fraction, offset).as((a, b, c) -> a + b + c);
  }
}
