package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.examples.report.AsOfRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsOfRuleTest {
  /** 2026-03-10 14:00 UTC; in Shanghai already 22:00, in Los Angeles still 07:00. */
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-10T14:00:00Z"), ZoneOffset.UTC);
  private static final ZoneId UTC = ZoneId.of("UTC");

  @TempDir Path dir;

  @Test
  void theDayAfterTheLastRecordButNeverAfterTheStartOfTomorrow() {
    assertThat(AsOfRule.byDefault(Instant.parse("2026-03-01T10:00:00Z"), UTC, NOW))
        .isEqualTo(new AsOfRule(Instant.parse("2026-03-02T00:00:00Z"), AsOfRule.LAST_RECORD));
    // A record of today (or a typo in 2099) cannot move it past the start of tomorrow.
    assertThat(AsOfRule.byDefault(Instant.parse("2026-03-10T09:00:00Z"), UTC, NOW))
        .isEqualTo(new AsOfRule(Instant.parse("2026-03-11T00:00:00Z"), AsOfRule.CLOCK));
    assertThat(AsOfRule.byDefault(Instant.parse("2099-01-01T00:00:00Z"), UTC, NOW).instant())
        .isEqualTo("2026-03-11T00:00:00Z");
    assertThat(AsOfRule.byDefault(null, UTC, NOW))
        .isEqualTo(new AsOfRule(Instant.parse("2026-03-11T00:00:00Z"), AsOfRule.CLOCK));
  }

  @Test
  void tomorrowIsTheZones() {
    assertThat(AsOfRule.latest(NOW, ZoneId.of("Asia/Shanghai"))).isEqualTo("2026-03-10T16:00:00Z");
    assertThat(AsOfRule.latest(NOW, ZoneId.of("America/Los_Angeles"))).isEqualTo("2026-03-11T07:00:00Z");
    // The day after the last record, in the zone: 2026-03-01T20:00Z is 03-02 04:00 in Shanghai.
    assertThat(AsOfRule.byDefault(Instant.parse("2026-03-01T20:00:00Z"), ZoneId.of("Asia/Shanghai"), NOW).instant())
        .isEqualTo("2026-03-02T16:00:00Z");
  }

  @Test
  void aTypoInTheFutureIsAfterTheAsOfAndCountedInEveryCommandThatDefaultsIt() throws IOException {
    Path orders = Files.writeString(dir.resolve("orders.csv"), "user_id,order_id,occurred_at,amount,status\n"
        + "u1,o1,2026-03-01T10:00:00Z,10.00,paid\nu2,o2,2026-03-09T10:00:00Z,5.00,paid\n"
        + "u3,o3,2099-03-09T10:00:00Z,7.00,paid\n");

    JsonNode summary = json(runAt(NOW, "summary", "--orders", orders.toString(), "--json"));
    assertThat(summary.get("asOf").asText()).isEqualTo("2026-03-10T00:00:00Z");
    assertThat(summary.get("asOfRule").asText()).isEqualTo(AsOfRule.LAST_RECORD);
    assertThat(summary.get("orders").asLong()).isEqualTo(2);
    assertThat(summary.at("/diagnostics/skipped/AFTER_AS_OF").asLong()).isEqualTo(1);

    JsonNode retention = json(runAt(NOW, "retention", "--orders", orders.toString(), "--json"));
    assertThat(retention.at("/diagnostics/skipped/AFTER_AS_OF").asLong()).isEqualTo(1);
    assertThat(retention.get("cohorts").get(retention.get("cohorts").size() - 1).get("start").asText())
        .isEqualTo("2026-03-09");

    JsonNode active = json(runAt(NOW, "active", "--orders", orders.toString(), "--from", "2026-03-01",
        "--to", "2026-03-10", "--json"));
    assertThat(active.at("/diagnostics/skipped/AFTER_AS_OF").asLong()).isEqualTo(1);

    Run table = runAt(NOW, "retention", "--orders", orders.toString());
    assertThat(table.out()).contains("as of          2026-03-10T00:00:00Z (the day after the last record)");
  }

  @Test
  void anExplicitAsOfIsNotBoundedByTheClock() throws IOException {
    Path orders = Files.writeString(dir.resolve("orders.csv"), "user_id,order_id,occurred_at,amount,status\n"
        + "u3,o3,2099-03-09T10:00:00Z,7.00,paid\n");
    JsonNode summary = json(runAt(NOW, "summary", "--orders", orders.toString(), "--as-of", "2100-01-01", "--json"));
    assertThat(summary.get("orders").asLong()).isEqualTo(1);
    assertThat(summary.get("asOfRule").asText()).isEqualTo(AsOfRule.FLAG);
  }
}
