package dev.userops.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Local time to instant and hour of week, against java.time, in every zone the JDK knows. */
class CalendarIndexLocalTimeProperties {
  private static final long FROM_1900 = -2_208_988_800_000L;
  private static final long TO_2200 = 7_258_118_400_000L;
  private static final long DAY = 86_400_000L;

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZoneId.getAvailableZoneIds().stream().sorted().toList()).map(ZoneId::of);
  }

  @Provide
  Arbitrary<DayOfWeek> weekStarts() {
    return Arbitraries.of(DayOfWeek.class);
  }

  /** The documented rule, in java.time: the transition for a gap, the earlier offset otherwise. */
  private static long expectedEpochMillisOfLocal(ZoneId zone, long localMillis) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(
        Math.floorDiv(localMillis, 1000), (int) Math.floorMod(localMillis, 1000) * 1_000_000, ZoneOffset.UTC);
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.toEpochSecond() * 1000L;
    }
    return ZonedDateTime.ofLocal(local, zone, null).toInstant().toEpochMilli();
  }

  private static long localOf(ZoneId zone, long millis) {
    return millis + zone.getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
  }

  /** A random local time, and the local times at the edges of the zone's next transition. */
  @Property(tries = 3000)
  void localTimeToInstantFollowsTheDocumentedRule(
      @ForAll("zones") ZoneId zone, @ForAll @LongRange(min = FROM_1900, max = TO_2200) long localMillis) {
    CalendarIndex calendar = CalendarIndex.of(zone);
    assertThat(calendar.epochMillisOfLocal(localMillis)).isEqualTo(expectedEpochMillisOfLocal(zone, localMillis));
    ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.ofEpochMilli(localMillis));
    if (next != null) {
      long at = next.toEpochSecond() * 1000L;
      long before = at + next.getOffsetBefore().getTotalSeconds() * 1000L;
      long after = at + next.getOffsetAfter().getTotalSeconds() * 1000L;
      assertThat(calendar.localMillis(at - 1)).isEqualTo(before - 1);
      assertThat(calendar.localMillis(at)).isEqualTo(after);
      for (long local : new long[] {before - 1, before, before + 1, after - 1, after, after + 1, (before + after) / 2}) {
        assertThat(calendar.epochMillisOfLocal(local)).as("local %s", local)
            .isEqualTo(expectedEpochMillisOfLocal(zone, local));
      }
    }
  }

  @Property(tries = 3000)
  void nextInstantOfALocalTimeIsTheFirstAtOrAfterFromThatReachesIt(
      @ForAll("zones") ZoneId zone,
      @ForAll @LongRange(min = FROM_1900, max = TO_2200) long from,
      @ForAll @LongRange(min = -DAY, max = 2 * DAY) long ahead) {
    CalendarIndex calendar = CalendarIndex.of(zone);
    long target = localOf(zone, from) + ahead;
    long at = calendar.nextEpochMillisOfLocal(from, target);
    assertThat(at).isGreaterThanOrEqualTo(from);
    assertThat(localOf(zone, at)).isGreaterThanOrEqualTo(target);
    if (at > from) {
      // No instant in [from, at) reaches the target: check the instant before and every transition.
      assertThat(localOf(zone, at - 1)).isLessThan(target);
      ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.ofEpochMilli(from));
      while (t != null && t.toEpochSecond() * 1000L < at) {
        assertThat(localOf(zone, t.toEpochSecond() * 1000L - 1)).isLessThan(target);
        assertThat(localOf(zone, t.toEpochSecond() * 1000L)).isLessThan(target);
        t = zone.getRules().nextTransition(t.getInstant());
      }
    }
  }

  @Property(tries = 3000)
  void hourOfWeekAgreesWithJavaTime(
      @ForAll("zones") ZoneId zone,
      @ForAll("weekStarts") DayOfWeek weekStart,
      @ForAll @LongRange(min = FROM_1900 - 100 * 365 * DAY, max = TO_2200 + 100 * 365 * DAY) long millis) {
    ZonedDateTime local = Instant.ofEpochMilli(millis).atZone(zone);
    int expected = Math.floorMod(local.getDayOfWeek().getValue() - weekStart.getValue(), 7) * 24 + local.getHour();
    assertThat(CalendarIndex.of(zone, weekStart).hourOfWeek(millis)).isEqualTo(expected);
  }

  @Test
  void documentedExamples() {
    CalendarIndex newYork = CalendarIndex.of(ZoneId.of("America/New_York"));
    long gapDay = LocalDateTime.parse("2026-03-08T02:30").toEpochSecond(ZoneOffset.UTC) * 1000;
    // 02:30 does not exist on 2026-03-08: the clock jumps from 02:00 EST to 03:00 EDT (07:00Z).
    assertThat(newYork.epochMillisOfLocal(gapDay)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z").toEpochMilli());
    long overlap = LocalDateTime.parse("2026-11-01T01:50").toEpochSecond(ZoneOffset.UTC) * 1000;
    long firstPass = Instant.parse("2026-11-01T05:50:00Z").toEpochMilli();
    assertThat(newYork.epochMillisOfLocal(overlap)).isEqualTo(firstPass);
    long secondPassFrom = Instant.parse("2026-11-01T06:10:00Z").toEpochMilli(); // 01:10 EST
    assertThat(newYork.nextEpochMillisOfLocal(secondPassFrom, overlap)).isEqualTo(firstPass + 3_600_000L);
    // Swapped arguments give another answer: the order is pinned.
    assertThat(newYork.nextEpochMillisOfLocal(overlap, secondPassFrom)).isNotEqualTo(firstPass + 3_600_000L);
    CalendarIndex apia = CalendarIndex.of(ZoneId.of("Pacific/Apia"));
    long skipped = java.time.LocalDate.parse("2011-12-30").toEpochDay() * DAY;
    assertThat(apia.epochMillisOfLocal(skipped)).isEqualTo(Instant.parse("2011-12-30T10:00:00Z").toEpochMilli());
    assertThat(CalendarIndex.of(ZoneId.of("Asia/Shanghai"), DayOfWeek.SUNDAY)
            .hourOfWeek(Instant.parse("2026-03-02T01:30:00Z").toEpochMilli())) // Monday 09:30 local
        .isEqualTo(33);
  }
}
