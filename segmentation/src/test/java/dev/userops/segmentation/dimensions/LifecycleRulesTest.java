package dev.userops.segmentation.dimensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.CalendarIndex;
import dev.userops.core.ConfigException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LifecycleRulesTest {
  private static final LifecycleRules RULES = LifecycleRules.DEFAULT;
  private static final long AS_OF = LocalDate.of(2025, 6, 30).toEpochDay();

  private static LifecycleStage stage(long first, long previous, long last) {
    return RULES.stage(new UserActivity(AS_OF - first, AS_OF - previous, AS_OF - last), AS_OF);
  }

  @Test
  void defaultsAreSevenThirtyNinety() {
    assertThat(RULES).isEqualTo(new LifecycleRules(7, 30, 90));
    assertThat(LifecycleRules.fromJson("{}")).isEqualTo(RULES);
    assertThat(LifecycleRules.fromJson(RULES.toJson())).isEqualTo(RULES);
  }

  @Test
  void stagesAtTheirEdges() {
    assertThat(stage(6, 6, 6)).isEqualTo(LifecycleStage.NEW);
    assertThat(stage(7, 7, 7)).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(stage(100, 50, 29)).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(stage(100, 50, 30)).isEqualTo(LifecycleStage.SILENT);
    assertThat(stage(100, 95, 89)).isEqualTo(LifecycleStage.SILENT);
    assertThat(stage(100, 95, 90)).isEqualTo(LifecycleStage.LOST);
    assertThat(stage(100, 31, 1)).as("gap of 30 days before the last activity").isEqualTo(LifecycleStage.RETURNING);
    assertThat(stage(100, 30, 1)).as("gap of 29 days").isEqualTo(LifecycleStage.ACTIVE);
  }

  @Test
  void daysAreCalendarDaysAcrossDst() {
    // New York falls back on 2024-11-03 (a 25-hour day). Seen at 23:30 on 2024-10-27 local, asOf
    // 00:10 on 2024-11-03: 7 calendar days, although fewer than 7 × 24 hours later.
    ZoneId zone = ZoneId.of("America/New_York");
    CalendarIndex calendar = CalendarIndex.of(zone);
    long seen = LocalDateTime.parse("2024-10-27T23:30").atZone(zone).toInstant().toEpochMilli();
    long asOf = LocalDateTime.parse("2024-11-03T00:10").atZone(zone).toInstant().toEpochMilli();
    assertThat(asOf - seen).isLessThan(7 * 86_400_000L);
    assertThat(RULES.stage(UserActivity.of(seen, calendar), asOf, calendar)).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(RULES.stage(UserActivity.of(seen, calendar), asOf - 20 * 60_000L, calendar)).isEqualTo(LifecycleStage.NEW);
  }

  @Test
  void observeKeepsFirstLastAndTheDayBeforeLastInAnyOrder() {
    UserActivity a = UserActivity.of(10).observe(50).observe(20).observe(5).observe(50).observe(40);
    assertThat(a).isEqualTo(new UserActivity(5, 40, 50));
    UserActivity b = UserActivity.of(40).observe(5).observe(50).observe(20).observe(10);
    assertThat(b).isEqualTo(a);
    assertThat(UserActivity.of(3).gapBeforeLastDays()).isZero();
  }

  @Test
  void invalidRulesAndFutureActivityAreRejected() {
    assertThatThrownBy(() -> new LifecycleRules(7, 30, 20)).hasMessageContaining("lostDays must be >= silentDays 30, got 20");
    assertThatThrownBy(() -> LifecycleRules.fromJson("{\"silentDays\":0}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("silentDays must be > 0, got 0");
    assertThatThrownBy(() -> RULES.stage(UserActivity.of(AS_OF + 1), AS_OF)).hasMessageContaining("activity.lastDay");
  }
}
