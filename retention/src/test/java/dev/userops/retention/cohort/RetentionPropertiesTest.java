package dev.userops.retention.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.event.Activity;
import dev.userops.core.testing.AccumulatorLaws;
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

/**
 * On random specs (every granularity, zone, week start, mode and bracket layout) and random events
 * of a few users (in any order, returns before starts, events before the range), the accumulator
 * equals the java.time reference and keeps the accumulator laws.
 */
class RetentionPropertiesTest {
  private static final String[] ZONES = {"UTC", "Asia/Shanghai", "America/New_York", "Australia/Lord_Howe",
      "Pacific/Apia"};
  private static final String[] TYPES = {"signup", "launch", "order"};

  static RetentionSpec randomSpec(Random random) {
    Granularity granularity = Granularity.values()[random.nextInt(3)];
    WindowMode window = granularity == Granularity.MONTH ? WindowMode.CALENDAR
        : WindowMode.values()[random.nextInt(2)];
    List<Integer> brackets = new ArrayList<>();
    int intervals = 1 + random.nextInt(6);
    if (random.nextBoolean()) {
      for (int i = 0; i < intervals; i++) {
        // At most 6 brackets of 10 intervals: within RetentionSpec.MAX_SPAN (62).
        brackets.add(1 + random.nextInt(random.nextInt(10) == 0 ? 10 : 3));
      }
    }
    LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(400));
    LocalDate to = from.plusDays(random.nextInt(granularity == Granularity.DAY ? 20 : 90));
    Instant asOf = to.plusDays(random.nextInt(120)).atStartOfDay(ZoneId.of("UTC")).toInstant()
        .plusMillis(random.nextInt(86_400_000));
    return new RetentionSpec(granularity, ZoneId.of(ZONES[random.nextInt(ZONES.length)]),
        DayOfWeek.of(1 + random.nextInt(7)), brackets.isEmpty() || random.nextBoolean() ? intervals : 0,
        brackets, from, to, asOf,
        random.nextBoolean() ? List.of("signup") : List.of(),
        random.nextBoolean() ? List.of("launch", "order") : List.of(),
        CohortMode.values()[random.nextInt(2)], ReturnMode.values()[random.nextInt(2)], window,
        BadRecordPolicy.REJECT);
  }

  static List<Activity> randomEvents(RetentionSpec spec, Random random, int count) {
    long lo = spec.from().minusDays(20).atStartOfDay(spec.zone()).toInstant().toEpochMilli();
    long hi = spec.asOf().toEpochMilli();
    List<Activity> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Some events on exact 24 h multiples of others, to hit rolling window edges.
      long at = i > 0 && random.nextInt(5) == 0
          ? Math.min(hi, events.get(random.nextInt(i)).occurredAt().toEpochMilli() + 86_400_000L * random.nextInt(9))
          : lo + (long) (random.nextDouble() * (hi - lo));
      events.add(new Activity(random.nextInt(8), Instant.ofEpochMilli(at), TYPES[random.nextInt(TYPES.length)]));
    }
    return events;
  }

  @Property(tries = 300)
  void equalsTheReferenceAndKeepsTheLaws(@ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int count) {
    Random random = new Random(seed);
    RetentionSpec spec = randomSpec(random);
    List<Activity> events = randomEvents(spec, random, count);
    RetentionSpec other = new RetentionSpec(spec.granularity(), spec.zone(), spec.weekStart(),
        spec.intervals(), spec.brackets(), spec.from(), spec.to(), spec.asOf().plusMillis(1),
        spec.startEvents(), spec.returnEvents(), spec.cohortMode(), spec.returnMode(), spec.window(),
        spec.badRecords());

    RetentionMatrix result =
        AccumulatorLaws.<Activity, RetentionAccumulator, RetentionMatrix>of(spec, RetentionAccumulator::add, other).check(events, seed);

    assertThat(result).as(spec.toJson()).isEqualTo(ReferenceMatrix.of(spec, events));
  }

  @Property(tries = 50)
  void longRangesOfRecurringCohortsSpanManyBitmapWords(@ForAll long seed) {
    Random random = new Random(seed);
    LocalDate from = LocalDate.of(2025, 1, 1);
    RetentionSpec spec = new RetentionSpec(Granularity.DAY, ZoneId.of("Europe/Berlin"), null, 40,
        List.of(), from, from.plusDays(150), Instant.parse("2025-09-01T00:00:00Z"), List.of(), List.of(),
        CohortMode.RECURRING, ReturnMode.values()[random.nextInt(2)], WindowMode.CALENDAR, null);
    List<Activity> events = randomEvents(spec, random, 300);

    RetentionAccumulator acc = spec.newAccumulator();
    events.forEach(acc::add);

    assertThat(acc.result()).isEqualTo(ReferenceMatrix.of(spec, events));
  }

  /** How the Spark adapter adds partitions of users: the sum of disjoint users' matrices is one pass. */
  @Property(tries = 300)
  void matricesOfDisjointUsersAddUpToOnePass(@ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int count) {
    Random random = new Random(seed);
    RetentionSpec spec = randomSpec(random);
    List<Activity> events = randomEvents(spec, random, count);
    RetentionMatrix sum = DisjointUsers.assertPartsAddUp(spec, events, Activity::userId, RetentionAccumulator::add,
        RetentionMatrix::plus, 1 + random.nextInt(3));

    assertThat(RetentionMatrix.fromJson(sum.toJson())).isEqualTo(sum);
  }
}
