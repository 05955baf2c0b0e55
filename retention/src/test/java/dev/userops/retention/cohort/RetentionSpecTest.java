package dev.userops.retention.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetentionSpecTest {
  private static final String MINIMAL =
      "{\"zone\":\"Asia/Shanghai\",\"intervals\":7,\"from\":\"2026-01-01\",\"to\":\"2026-01-31\","
          + "\"asOf\":\"2026-03-01T00:00:00Z\"}";

  @Test
  void omittedFieldsTakeTheDefaults() {
    RetentionSpec spec = RetentionSpec.fromJson(MINIMAL);

    assertThat(spec).isEqualTo(new RetentionSpec(Granularity.DAY, ZoneId.of("Asia/Shanghai"),
        DayOfWeek.MONDAY, 7, List.of(), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
        Instant.parse("2026-03-01T00:00:00Z"), List.of(), List.of(), CohortMode.FIRST_TIME,
        ReturnMode.ON, WindowMode.CALENDAR, BadRecordPolicy.REJECT));
    assertThat(spec.startsCohort("anything")).isTrue();
  }

  @Test
  void everySpecRoundTripsThroughJson() {
    Random random = new Random(4);
    for (int i = 0; i < 200; i++) {
      RetentionSpec spec = RetentionPropertiesTest.randomSpec(random);
      assertThat(RetentionSpec.fromJson(spec.toJson())).isEqualTo(spec);
    }
  }

  @Test
  void eventListsAreSetsSoTheirOrderDoesNotMatter() {
    RetentionSpec a = RetentionSpec.fromJson(MINIMAL.replace("}", ",\"returnEvents\":[\"order\",\"launch\"]}"));
    RetentionSpec b = RetentionSpec.fromJson(MINIMAL.replace("}", ",\"returnEvents\":[\"launch\",\"order\",\"launch\"]}"));
    assertThat(a).isEqualTo(b);
    assertThat(a.countsAsReturn("signup")).isFalse();
  }

  @Test
  void configErrorsNameTheJsonPath() {
    assertThatThrownBy(() -> RetentionSpec.fromJson(MINIMAL.replace("}", ",\"colour\":1}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown field \"colour\"");
    assertThatThrownBy(() -> RetentionSpec.fromJson(MINIMAL.replace("}", ",\"granularity\":\"YEAR\"}")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.path()).isEqualTo("granularity"));
    assertThatThrownBy(() -> RetentionSpec.fromJson(MINIMAL.replace("}", ",\"brackets\":[1,\"x\"]}")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.path()).isEqualTo("brackets[1]"));
    assertThatThrownBy(() -> RetentionSpec.fromJson(MINIMAL.replace("\"2026-01-31\"", "\"31.01.2026\"")))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.path()).isEqualTo("to");
          assertThat(e.problem()).contains("ISO-8601 date");
        });
    assertThatThrownBy(() -> RetentionSpec.fromJson(MINIMAL.replace("\"intervals\":7", "\"intervals\":63")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("intervals must be in [1, 62], got 63");
  }

  @Test
  void conflictingSettingsAreRejectedNamingBoth() {
    assertThatThrownBy(() -> RetentionSpec.fromJson(
            MINIMAL.replace("}", ",\"brackets\":[3,4],\"intervals\":7}").replace("\"intervals\":7,", "")))
        .hasMessageContaining("intervals must be 0 or the number of brackets 2 when brackets are given, got 7");
    assertThatThrownBy(() -> RetentionSpec.fromJson(
            MINIMAL.replace("}", ",\"granularity\":\"MONTH\",\"window\":\"ROLLING\"}")))
        .hasMessageContaining("window ROLLING needs granularity DAY or WEEK");
    assertThatThrownBy(() -> RetentionSpec.fromJson(MINIMAL.replace("\"2026-01-31\"", "\"2025-12-31\"")))
        .hasMessageContaining("to must not be before from, got from 2026-01-01, to 2025-12-31");
    assertThatThrownBy(() -> RetentionSpec.fromJson(MINIMAL.replace("}", ",\"brackets\":[40,40]}")
            .replace("\"intervals\":7,", "\"intervals\":0,")))
        .hasMessageContaining("brackets must span at most 62 intervals, got 80");
  }

  @Test
  void builderNamesWhatTheConstructorTakesByPosition() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    LocalDate from = LocalDate.parse("2026-01-05");
    Instant asOf = Instant.parse("2026-04-01T00:00:00Z");
    RetentionSpec built = RetentionSpec.builder().granularity(Granularity.WEEK).zone(zone).from(from)
        .to(from.plusWeeks(3)).asOf(asOf).brackets(List.of(1, 3)).returnMode(ReturnMode.ON_OR_AFTER)
        .badRecords(BadRecordPolicy.SKIP_AND_COUNT).build();
    assertThat(built).isEqualTo(new RetentionSpec(Granularity.WEEK, zone, null, 0, List.of(1, 3), from,
        from.plusWeeks(3), asOf, null, null, null, ReturnMode.ON_OR_AFTER, null, BadRecordPolicy.SKIP_AND_COUNT));
    assertThat(built.toBuilder().build()).isEqualTo(built);
    // A derived spec may replace the columns it copied; only one builder's own settings conflict.
    assertThat(built.toBuilder().intervals(4).build().brackets()).isEmpty();
    // Defaults: 30 day columns, 12 week or month columns.
    assertThat(RetentionSpec.builder().zone(zone).from(from).to(from).asOf(asOf).build().intervals()).isEqualTo(30);
    assertThat(RetentionSpec.builder().zone(zone).from(from).to(from).asOf(asOf)
        .granularity(Granularity.MONTH).build().intervals()).isEqualTo(12);
  }

  @Test
  void builderRejectsConflictingSettingsWhenTheSecondIsSet() {
    assertThatThrownBy(() -> RetentionSpec.builder().intervals(7).brackets(List.of(3, 4)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("brackets [3, 4] cannot be combined with intervals 7: intervals set the columns");
    assertThatThrownBy(() -> RetentionSpec.builder().brackets(List.of(3, 4)).intervals(7))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("intervals 7 cannot be combined with brackets [3, 4]: brackets set the columns");
    assertThatThrownBy(() -> RetentionSpec.builder().window(WindowMode.ROLLING).granularity(Granularity.MONTH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("window ROLLING cannot be combined with granularity MONTH");
    assertThatThrownBy(() -> RetentionSpec.builder().granularity(Granularity.MONTH).window(WindowMode.ROLLING))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("window ROLLING cannot be combined with granularity MONTH");
    assertThatThrownBy(() -> RetentionSpec.builder().intervals(7).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("zone");
  }
}
