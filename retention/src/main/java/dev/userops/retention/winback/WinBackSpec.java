package dev.userops.retention.winback;

import dev.userops.core.AccumulatorSpec;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.event.Activity;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collector;

/**
 * Defines win-back measures over activity. A user is <em>silent</em> after {@code silentDays} local
 * days in a row without activity and <em>lost</em> after {@code lostDays}; either is
 * <em>lapsed</em>. JSON form: {@code {"zone":"UTC","weekStart":"MONDAY","period":"MONTH",
 * "from":"2026-01-01","asOf":"2026-07-01T00:00:00Z","silentDays":30,"lostDays":90,
 * "badRecords":"REJECT"}}.
 *
 * @param zone the zone of local days and periods
 * @param weekStart first day of weeks; default Monday
 * @param period the reporting period; default {@link Granularity#MONTH}
 * @param from the first period reported is the one containing this local date; activity from {@code
 *     lostDays} days before that period's start on is kept day by day, earlier activity only as
 *     "seen before"
 * @param asOf the evaluation instant: activity after it is a bad record; periods are reported up to
 *     the last local day completed at {@code asOf}; {@code from} must not be after its date
 * @param silentDays inactive days that make a user silent, {@code >= 1}
 * @param lostDays inactive days that make a user lost, in {@code (silentDays, 3650]}
 * @param badRecords what to do with a bad record; default {@link BadRecordPolicy#REJECT}
 */
public record WinBackSpec(
    ZoneId zone,
    DayOfWeek weekStart,
    Granularity period,
    LocalDate from,
    Instant asOf,
    int silentDays,
    int lostDays,
    BadRecordPolicy badRecords)
    implements AccumulatorSpec<WinBackAccumulator, WinBackResult> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /** Days kept per user: about 27 years, 3.4 KB per user at most. */
  static final int MAX_TRACKED_DAYS = 10_000;

  private static final int MAX_LOST_DAYS = 3650;

  /**
   * Checks the fields and their relations; fills defaults for {@code null} enums.
   *
   * @param zone the zone of local days and periods
   * @param weekStart first day of weeks, or {@code null} for Monday
   * @param period the reporting period, or {@code null} for MONTH
   * @param from a local date in the first period reported, on or before {@code asOf}'s date
   * @param asOf the evaluation instant
   * @param silentDays inactive days that make a user silent, {@code >= 1}
   * @param lostDays inactive days that make a user lost, in {@code (silentDays, 3650]}
   * @param badRecords what to do with a bad record, or {@code null} for REJECT
   * @throws NullPointerException if {@code zone}, {@code from} or {@code asOf} is null
   * @throws IllegalArgumentException if a day count is out of range, {@code from} is after {@code
   *     asOf}'s date, or the days to keep per user (from the first period's start less {@code
   *     lostDays} to {@code asOf}) exceed about 27 years
   */
  public WinBackSpec {
    Checks.requireNonNull(zone, "zone");
    weekStart = weekStart == null ? DayOfWeek.MONDAY : weekStart;
    period = period == null ? Granularity.MONTH : period;
    Checks.requireNonNull(from, "from");
    Checks.requireNonNull(asOf, "asOf");
    Checks.requirePositive(silentDays, "silentDays");
    Checks.checkArgument(
        lostDays > silentDays && lostDays <= MAX_LOST_DAYS,
        "lostDays must be in (silentDays, %s], got %s with silentDays %s",
        MAX_LOST_DAYS,
        lostDays,
        silentDays);
    badRecords = badRecords == null ? BadRecordPolicy.REJECT : badRecords;
    CalendarIndex calendar = CalendarIndex.of(zone, weekStart);
    long asOfDay = calendar.dayIndex(asOf.toEpochMilli());
    Checks.checkArgument(
        from.toEpochDay() <= asOfDay,
        "from must be on or before the local date of asOf %s, got %s",
        asOf,
        from);
    long tracked = asOfDay - reportStart(calendar, period, from) + lostDays;
    Checks.checkArgument(
        tracked <= MAX_TRACKED_DAYS,
        "from must be at most %s days before asOf less lostDays, got %s days",
        MAX_TRACKED_DAYS,
        tracked);
  }

  /**
   * Monthly win-back in {@code zone} from {@code from} to {@code asOf}, Monday weeks, rejecting bad
   * records.
   *
   * @param zone the zone of local days and periods
   * @param from a local date in the first month reported
   * @param asOf the evaluation instant
   * @param silentDays inactive days that make a user silent, {@code >= 1}
   * @param lostDays inactive days that make a user lost, in {@code (silentDays, 3650]}
   * @return the spec
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public static WinBackSpec of(
      ZoneId zone, LocalDate from, Instant asOf, int silentDays, int lostDays) {
    return new WinBackSpec(zone, null, null, from, asOf, silentDays, lostDays, null);
  }

  /**
   * This spec reporting per {@code period}.
   *
   * @param period the reporting period, or {@code null} for MONTH
   * @return a new spec, otherwise equal
   * @throws IllegalArgumentException if the longer first period makes the days to keep too many
   */
  public WinBackSpec withPeriod(Granularity period) {
    return new WinBackSpec(zone, weekStart, period, from, asOf, silentDays, lostDays, badRecords);
  }

  /**
   * This spec with bad-record policy {@code badRecords}.
   *
   * @param badRecords what to do with a bad record, or {@code null} for REJECT
   * @return a new spec, otherwise equal
   */
  public WinBackSpec withBadRecords(BadRecordPolicy badRecords) {
    return new WinBackSpec(zone, weekStart, period, from, asOf, silentDays, lostDays, badRecords);
  }

  static long reportStart(CalendarIndex calendar, Granularity period, LocalDate from) {
    return calendar.periodStart(period, calendar.indexOf(period, from)).toEpochDay();
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form; {@code zone}, {@code from}, {@code asOf}, {@code silentDays} and
   *     {@code lostDays} are required
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static WinBackSpec fromJson(String json) {
    return Json.readVersioned(json, WinBackSpec.class, JSON_VERSION);
  }

  /**
   * This spec's JSON form.
   *
   * @return compact JSON with the defaults written out, read back by {@link #fromJson}
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * A collector over activity; parallel streams merge partial accumulators.
   *
   * @return a collector counting activities of every type
   */
  public Collector<Activity, WinBackAccumulator, WinBackResult> collector() {
    return Accumulators.collector(this, WinBackAccumulator::add);
  }

  @Override
  public WinBackAccumulator newAccumulator() {
    return new WinBackAccumulator(this);
  }

  @Override
  public WinBackAccumulator accumulatorFromBytes(byte[] bytes) {
    return WinBackAccumulator.FORM.read(bytes, this);
  }
}
