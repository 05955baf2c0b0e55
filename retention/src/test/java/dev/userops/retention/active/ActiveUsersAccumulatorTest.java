package dev.userops.retention.active;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.ConfigException;
import dev.userops.core.Diagnostics;
import dev.userops.core.event.Activity;
import dev.userops.core.testing.AccumulatorLaws;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ActiveUsersAccumulatorTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static Activity event(long user, String utc) {
    return new Activity(user, Instant.parse(utc), "launch");
  }

  private static ActiveUsers count(ActiveUsersSpec spec, List<Activity> events) {
    ActiveUsersAccumulator acc = spec.newAccumulator();
    events.forEach(acc::add);
    ActiveUsers result = acc.result();
    assertThat(result).as("reference").isEqualTo(reference(spec, events));
    return result;
  }

  @Test
  void handWorkedCountsOfDistinctUsers() {
    // 2026-03-01 is a Sunday; weeks start on Monday, so 03-02 starts a new calendar week.
    List<Activity> events = List.of(
        event(1, "2026-02-20T10:00:00Z"),
        event(1, "2026-03-01T10:00:00Z"),
        event(1, "2026-03-01T11:00:00Z"),
        event(2, "2026-02-26T10:00:00Z"),
        event(3, "2026-03-02T10:00:00Z"));
    ActiveUsers active = count(ActiveUsersSpec.of(UTC, LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-02")), events);

    ActiveUsers.Day sunday = active.days().get(0);
    ActiveUsers.Day monday = active.days().get(1);
    assertThat(sunday).isEqualTo(new ActiveUsers.Day(LocalDate.parse("2026-03-01"), 1, 2, 2, 2, 1, 0.5));
    // Trailing 7 days on 03-02: 02-24..03-02 holds users 1, 2 and 3; the week to date only user 3.
    assertThat(monday).isEqualTo(new ActiveUsers.Day(LocalDate.parse("2026-03-02"), 1, 3, 3, 1, 2, 1.0 / 3));
  }

  static ActiveUsersAccumulator goldenAccumulator() {
    ActiveUsersAccumulator acc = ActiveUsersSpec.of(UTC, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"))
        .newAccumulator();
    acc.add(event(1, "2026-02-20T10:00:00Z")).add(event(2, "2026-02-26T10:00:00Z")).add(event(3, "2026-03-02T10:00:00Z"));
    return acc;
  }

  @Test
  void version1BytesStillRead() throws IOException {
    ActiveUsersAccumulator fresh = goldenAccumulator();
    byte[] v1 = golden("active-users-v1.bin");
    assertThat(fresh.spec().accumulatorFromBytes(v1).result()).isEqualTo(fresh.result());
    assertThat(fresh.spec().accumulatorFromBytes(v1).toByteArray()).isEqualTo(fresh.toByteArray());
  }

  @Test
  void version2BytesAreStable() throws IOException {
    ActiveUsersAccumulator fresh = goldenAccumulator();
    byte[] v2 = golden("active-users-v2.bin");
    assertThat(fresh.toByteArray()).isEqualTo(v2);
    assertThat(fresh.spec().accumulatorFromBytes(v2).result()).isEqualTo(fresh.result());
  }

  private byte[] golden(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/retention/golden/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void daysAreLocalToTheZone() {
    // 2026-03-01T20:00Z is 03-02 in Shanghai and 03-01 in Los Angeles.
    List<Activity> events = List.of(event(1, "2026-03-01T20:00:00Z"));
    LocalDate first = LocalDate.parse("2026-03-01");
    LocalDate second = LocalDate.parse("2026-03-02");

    assertThat(count(ActiveUsersSpec.of(ZoneId.of("Asia/Shanghai"), first, second), events).days())
        .extracting(ActiveUsers.Day::dau).containsExactly(0L, 1L);
    assertThat(count(ActiveUsersSpec.of(ZoneId.of("America/Los_Angeles"), first, second), events).days())
        .extracting(ActiveUsers.Day::dau).containsExactly(1L, 0L);
  }

  @Test
  void stickinessIsNullWithoutMonthlyUsers() {
    ActiveUsers active = count(ActiveUsersSpec.of(UTC, LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-01")), List.of());
    assertThat(active.days().get(0).stickiness()).isNull();
  }

  @Test
  void eventsBefore1970AreBadRecords() {
    ActiveUsersSpec spec = new ActiveUsersSpec(UTC, LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-01"), null, BadRecordPolicy.SKIP_AND_COUNT);
    ActiveUsersAccumulator acc = spec.newAccumulator().add(1, -5);
    assertThat(acc.result().diagnostics()).isEqualTo(new Diagnostics(Map.of(BadRecordReason.BEFORE_1970, 1L)));
  }

  @Test
  void specRoundTripsAndNamesBadFields() {
    ActiveUsersSpec spec = new ActiveUsersSpec(UTC, LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-31"), DayOfWeek.SUNDAY, BadRecordPolicy.SKIP_AND_COUNT);
    assertThat(ActiveUsersSpec.fromJson(spec.toJson())).isEqualTo(spec);
    assertThatThrownBy(() -> ActiveUsersSpec.fromJson(spec.toJson().replace("SUNDAY", "SOMEDAY")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.path()).isEqualTo("weekStart"));
    assertThatThrownBy(() -> ActiveUsersSpec.of(UTC, LocalDate.parse("2026-03-01"), LocalDate.parse("2036-03-01")))
        .hasMessageContaining("from..to must span at most 3653 days, got 3654");
  }

  @Property(tries = 200)
  void equalsTheReferenceAndKeepsTheLaws(@ForAll long seed, @ForAll @IntRange(max = 120) int count) {
    Random random = new Random(seed);
    ActiveUsersSpec spec = randomSpec(random, null);
    List<Activity> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(new Activity(random.nextInt(10), Instant.ofEpochMilli(randomMillis(spec, random)), "x"));
    }
    ActiveUsersSpec other = new ActiveUsersSpec(spec.zone(), spec.from(), spec.to().plusDays(1), spec.weekStart(), null);

    ActiveUsers result = AccumulatorLaws.<Activity, ActiveUsersAccumulator, ActiveUsers>of(
        spec, ActiveUsersAccumulator::add, other).check(events, seed);

    assertThat(result).isEqualTo(reference(spec, events));
  }

  /** A spec of up to 100 days from 2024 or 2025 in one of four zones, weeks from any day. */
  static ActiveUsersSpec randomSpec(Random random, BadRecordPolicy badRecords) {
    String[] zones = {"UTC", "Asia/Shanghai", "America/New_York", "Europe/London"};
    LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(500));
    return new ActiveUsersSpec(ZoneId.of(zones[random.nextInt(zones.length)]), from,
        from.plusDays(random.nextInt(100)), DayOfWeek.of(1 + random.nextInt(7)), badRecords);
  }

  /** A time from 40 days before the spec's first day to 3 days after its last. */
  static long randomMillis(ActiveUsersSpec spec, Random random) {
    long lo = spec.from().minusDays(40).atStartOfDay(UTC).toEpochSecond() * 1000;
    long hi = spec.to().plusDays(3).atStartOfDay(UTC).toEpochSecond() * 1000;
    return lo + (long) (random.nextDouble() * (hi - lo));
  }

  /** Distinct users per window by sets of local dates, the obvious way. */
  private static ActiveUsers reference(ActiveUsersSpec spec, List<Activity> events) {
    List<ActiveUsers.Day> days = new ArrayList<>();
    for (LocalDate d = spec.from(); !d.isAfter(spec.to()); d = d.plusDays(1)) {
      LocalDate day = d;
      LocalDate weekStart = d.with(TemporalAdjusters.previousOrSame(spec.weekStart()));
      long dau = distinct(spec, events, x -> x.equals(day));
      long wau = distinct(spec, events, x -> !x.isAfter(day) && x.isAfter(day.minusDays(7)));
      long mau = distinct(spec, events, x -> !x.isAfter(day) && x.isAfter(day.minusDays(30)));
      long weekToDate = distinct(spec, events, x -> !x.isAfter(day) && !x.isBefore(weekStart));
      long monthToDate = distinct(spec, events, x -> !x.isAfter(day) && !x.isBefore(day.withDayOfMonth(1)));
      days.add(new ActiveUsers.Day(d, dau, wau, mau, weekToDate, monthToDate, mau == 0 ? null : (double) dau / mau));
    }
    return new ActiveUsers(spec.zone(), days, Diagnostics.NONE);
  }

  private static long distinct(ActiveUsersSpec spec, List<Activity> events, Predicate<LocalDate> window) {
    Set<Long> users = new HashSet<>();
    for (Activity a : events) {
      if (window.test(LocalDate.ofInstant(a.occurredAt(), spec.zone()))) {
        users.add(a.userId());
      }
    }
    return users.size();
  }

  /**
   * The columnar path sorts runs by bucket of blocks, then by block: it must give the add-by-add
   * state, bytes included, in one run or many.
   */
  @Property(tries = 50)
  void columnsGiveWhatSingleAddsGive(@ForAll long seed, @ForAll @IntRange(min = 0, max = 200_000) int events,
      @ForAll @IntRange(min = 1, max = 70_000) int run) {
    ActiveUsersSpec spec = new ActiveUsersSpec(UTC, LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-04-30"), null, BadRecordPolicy.SKIP_AND_COUNT);
    Random random = new Random(seed);
    long[] userIds = new long[events];
    long[] epochMillis = new long[events];
    long from = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < events; i++) {
      userIds[i] = random.nextInt(random.nextBoolean() ? 50_000 : 50);
      // Some before 1970 (bad records), some outside the tracked days (ignored).
      epochMillis[i] = random.nextInt(100) == 0 ? -1 : from + (long) random.nextInt(180) * 86_400_000L;
    }
    assertColumnsGiveWhatSingleAddsGive(spec, userIds, epochMillis, run);
  }

  /** Ten years and the look-back fill a block's bit index: the last day of the last id of a block. */
  @Test
  void columnsTrackTenYears() {
    LocalDate from = LocalDate.parse("2020-01-31");
    ActiveUsersSpec spec = new ActiveUsersSpec(UTC, from, from.plusDays(ActiveUsersSpec.MAX_DAYS - 1), null,
        BadRecordPolicy.SKIP_AND_COUNT);
    long last = from.plusDays(ActiveUsersSpec.MAX_DAYS - 1).atStartOfDay(UTC).toInstant().toEpochMilli();
    long first = from.minusDays(30).atStartOfDay(UTC).toInstant().toEpochMilli();
    long[] userIds = {511, 4095, 4096, 0, 511, 9_000};
    long[] epochMillis = {last, last, first, first, first + 86_400_000L, last};
    assertColumnsGiveWhatSingleAddsGive(spec, userIds, epochMillis, 2);
    List<ActiveUsers.Day> days = spec.newAccumulator().addAll(userIds, epochMillis).result().days();
    assertThat(days).hasSize(ActiveUsersSpec.MAX_DAYS);
    assertThat(days.get(days.size() - 1).dau()).isEqualTo(3);
  }

  private static void assertColumnsGiveWhatSingleAddsGive(ActiveUsersSpec spec, long[] userIds, long[] epochMillis,
      int run) {
    ActiveUsersAccumulator one = spec.newAccumulator();
    for (int i = 0; i < userIds.length; i++) {
      one.add(userIds[i], epochMillis[i]);
    }
    ActiveUsersAccumulator columns = spec.newAccumulator().addAll(userIds, epochMillis);
    ActiveUsersAccumulator runs = spec.newAccumulator().addAll(userIds, epochMillis, run);
    assertThat(columns.toByteArray()).isEqualTo(one.toByteArray());
    assertThat(runs.toByteArray()).isEqualTo(one.toByteArray());
    assertThat(columns.result()).isEqualTo(one.result());
  }
}
