package dev.userops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarIndexTest {
  private static final long FROM_1970 = 0L;
  private static final long TO_2100 = 4_102_444_800_000L; // 2100-01-01T00:00:00Z

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "UTC",
            "Asia/Shanghai",
            "America/Los_Angeles",
            "Europe/London",
            "Australia/Lord_Howe",
            "Pacific/Apia",
            "America/Sao_Paulo",
            "Asia/Kathmandu",
            "America/St_Johns")
        .map(ZoneId::of);
  }

  @Provide
  Arbitrary<DayOfWeek> weekStarts() {
    return Arbitraries.of(DayOfWeek.class);
  }

  /** The plain java.time answers CalendarIndex must reproduce. */
  private static void assertAgreesWithJavaTime(CalendarIndex calendar, long millis) {
    ZonedDateTime local = Instant.ofEpochMilli(millis).atZone(calendar.zone());
    LocalDate date = local.toLocalDate();
    assertThat(calendar.offsetMillis(millis)).isEqualTo(local.getOffset().getTotalSeconds() * 1000L);
    assertThat(calendar.dayIndex(millis)).isEqualTo(date.toEpochDay());

    long week = calendar.weekIndex(millis);
    LocalDate weekStart = date.with(TemporalAdjusters.previousOrSame(calendar.weekStart()));
    assertThat(calendar.periodStart(Granularity.WEEK, week)).isEqualTo(weekStart);
    assertThat(calendar.periodStart(Granularity.WEEK, week + 1)).isEqualTo(weekStart.plusWeeks(1));

    long month = calendar.monthIndex(millis);
    assertThat(YearMonth.from(calendar.periodStart(Granularity.MONTH, month))).isEqualTo(YearMonth.from(date));
    assertThat(month).isEqualTo((date.getYear() - 1970) * 12L + date.getMonthValue() - 1);

    for (Granularity g : Granularity.values()) {
      long index = calendar.index(g, millis);
      assertThat(calendar.indexOf(g, calendar.periodStart(g, index))).isEqualTo(index);
      long start = calendar.periodStartEpochMillis(g, index);
      long end = calendar.periodStartEpochMillis(g, index + 1);
      if (start > millis || end <= millis) {
        // Only where the clock went back across midnight does a local date repeat, so that an
        // instant of the repeated hour lies outside [start of its day, start of the next day).
        assertThat(crossesMidnightNear(calendar.zone(), millis)).as("period contains %s", millis).isTrue();
      }
      assertThat(start)
          .isEqualTo(calendar.periodStart(g, index).atStartOfDay(calendar.zone()).toInstant().toEpochMilli());
    }
  }

  private static boolean crossesMidnightNear(ZoneId zone, long millis) {
    var transition = zone.getRules().previousTransition(Instant.ofEpochMilli(millis + 2 * 86_400_000L));
    return transition != null
        && Math.abs(transition.toEpochSecond() * 1000L - millis) <= 2 * 86_400_000L
        && !transition.getDateTimeBefore().toLocalDate().equals(transition.getDateTimeAfter().toLocalDate());
  }

  @Property(tries = 3000)
  void agreesWithJavaTimeFrom1970To2100(
      @ForAll("zones") ZoneId zone,
      @ForAll("weekStarts") DayOfWeek weekStart,
      @ForAll @LongRange(min = FROM_1970, max = TO_2100) long millis) {
    assertAgreesWithJavaTime(CalendarIndex.of(zone, weekStart), millis);
  }

  @Property(tries = 1000)
  void agreesWithJavaTimeAroundEveryTransition(
      @ForAll("zones") ZoneId zone, @ForAll @LongRange(min = FROM_1970, max = TO_2100) long millis) {
    var transition = zone.getRules().nextTransition(Instant.ofEpochMilli(millis));
    if (transition == null) {
      return;
    }
    CalendarIndex calendar = CalendarIndex.of(zone);
    long at = transition.toEpochSecond() * 1000L;
    for (long delta : new long[] {-86_400_000L, -3_600_001L, -1, 0, 1, 3_600_000L, 86_400_000L}) {
      assertAgreesWithJavaTime(calendar, at + delta);
    }
  }

  @Property(tries = 300)
  void outsideTheTableFallsBackToZoneRules(
      @ForAll("zones") ZoneId zone,
      @ForAll @LongRange(min = -8_000_000_000_000L, max = 20_000_000_000_000L) long millis) {
    assertAgreesWithJavaTime(CalendarIndex.of(zone, DayOfWeek.SUNDAY), millis);
  }

  private static long millis(String zonedDateTime) {
    return ZonedDateTime.parse(zonedDateTime).toInstant().toEpochMilli();
  }

  private static Duration dayLength(CalendarIndex calendar, LocalDate date) {
    long day = date.toEpochDay();
    return Duration.ofMillis(
        calendar.periodStartEpochMillis(Granularity.DAY, day + 1)
            - calendar.periodStartEpochMillis(Granularity.DAY, day));
  }

  @ParameterizedTest(name = "{0} on {1} lasts {2}")
  @CsvSource({
    "America/Los_Angeles, 2026-03-08, PT23H", // spring forward at 02:00
    "America/Los_Angeles, 2026-11-01, PT25H", // fall back at 02:00
    "Europe/London, 2026-03-29, PT23H",
    "Europe/London, 2026-10-25, PT25H",
    "Australia/Lord_Howe, 2026-04-05, PT24H30M", // 30-minute DST ends
    "Australia/Lord_Howe, 2026-10-04, PT23H30M", // 30-minute DST starts
    "Pacific/Apia, 2011-12-29, PT24H",
    "Asia/Shanghai, 2026-03-08, PT24H",
    "UTC, 2024-02-29, PT24H"
  })
  void dstDaysAreCalendarDaysOfTheirRealLength(String zone, LocalDate date, Duration length) {
    assertThat(dayLength(CalendarIndex.of(ZoneId.of(zone)), date)).isEqualTo(length);
  }

  @Test
  void aClockSetBackAcrossMidnightRepeatsTheLocalDate() {
    // America/St_Johns ended DST at 00:01 until 2011: 1987-10-25T00:01 NDT became 1987-10-24T23:01 NST.
    CalendarIndex stJohns = CalendarIndex.of(ZoneId.of("America/St_Johns"));
    long transition = Instant.parse("1987-10-25T02:31:00Z").toEpochMilli();
    assertThat(LocalDate.ofEpochDay(stJohns.dayIndex(transition - 1))).isEqualTo(LocalDate.of(1987, 10, 25));
    assertThat(LocalDate.ofEpochDay(stJohns.dayIndex(transition))).isEqualTo(LocalDate.of(1987, 10, 24));
  }

  @Test
  void apiaSkippedTheThirtiethOfDecember2011() {
    CalendarIndex apia = CalendarIndex.of(ZoneId.of("Pacific/Apia"));
    long lastSecondOf29th = millis("2011-12-29T23:59:59-10:00[Pacific/Apia]");
    assertThat(LocalDate.ofEpochDay(apia.dayIndex(lastSecondOf29th))).isEqualTo(LocalDate.of(2011, 12, 29));
    assertThat(LocalDate.ofEpochDay(apia.dayIndex(lastSecondOf29th + 1000)))
        .isEqualTo(LocalDate.of(2011, 12, 31));
    // The skipped day has no instants: its period is empty.
    long skipped = LocalDate.of(2011, 12, 30).toEpochDay();
    assertThat(apia.periodStartEpochMillis(Granularity.DAY, skipped))
        .isEqualTo(apia.periodStartEpochMillis(Granularity.DAY, skipped + 1));
  }

  @Test
  void midnightSkippedByDstStartsTheDayAtOneInTheMorning() {
    // Brazil moved clocks from 00:00 to 01:00 on 2018-11-04.
    CalendarIndex saoPaulo = CalendarIndex.of(ZoneId.of("America/Sao_Paulo"));
    long start = saoPaulo.periodStartEpochMillis(Granularity.DAY, LocalDate.of(2018, 11, 4).toEpochDay());
    assertThat(Instant.ofEpochMilli(start)).isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
    assertThat(saoPaulo.dayIndex(start - 1)).isEqualTo(LocalDate.of(2018, 11, 3).toEpochDay());
  }

  @Test
  void theSameInstantFallsInDifferentDaysEastAndWestOfUtc() {
    long instant = millis("2026-01-31T20:00:00Z");
    assertThat(LocalDate.ofEpochDay(CalendarIndex.of(ZoneId.of("Asia/Shanghai")).dayIndex(instant)))
        .isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(LocalDate.ofEpochDay(CalendarIndex.of(ZoneId.of("America/Los_Angeles")).dayIndex(instant)))
        .isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(CalendarIndex.of(ZoneId.of("Asia/Shanghai")).monthIndex(instant))
        .isEqualTo(CalendarIndex.of(ZoneId.of("UTC")).monthIndex(instant) + 1);
  }

  @Test
  void leapDays() {
    CalendarIndex utc = CalendarIndex.of(ZoneId.of("UTC"));
    long leapDay = millis("2024-02-29T12:00:00Z");
    assertThat(utc.periodStart(Granularity.MONTH, utc.monthIndex(leapDay))).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(utc.periodStart(Granularity.MONTH, utc.monthIndex(leapDay) + 1)).isEqualTo(LocalDate.of(2024, 3, 1));
    // 2000 is a leap year (divisible by 400), 2100 is not.
    assertThat(LocalDate.ofEpochDay(utc.dayIndex(millis("2000-02-29T23:59:59Z")))).isEqualTo(LocalDate.of(2000, 2, 29));
    assertThat(LocalDate.ofEpochDay(utc.dayIndex(millis("2100-02-28T23:59:59Z")) + 1)).isEqualTo(LocalDate.of(2100, 3, 1));
    assertThat(CalendarIndex.monthIndexOfDay(LocalDate.of(2100, 3, 1).toEpochDay())).isEqualTo(130 * 12 + 2);
  }

  @Test
  void monthOfEveryDayFrom1899To2201MatchesJavaTime() {
    // Covers the whole month table, its two edges and the arithmetic fallback beyond them.
    for (LocalDate d = LocalDate.of(1899, 11, 1); d.isBefore(LocalDate.of(2201, 3, 1)); d = d.plusDays(1)) {
      long expected = (d.getYear() - 1970) * 12L + d.getMonthValue() - 1;
      if (CalendarIndex.monthIndexOfDay(d.toEpochDay()) != expected) {
        assertThat(CalendarIndex.monthIndexOfDay(d.toEpochDay())).as("month of %s", d).isEqualTo(expected);
      }
    }
    assertThat(CalendarIndex.monthIndexOfDay(LocalDate.of(-4000, 3, 1).toEpochDay())).isEqualTo((-4000 - 1970) * 12L + 2);
  }

  @Test
  void weeksStartOnTheConfiguredDay() {
    long sunday = millis("2026-11-22T10:00:00Z"); // a Sunday
    CalendarIndex monday = CalendarIndex.of(ZoneId.of("UTC"));
    CalendarIndex sundayStart = CalendarIndex.of(ZoneId.of("UTC"), DayOfWeek.SUNDAY);
    assertThat(monday.periodStart(Granularity.WEEK, monday.weekIndex(sunday))).isEqualTo(LocalDate.of(2026, 11, 16));
    assertThat(sundayStart.periodStart(Granularity.WEEK, sundayStart.weekIndex(sunday)))
        .isEqualTo(LocalDate.of(2026, 11, 22));
    // 1970-01-01 (a Thursday) is in week 0 whatever the week start.
    for (DayOfWeek start : DayOfWeek.values()) {
      assertThat(CalendarIndex.of(ZoneId.of("UTC"), start).weekIndex(0)).isZero();
    }
  }

  @Test
  void completenessIsTheEndOfThePeriodAtOrBeforeAsOf() {
    CalendarIndex shanghai = CalendarIndex.of(ZoneId.of("Asia/Shanghai"));
    long march = shanghai.indexOf(Granularity.MONTH, LocalDate.of(2026, 3, 1));
    long aprilStart = millis("2026-04-01T00:00:00+08:00[Asia/Shanghai]");
    assertThat(shanghai.isComplete(Granularity.MONTH, march, aprilStart - 2)).isFalse();
    assertThat(shanghai.isComplete(Granularity.MONTH, march, aprilStart - 1)).as("last millisecond of March").isTrue();
    assertThat(shanghai.isComplete(Granularity.MONTH, march, aprilStart)).isTrue();
  }

  @Test
  void localDateTimeInAGapIsOnItsLocalDay() {
    CalendarIndex la = CalendarIndex.of(ZoneId.of("America/Los_Angeles"));
    long justAfterGap = LocalDateTime.of(2026, 3, 8, 3, 0).atZone(la.zone()).toInstant().toEpochMilli();
    assertThat(la.dayIndex(justAfterGap - 1)).isEqualTo(la.dayIndex(justAfterGap));
    assertThat(la.offsetMillis(justAfterGap - 1)).isEqualTo(-8 * 3_600_000L);
    assertThat(la.offsetMillis(justAfterGap)).isEqualTo(-7 * 3_600_000L);
  }

  @Test
  void rejectsNulls() {
    assertThatThrownBy(() -> CalendarIndex.of(null)).hasMessage("zone must not be null");
    assertThatThrownBy(() -> CalendarIndex.of(ZoneId.of("UTC"), null)).hasMessage("weekStart must not be null");
  }
}
