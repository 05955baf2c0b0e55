package dev.userops.incentives.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The allocation-free local-time helpers against java.time. */
class LocalTimesProperties {
  // DST at 02:00, at midnight (Havana; Sao Paulo until 2019), by 30 minutes (Lord Howe), none.
  private static final List<CalendarIndex> CALENDARS = List.of(
      CalendarIndex.of(ZoneId.of("UTC")),
      CalendarIndex.of(ZoneId.of("America/New_York"), DayOfWeek.SUNDAY),
      CalendarIndex.of(ZoneId.of("America/Havana")),
      CalendarIndex.of(ZoneId.of("America/Sao_Paulo"), DayOfWeek.SATURDAY),
      CalendarIndex.of(ZoneId.of("Australia/Lord_Howe")),
      CalendarIndex.of(ZoneId.of("Asia/Kolkata")));

  @Property(tries = 2000)
  void periodsAndDayStartsAgreeWithJavaTime(
      @ForAll @LongRange(min = 7300, max = 47000) long day, @ForAll @IntRange(min = 0, max = 5) int zone) {
    CalendarIndex calendar = CALENDARS.get(zone);
    LocalDate date = LocalDate.ofEpochDay(day);
    LocalDate weekStart = date.with(TemporalAdjusters.previousOrSame(calendar.weekStart()));
    assertThat(LocalTimes.periodFirstDay(calendar, Granularity.WEEK, day)).isEqualTo(weekStart.toEpochDay());
    assertThat(LocalTimes.nextPeriodFirstDay(calendar, Granularity.WEEK, day)).isEqualTo(weekStart.plusWeeks(1).toEpochDay());
    assertThat(LocalTimes.periodFirstDay(calendar, Granularity.MONTH, day)).isEqualTo(date.withDayOfMonth(1).toEpochDay());
    assertThat(LocalTimes.nextPeriodFirstDay(calendar, Granularity.MONTH, day))
        .isEqualTo(date.withDayOfMonth(1).plusMonths(1).toEpochDay());
    long start = date.atStartOfDay(calendar.zone()).toInstant().toEpochMilli();
    assertThat(LocalTimes.dayStartMillis(calendar, day, start + 7_200_000)).isEqualTo(start);
  }

  @Property(tries = 2000)
  void firstInstantAtLocalIsTheFirstInstantReachingIt(
      @ForAll @LongRange(min = 631_152_000_000L, max = 4_102_444_800_000L) long from,
      @ForAll @LongRange(min = 0, max = 86_400_000) long ahead,
      @ForAll @IntRange(min = 0, max = 5) int zone) {
    CalendarIndex calendar = CALENDARS.get(zone);
    long target = LocalTimes.local(calendar, from) + ahead;
    long at = LocalTimes.firstInstantAtLocal(calendar, from, target);
    assertThat(at).isGreaterThanOrEqualTo(from);
    assertThat(LocalTimes.local(calendar, at)).isGreaterThanOrEqualTo(target);
    if (at > from) {
      assertThat(LocalTimes.local(calendar, at - 1)).isLessThan(target);
    }
  }
}
