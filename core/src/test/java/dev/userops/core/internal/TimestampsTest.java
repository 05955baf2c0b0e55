package dev.userops.core.internal;

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
  void yearsHaveFourDigits() {
    // Years 0001 and 9999 are timestamps (bad records for the screen: before 1970, after the as-of).
    assertThat(Timestamps.parse("0001-01-01", ZoneId.of("UTC"))).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(Timestamps.parse("9999-12-31T23:59:59Z", SHANGHAI).toEpochMilli()).isPositive();
    // java.time reads these too, but no epoch millisecond holds them.
    for (String text : new String[] {"+999999999-12-31", "-999999999-01-01T00:00", "+10000-01-01T00:00:00Z"}) {
      assertThatThrownBy(() -> Timestamps.parse(text, SHANGHAI))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("expected a year from 0000 to 9999, got \"" + text + "\"");
    }
  }

  @Test
  void aMalformedTimestampNamesTheForms() {
    assertThatThrownBy(() -> Timestamps.parse("yesterday", SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected a date (2026-03-01)")
        .hasMessageEndingWith("got \"yesterday\"");
  }
}
