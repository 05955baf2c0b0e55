package dev.userops.retention.repurchase;

import dev.userops.core.AccumulatorSpec;
import dev.userops.core.Accumulators;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Checks;
import dev.userops.core.Granularity;
import dev.userops.core.UserOpsJson;
import dev.userops.core.event.Order;
import dev.userops.core.event.RefundTreatment;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collector;

/**
 * Defines repurchase measures over valid orders (DOMAIN §2, §5): N-day repurchase by first-order
 * cohort, next-period repurchase, time to second order and the share of buyers with 2+ and 3+
 * orders. JSON form: {@code {"zone":"Asia/Shanghai","asOf":"2026-07-01T00:00:00Z","windowDays":30,
 * "cohort":"MONTH","sameDay":false,"nextPeriod":"MONTH","weekStart":"MONDAY","refunds":"NET",
 * "badRecords":"REJECT"}}; {@code null} or absent enums take the defaults below.
 *
 * @param zone the zone of local days, cohorts and periods
 * @param asOf the evaluation instant: orders after it are bad records ({@link
 *     dev.userops.core.BadRecordReason#AFTER_AS_OF}) and it decides maturity; before year 10000
 * @param windowDays N of N-day repurchase, in [1, 3650]: a user whose first valid order is on local
 *     day d0 repurchased if another valid order falls on a local day in {@code d0 + 1 .. d0 + N}
 *     (both inclusive)
 * @param cohort how first-order days group into cohorts; default {@link Granularity#MONTH}
 * @param sameDay whether a second valid order on the first order's local day counts as a repurchase
 *     (and as time to second order 0); default {@code false}
 * @param nextPeriod the period of next-period repurchase ({@link Granularity#MONTH} by default,
 *     {@link Granularity#WEEK} or {@link Granularity#DAY} too)
 * @param weekStart first day of weeks, for week cohorts and periods; default Monday
 * @param refunds which order statuses count in {@link RepurchaseAccumulator#add(Order)}; default
 *     {@link RefundTreatment#NET} (only paid orders)
 * @param badRecords what to do with a bad record; default {@link BadRecordPolicy#REJECT}
 */
public record RepurchaseSpec(
    ZoneId zone,
    Instant asOf,
    int windowDays,
    Granularity cohort,
    boolean sameDay,
    Granularity nextPeriod,
    DayOfWeek weekStart,
    RefundTreatment refunds,
    BadRecordPolicy badRecords)
    implements AccumulatorSpec<RepurchaseAccumulator, RepurchaseResult> {
  /** The default N of N-day repurchase. */
  public static final int DEFAULT_WINDOW_DAYS = 30;

  /** Local days stay in an {@code int} and N-day windows in a {@code long} of millis. */
  static final int MAX_WINDOW_DAYS = 3650;

  private static final Instant LATEST_AS_OF = Instant.parse("9999-12-31T00:00:00Z");

  /** Checks zone, {@code asOf} and window; fills defaults for {@code null} enums. */
  public RepurchaseSpec {
    Checks.requireNonNull(zone, "zone");
    Checks.requireNonNull(asOf, "asOf");
    Checks.checkArgument(
        asOf.isBefore(LATEST_AS_OF), "asOf must be before %s, got %s", LATEST_AS_OF, asOf);
    Checks.requireInRange(windowDays, 1, MAX_WINDOW_DAYS, "windowDays");
    cohort = cohort == null ? Granularity.MONTH : cohort;
    nextPeriod = nextPeriod == null ? Granularity.MONTH : nextPeriod;
    weekStart = weekStart == null ? DayOfWeek.MONDAY : weekStart;
    refunds = refunds == null ? RefundTreatment.NET : refunds;
    badRecords = badRecords == null ? BadRecordPolicy.REJECT : badRecords;
  }

  /**
   * 30-day repurchase by month cohort and next-month repurchase in {@code zone} at {@code asOf};
   * same-day orders do not count, refunds are net, bad records are rejected.
   */
  public static RepurchaseSpec of(ZoneId zone, Instant asOf) {
    return new RepurchaseSpec(zone, asOf, DEFAULT_WINDOW_DAYS, null, false, null, null, null, null);
  }

  /** This spec with N-day window {@code windowDays}. */
  public RepurchaseSpec withWindowDays(int windowDays) {
    return new RepurchaseSpec(
        zone, asOf, windowDays, cohort, sameDay, nextPeriod, weekStart, refunds, badRecords);
  }

  /** This spec with first-order cohorts of {@code cohort}. */
  public RepurchaseSpec withCohort(Granularity cohort) {
    return new RepurchaseSpec(
        zone, asOf, windowDays, cohort, sameDay, nextPeriod, weekStart, refunds, badRecords);
  }

  /** This spec with same-day second orders counting ({@code true}) or not. */
  public RepurchaseSpec withSameDay(boolean sameDay) {
    return new RepurchaseSpec(
        zone, asOf, windowDays, cohort, sameDay, nextPeriod, weekStart, refunds, badRecords);
  }

  /** This spec with next-period repurchase over {@code nextPeriod}. */
  public RepurchaseSpec withNextPeriod(Granularity nextPeriod) {
    return new RepurchaseSpec(
        zone, asOf, windowDays, cohort, sameDay, nextPeriod, weekStart, refunds, badRecords);
  }

  /** This spec with weeks starting on {@code weekStart}. */
  public RepurchaseSpec withWeekStart(DayOfWeek weekStart) {
    return new RepurchaseSpec(
        zone, asOf, windowDays, cohort, sameDay, nextPeriod, weekStart, refunds, badRecords);
  }

  /** This spec with {@code refunds} deciding which order statuses count. */
  public RepurchaseSpec withRefunds(RefundTreatment refunds) {
    return new RepurchaseSpec(
        zone, asOf, windowDays, cohort, sameDay, nextPeriod, weekStart, refunds, badRecords);
  }

  /** This spec with bad-record policy {@code badRecords}. */
  public RepurchaseSpec withBadRecords(BadRecordPolicy badRecords) {
    return new RepurchaseSpec(
        zone, asOf, windowDays, cohort, sameDay, nextPeriod, weekStart, refunds, badRecords);
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static RepurchaseSpec fromJson(String json) {
    return UserOpsJson.read(json, RepurchaseSpec.class);
  }

  /** This spec's JSON form. */
  public String toJson() {
    return UserOpsJson.write(this);
  }

  /** A collector over orders ({@link RepurchaseAccumulator#add(Order)}); parallel streams merge. */
  public Collector<Order, RepurchaseAccumulator, RepurchaseResult> collector() {
    return Accumulators.collector(this, RepurchaseAccumulator::add);
  }

  @Override
  public RepurchaseAccumulator newAccumulator() {
    return new RepurchaseAccumulator(this);
  }

  @Override
  public RepurchaseAccumulator accumulatorFromBytes(byte[] bytes) {
    return RepurchaseAccumulator.fromBytes(this, bytes);
  }
}
