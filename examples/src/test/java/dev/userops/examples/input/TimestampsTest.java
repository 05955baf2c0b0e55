package dev.userops.examples.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void anAsOfDateIsTheLastMillisecondOfThatDayInTheZone() {
    assertThat(Timestamps.parseAsOf("2026-03-01", SHANGHAI)).isEqualTo("2026-03-01T15:59:59.999Z");
    assertThat(Timestamps.parseAsOf("2026-03-01", ZoneId.of("UTC"))).isEqualTo("2026-03-01T23:59:59.999Z");
  }

  @Test
  void anAsOfDateTimeIsThatInstant() {
    assertThat(Timestamps.parseAsOf("2026-03-01T08:00", SHANGHAI)).isEqualTo("2026-03-01T00:00:00Z");
    assertThat(Timestamps.parseAsOf("2026-03-01T08:00:00Z", SHANGHAI)).isEqualTo("2026-03-01T08:00:00Z");
  }

  @Test
  void aMalformedAsOfNamesTheForms() {
    assertThatThrownBy(() -> Timestamps.parseAsOf("yesterday", SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected a date (2026-03-01)")
        .hasMessageEndingWith("got \"yesterday\"");
  }
}
