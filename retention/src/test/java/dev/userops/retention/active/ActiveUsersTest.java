package dev.userops.retention.active;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.event.Activity;
import dev.userops.retention.testing.DisjointUsers;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ActiveUsersTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  /** How the Spark adapter adds partitions of users: the sum of disjoint users' counts is one pass. */
  @Property(tries = 200)
  void countsOfDisjointUsersAddUpToOnePass(@ForAll long seed, @ForAll @IntRange(max = 300) int count) {
    Random random = new Random(seed);
    ActiveUsersSpec spec = ActiveUsersAccumulatorTest.randomSpec(random, BadRecordPolicy.SKIP_AND_COUNT);
    List<Activity> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Users span several blocks of 512; one event in 20 is before 1970, a bad record.
      long at = random.nextInt(20) == 0 ? -1 - random.nextInt(1000) : ActiveUsersAccumulatorTest.randomMillis(spec, random);
      events.add(new Activity(random.nextInt(2000), Instant.ofEpochMilli(at), "x"));
    }

    DisjointUsers.assertPartsAddUp(spec, events, Activity::userId, ActiveUsersAccumulator::add, ActiveUsers::plus,
        1 + random.nextInt(4));
  }

  @Test
  void addsCountsAndComputesStickinessAgain() {
    ActiveUsersSpec spec = new ActiveUsersSpec(UTC, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"),
        DayOfWeek.MONDAY, BadRecordPolicy.SKIP_AND_COUNT);
    ActiveUsers today = spec.newAccumulator().add(new Activity(1, Instant.parse("2026-03-01T10:00:00Z"), "x"))
        .add(new Activity(1, Instant.parse("1969-12-31T10:00:00Z"), "x")).result();
    ActiveUsers earlier = spec.newAccumulator().add(new Activity(2, Instant.parse("2026-02-20T10:00:00Z"), "x"))
        .result();

    ActiveUsers sum = today.plus(earlier);

    assertThat(sum.days()).containsExactly(new ActiveUsers.Day(LocalDate.parse("2026-03-01"), 1, 1, 2, 1, 1, 0.5));
    assertThat(sum.diagnostics().skipped(BadRecordReason.BEFORE_1970)).isEqualTo(1);
    assertThat(earlier.plus(today)).isEqualTo(sum);
  }

  @Test
  void refusesCountsOfDifferentSpecs() {
    ActiveUsers march = ActiveUsersSpec.of(UTC, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"))
        .newAccumulator().result();
    ActiveUsers april = ActiveUsersSpec.of(UTC, LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-02"))
        .newAccumulator().result();
    ActiveUsers paris = ActiveUsersSpec.of(ZoneId.of("Europe/Paris"), LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-02")).newAccumulator().result();

    assertThatThrownBy(() -> march.plus(april))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different specs");
    assertThatThrownBy(() -> march.plus(paris))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different specs");
  }
}
