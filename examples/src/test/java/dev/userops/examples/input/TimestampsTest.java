package dev.userops.examples.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aDateIsTheStartOfThatDayInTheZone() {
    // Also the meaning of --as-of DATE in every subcommand (issue 3: the start of that day in zone).
    assertThat(Timestamps.parse("2026-03-01", SHANGHAI)).isEqualTo("2026-02-28T16:00:00Z");
    assertThat(Timestamps.parse("2026-03-01", ZoneId.of("UTC"))).isEqualTo("2026-03-01T00:00:00Z");
  }

  @Test
  void aDateTimeIsThatInstant() {
    assertThat(Timestamps.parse("2026-03-01T08:00", SHANGHAI)).isEqualTo("2026-03-01T00:00:00Z");
    assertThat(Timestamps.parse("2026-03-01T08:00:00Z", SHANGHAI)).isEqualTo("2026-03-01T08:00:00Z");
  }

  @Test
  void aMalformedTimestampNamesTheForms() {
    assertThatThrownBy(() -> Timestamps.parse("yesterday", SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected a date (2026-03-01)")
        .hasMessageEndingWith("got \"yesterday\"");
  }
}
