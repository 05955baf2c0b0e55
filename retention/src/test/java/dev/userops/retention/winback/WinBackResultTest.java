package dev.userops.retention.winback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Granularity;
import dev.userops.core.event.Activity;
import dev.userops.retention.testing.DisjointUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WinBackResultTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant AS_OF = Instant.parse("2026-05-20T07:00:00Z");

  /** How the Spark adapter adds partitions of users: the sum of disjoint users' results is one pass. */
  @Property(tries = 60)
  void resultsOfDisjointUsersAddUpToOnePass(
      @ForAll @IntRange(min = 0, max = 300) int count, @ForAll @IntRange(min = 0, max = 2) int periodIndex,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<Activity> activity = WinBackAccumulatorTest.randomLaunches(random, count, 40, AS_OF);
    int silent = 1 + random.nextInt(10);
    WinBackSpec spec = new WinBackSpec(NEW_YORK, java.time.DayOfWeek.SUNDAY, Granularity.values()[periodIndex],
        LocalDate.of(2026, 2, 10), AS_OF, silent, silent + 1 + random.nextInt(40), BadRecordPolicy.SKIP_AND_COUNT);

    DisjointUsers.assertPartsAddUp(spec, activity, Activity::userId, WinBackAccumulator::add, WinBackResult::plus,
        1 + random.nextInt(4));
  }

  @Test
  void addsCountsPeriodByPeriod() {
    WinBackSpec spec = WinBackSpec.of(ZoneId.of("UTC"), LocalDate.of(2026, 2, 1), Instant.parse("2026-04-01T00:00:00Z"),
        7, 30).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    WinBackResult back = spec.newAccumulator()
        .add(new Activity(1, Instant.parse("2026-01-20T10:00:00Z"), "launch"))
        .add(new Activity(1, Instant.parse("2026-02-10T10:00:00Z"), "launch")).result();
    WinBackResult gone = spec.newAccumulator()
        .add(new Activity(2, Instant.parse("2026-01-20T10:00:00Z"), "launch"))
        .add(new Activity(2, Instant.ofEpochMilli(-1), "launch")).result();

    WinBackResult sum = back.plus(gone);

    WinBackResult.Period february = sum.periods().get(0);
    assertThat(february.lapsedAtStart()).isEqualTo(2);
    assertThat(february.recalled()).isEqualTo(1);
    assertThat(february.recallRate()).hasValue(0.5);
    assertThat(sum.diagnostics().skipped(BadRecordReason.BEFORE_1970)).isEqualTo(1);
    assertThat(gone.plus(back)).isEqualTo(sum);
  }

  @Test
  void refusesResultsOfDifferentSpecs() {
    WinBackSpec monthly = WinBackSpec.of(ZoneId.of("UTC"), LocalDate.of(2026, 2, 1), AS_OF, 7, 30);
    WinBackResult months = monthly.newAccumulator().result();

    for (WinBackSpec other : List.of(monthly.withPeriod(Granularity.WEEK),
        WinBackSpec.of(ZoneId.of("UTC"), LocalDate.of(2026, 2, 1), AS_OF, 7, 31),
        WinBackSpec.of(ZoneId.of("UTC"), LocalDate.of(2026, 3, 1), AS_OF, 7, 30))) {
      assertThatThrownBy(() -> months.plus(other.newAccumulator().result()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("different specs");
    }
  }
}
