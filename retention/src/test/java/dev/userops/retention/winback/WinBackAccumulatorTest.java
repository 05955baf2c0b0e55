package dev.userops.retention.winback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.Accumulator;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.CalendarIndex;
import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.core.event.Activity;
import dev.userops.core.testing.AccumulatorLaws;
import dev.userops.retention.winback.WinBackResult.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WinBackAccumulatorTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final LocalDate FEB = LocalDate.of(2026, 2, 1);
  private static final LocalDate MAR = LocalDate.of(2026, 3, 1);

  private static Activity active(long user, String date) {
    return new Activity(user, Instant.parse(date + "T12:00:00Z"), "launch");
  }

  /** The hand-worked example of the test below, with silent after 7 days and lost after 30. */
  private static List<Activity> example() {
    List<Activity> activity =
        new ArrayList<>(
            List.of(
                active(1, "2026-01-10"),
                active(1, "2026-02-20"),
                active(2, "2026-02-01"),
                active(2, "2026-02-05"),
                active(2, "2026-02-15"),
                active(3, "2025-12-01"),
                active(3, "2026-03-10"),
                new Activity(5, Instant.parse("2026-04-01T00:00:00Z"), "launch")));
    for (LocalDate d = FEB; d.isBefore(LocalDate.of(2026, 4, 1)); d = d.plusDays(1)) {
      activity.add(active(4, d.toString()));
    }
    return activity;
  }

  private static WinBackResult run(WinBackSpec spec, List<Activity> activity) {
    WinBackAccumulator acc = spec.newAccumulator();
    activity.forEach(acc::add);
    return acc.result();
  }

  @Test
  void handWorkedMonths() {
    // User 1: lost on 02-09 (30 days after 01-10), lapsed at February's start, back on 02-20
    // (recalled), silent again on 02-27, lapsed at March's start, lost on 03-22.
    // User 2: new on 02-01; silent on 02-12, back on 02-15, silent on 02-22 (counted once in
    // February), lapsed at March's start, lost on 03-17.
    // User 3: seen only long before: lost at both starts, back on 03-10, silent again on 03-17.
    // User 4 is active every day; user 5 only at asOf, whose day is not complete.
    WinBackSpec spec = WinBackSpec.of(UTC, FEB, Instant.parse("2026-04-01T00:00:00Z"), 7, 30);

    WinBackResult result = run(spec, example());

    assertThat(result.periods())
        .containsExactly(
            new Period(FEB, true, 2, 1, 2, 1, 2), new Period(MAR, true, 3, 1, 1, 2, 1));
    assertThat(result.periods().get(0).recallRate()).isEqualTo(OptionalDouble.of(0.5));
  }

  @Test
  void anIncompletePeriodCountsItsCompletedDaysOnly() {
    WinBackSpec spec = WinBackSpec.of(UTC, FEB, Instant.parse("2026-03-15T12:00:00Z"), 7, 30);

    WinBackResult result =
        run(
            spec,
            example().stream()
                .filter(a -> a.occurredAt().isBefore(Instant.parse("2026-03-15T12:00:00Z")))
                .toList());

    assertThat(result.periods())
        .containsExactly(
            new Period(FEB, true, 2, 1, 2, 1, 2), new Period(MAR, false, 3, 1, 0, 0, 1));
  }

  @Test
  void theZoneDecidesWhichDaysWereInactive() {
    // 20:00Z on 02-10 is 04:00 on 02-11 in Shanghai: there, 02-10 was a day without activity and
    // 02-11 a return. In UTC the user only turns silent on 02-11, the last day complete at asOf.
    List<Activity> activity =
        List.of(
            new Activity(1, Instant.parse("2026-02-09T10:00:00Z"), "launch"),
            new Activity(1, Instant.parse("2026-02-10T20:00:00Z"), "launch"));
    Instant asOf = Instant.parse("2026-02-12T00:00:00Z");

    WinBackResult utc = run(WinBackSpec.of(UTC, FEB, asOf, 1, 2), activity);
    WinBackResult shanghai =
        run(WinBackSpec.of(ZoneId.of("Asia/Shanghai"), FEB, asOf, 1, 2), activity);

    assertThat(utc.periods().get(0)).isEqualTo(new Period(FEB, false, 0, 0, 1, 0, 0));
    assertThat(shanghai.periods().get(0)).isEqualTo(new Period(FEB, false, 0, 0, 1, 0, 1));
  }

  @Test
  void weeksStartOnTheRequestedDay() {
    // Silent after 2 days: active Wed 02-04, silent on Fri 02-06, back on Sun 02-08.
    List<Activity> activity = List.of(active(1, "2026-02-04"), active(1, "2026-02-08"));
    Instant asOf = Instant.parse("2026-02-16T00:00:00Z");
    WinBackSpec monday =
        WinBackSpec.of(UTC, LocalDate.of(2026, 2, 2), asOf, 2, 10).withPeriod(Granularity.WEEK);
    WinBackSpec sunday =
        new WinBackSpec(
            UTC,
            java.time.DayOfWeek.SUNDAY,
            Granularity.WEEK,
            LocalDate.of(2026, 2, 1),
            asOf,
            2,
            10,
            null);

    // Monday weeks: 02-06 and 02-08 in the week of 02-02; the user lapses again on 02-10.
    assertThat(run(monday, activity).periods())
        .containsExactly(
            new Period(LocalDate.of(2026, 2, 2), true, 0, 0, 1, 0, 1),
            new Period(LocalDate.of(2026, 2, 9), true, 0, 0, 1, 0, 0));
    // Sunday weeks: 02-08 starts a week, and the user is lapsed at its start and the next one's.
    assertThat(run(sunday, activity).periods())
        .containsExactly(
            new Period(LocalDate.of(2026, 2, 1), true, 0, 0, 1, 0, 0),
            new Period(LocalDate.of(2026, 2, 8), true, 1, 1, 1, 0, 1),
            new Period(LocalDate.of(2026, 2, 15), false, 1, 0, 0, 0, 0));
  }

  @Test
  void badRecordsAndInvalidSpecs() {
    Instant asOf = Instant.parse("2026-03-01T00:00:00Z");
    WinBackSpec spec =
        WinBackSpec.of(UTC, FEB, asOf, 7, 30).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    WinBackResult result =
        run(
            spec,
            List.of(
                new Activity(1, asOf.plusMillis(1), "launch"),
                new Activity(1, Instant.ofEpochMilli(-1), "launch")));
    assertThat(result.diagnostics().skipped())
        .containsExactly(
            Map.entry(BadRecordReason.BEFORE_1970, 1L), Map.entry(BadRecordReason.AFTER_AS_OF, 1L));

    assertThatThrownBy(() -> WinBackSpec.of(UTC, FEB, asOf, 30, 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lostDays must be in (silentDays, 3650], got 30 with silentDays 30");
    assertThatThrownBy(() -> WinBackSpec.of(UTC, LocalDate.of(2026, 3, 2), asOf, 7, 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from must be on or before");
    assertThat(WinBackSpec.fromJson(spec.toJson())).isEqualTo(spec);
    assertThatThrownBy(
            () -> WinBackSpec.fromJson(spec.toJson().replace("\"lostDays\"", "\"lost\"")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("lost");
  }

  /**
   * Day-by-day from each user's full activity history, with none of the accumulator's shortcuts.
   */
  static List<Period> reference(WinBackSpec spec, List<Activity> activity) {
    CalendarIndex calendar = CalendarIndex.of(spec.zone(), spec.weekStart());
    long asOfMillis = spec.asOf().toEpochMilli();
    Map<Long, TreeSet<Long>> daysByUser = new TreeMap<>();
    for (Activity a : activity) {
      long millis = a.occurredAt().toEpochMilli();
      if (millis >= 0 && millis <= asOfMillis) {
        daysByUser.computeIfAbsent(a.userId(), u -> new TreeSet<>()).add(calendar.dayIndex(millis));
      }
    }
    Granularity g = spec.period();
    long firstPeriod = calendar.indexOf(g, spec.from());
    long lastDay = calendar.dayIndex(asOfMillis + 1) - 1;
    List<Period> periods = new ArrayList<>();
    for (long p = firstPeriod; calendar.periodStart(g, p).toEpochDay() <= lastDay; p++) {
      long start = calendar.periodStart(g, p).toEpochDay();
      long end = Math.min(calendar.periodStart(g, p + 1).toEpochDay() - 1, lastDay);
      long[] counts = new long[5];
      for (TreeSet<Long> days : daysByUser.values()) {
        Long before = days.lower(start);
        boolean lapsed = before != null && start - 1 - before >= spec.silentDays();
        boolean active = days.ceiling(start) != null && days.ceiling(start) <= end;
        boolean silent = false;
        boolean lost = false;
        boolean back = false;
        for (long t = start; t <= end; t++) {
          Long last = days.floor(t);
          silent |= last != null && t - last == spec.silentDays();
          lost |= last != null && t - last == spec.lostDays();
          Long previous = days.lower(t);
          back |= days.contains(t) && previous != null && t - previous - 1 >= spec.silentDays();
        }
        counts[0] += lapsed ? 1 : 0;
        counts[1] += lapsed && active ? 1 : 0;
        counts[2] += silent ? 1 : 0;
        counts[3] += lost ? 1 : 0;
        counts[4] += back ? 1 : 0;
      }
      periods.add(
          new Period(
              LocalDate.ofEpochDay(start),
              calendar.isComplete(g, p, asOfMillis),
              counts[0],
              counts[1],
              counts[2],
              counts[3],
              counts[4]));
    }
    return periods;
  }

  @Property(tries = 40)
  void matchesADayByDayReference(
      @ForAll @IntRange(min = 0, max = 300) int count,
      @ForAll @IntRange(min = 0, max = 2) int periodIndex,
      @ForAll long seed) {
    Random random = new Random(seed);
    // New York: DST days are 23 and 25 hours long; asOf mid-day leaves the last day incomplete.
    Instant asOf = Instant.parse("2026-04-20T15:00:00Z");
    long from = Instant.parse("2025-10-01T00:00:00Z").toEpochMilli();
    long span = asOf.toEpochMilli() - from;
    List<Activity> activity = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long millis = from + (long) (random.nextDouble() * span);
      activity.add(new Activity(random.nextInt(15), Instant.ofEpochMilli(millis), "launch"));
    }
    int silent = 1 + random.nextInt(10);
    WinBackSpec spec =
        new WinBackSpec(
            ZoneId.of("America/New_York"),
            java.time.DayOfWeek.SUNDAY,
            Granularity.values()[periodIndex],
            LocalDate.of(2026, 2, 10),
            asOf,
            silent,
            silent + 1 + random.nextInt(40),
            null);

    assertThat(run(spec, activity).periods()).isEqualTo(reference(spec, activity));
  }

  @Property(tries = 25)
  void accumulatorLawsHold(@ForAll @IntRange(min = 0, max = 150) int count, @ForAll long seed) {
    Instant asOf = Instant.parse("2026-05-20T07:00:00Z");
    Random random = new Random(seed);
    List<Activity> activity = randomLaunches(random, count, 12, asOf);
    WinBackSpec monthly =
        WinBackSpec.of(ZoneId.of("America/New_York"), LocalDate.of(2026, 1, 15), asOf, 5, 20)
            .withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    for (WinBackSpec spec :
        List.of(
            monthly, monthly.withPeriod(Granularity.WEEK), monthly.withPeriod(Granularity.DAY))) {
      WinBackSpec other =
          new WinBackSpec(
              spec.zone(),
              spec.weekStart(),
              spec.period(),
              spec.from(),
              spec.asOf(),
              spec.silentDays() + 1,
              spec.lostDays(),
              spec.badRecords());
      AccumulatorLaws.<Activity, WinBackAccumulator, WinBackResult>of(
              spec, WinBackAccumulator::add, other)
          .check(activity, seed);
    }
  }

  /** Bytes of the hand-worked example in format version 1, written when the format was released. */
  @Test
  void version1BytesStillRead() throws IOException {
    WinBackSpec spec = WinBackSpec.of(UTC, FEB, Instant.parse("2026-04-01T00:00:00Z"), 7, 30);
    WinBackAccumulator fresh = spec.newAccumulator();
    example().forEach(fresh::add);
    Path golden = Path.of("src/test/resources/retention/golden/win-back-v1.bin");
    byte[] v1 = Files.readAllBytes(golden);
    assertThat(fresh.toByteArray()).isEqualTo(v1);
    assertThat(Accumulator.fromBytes(v1, WinBackAccumulator.class).result()).isEqualTo(fresh.result());
  }

  /**
   * {@code count} launches of users {@code [0, users)} from 2025-11-01 to a day after {@code asOf}:
   * one in 30 is before 1970 and some are after {@code asOf}, bad records under skip.
   */
  static List<Activity> randomLaunches(Random random, int count, int users, Instant asOf) {
    long from = Instant.parse("2025-11-01T00:00:00Z").toEpochMilli();
    long span = asOf.toEpochMilli() + 86_400_000L - from;
    List<Activity> activity = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long millis = random.nextInt(30) == 0 ? -5 : from + (long) (random.nextDouble() * span);
      activity.add(new Activity(random.nextInt(users), Instant.ofEpochMilli(millis), "launch"));
    }
    return activity;
  }
}
