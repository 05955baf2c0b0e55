package dev.userops.retention.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.core.event.Activity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RetentionMatrixTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static RetentionSpec monthly(int intervals) {
    return RetentionSpec.builder()
        .granularity(Granularity.MONTH)
        .zone(ZONE)
        .intervals(intervals)
        .from(LocalDate.of(2025, 1, 1))
        .to(LocalDate.of(2025, 3, 31))
        .asOf(Instant.parse("2025-06-01T00:00:00Z"))
        .build();
  }

  private static RetentionMatrix matrix(RetentionSpec spec, long user, String... times) {
    RetentionAccumulator accumulator = spec.newAccumulator();
    for (String time : times) {
      accumulator.add(new Activity(user, Instant.parse(time), "order"));
    }
    return accumulator.result();
  }

  @Test
  void addsCountsAndComputesRatesAndMeansAgain() {
    RetentionSpec spec = monthly(3);
    RetentionMatrix returning = matrix(spec, 1, "2025-01-10T10:00:00Z", "2025-02-10T10:00:00Z");
    RetentionMatrix once = matrix(spec, 2, "2025-01-20T10:00:00Z");

    RetentionMatrix sum = returning.plus(once);

    RetentionMatrix.Cohort january = sum.cohorts().get(0);
    assertThat(january.size()).isEqualTo(2);
    assertThat(january.counts()).containsExactly(2L, 1L, 0L, 0L);
    assertThat(january.rates()).containsExactly(1.0, 0.5, 0.0, 0.0);
    assertThat(sum.mean().rates().get(1)).isEqualTo(0.5);
    assertThat(once.plus(returning)).isEqualTo(sum);
  }

  @Test
  void refusesMatricesOfDifferentSpecs() {
    RetentionMatrix three = matrix(monthly(3), 1, "2025-01-10T10:00:00Z");
    RetentionMatrix two = matrix(monthly(2), 1, "2025-01-10T10:00:00Z");

    assertThatThrownBy(() -> three.plus(two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different specs");
  }

  @Test
  void readsBackItsJsonAndNamesAMissingField() {
    RetentionMatrix matrix = matrix(monthly(3), 1, "2025-01-10T10:00:00Z", "2025-03-02T10:00:00Z");

    assertThat(RetentionMatrix.fromJson(matrix.toJson())).isEqualTo(matrix);
    assertThatThrownBy(() -> RetentionMatrix.fromJson("{\"granularity\":\"MONTH\"}"))
        .isInstanceOf(ConfigException.class);
  }
}
