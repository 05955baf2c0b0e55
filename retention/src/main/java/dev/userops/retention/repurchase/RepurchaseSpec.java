package dev.userops.retention.repurchase;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userops.core.AccumulatorSpec;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collector;

/**
 * Defines repurchase measures over valid orders (DOMAIN §2, §5): N-day repurchase by first-order
 * cohort, next-period repurchase, time to second order and the share of buyers with 2+ and 3+
 * orders. JSON form: {@code {"zone":"Asia/Shanghai","asOf":"2026-07-01T00:00:00Z","windowDays":30,
 * "cohort":"MONTH","sameDay":false,"nextPeriod":"MONTH","weekStart":"MONDAY","refunds":"NET",
 * "badRecords":"REJECT","curveDays":[7,30,90]}}; {@code null} or absent enums and {@code curveDays}
 * take the defaults below, and {@code curveDays} is left out when it is the default.
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
 * @param curveDays checkpoints d of the repurchase curve ({@link RepurchaseResult#curve()}), in
 *     days, strictly ascending, each in [1, 3650], at most 32: a first buyer with first order on
 *     local day d0 counts at d once day {@code d0 + d} is complete at {@code asOf}, as a
 *     repurchaser if their repurchase falls on a day up to {@code d0 + d} (inclusive), so that the
 *     point at {@code d == windowDays} is the N-day figure; default {@link #DEFAULT_CURVE_DAYS},
 *     empty for no curve
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
    BadRecordPolicy badRecords,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DefaultCurveDays.class)
        List<Integer> curveDays)
    implements AccumulatorSpec<RepurchaseAccumulator, RepurchaseResult> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /** The default N of N-day repurchase. */
  public static final int DEFAULT_WINDOW_DAYS = 30;

  /** Local days stay in an {@code int} and N-day windows in a {@code long} of millis. */
  static final int MAX_WINDOW_DAYS = 3650;

  /** The default checkpoints of the repurchase curve, in days. */
  public static final List<Integer> DEFAULT_CURVE_DAYS = List.of(7, 14, 30, 60, 90, 180, 365);

  /** Most checkpoints of the curve: one loop over them per user in {@code result()}. */
  static final int MAX_CURVE_DAYS = 32;

  private static final Instant LATEST_AS_OF = Instant.parse("9999-12-31T00:00:00Z");

  /**
   * Checks zone, {@code asOf}, window and curve checkpoints; fills defaults for {@code null} enums
   * and checkpoints.
   *
   * @param zone the zone of local days, cohorts and periods
   * @param asOf the evaluation instant, before 9999-12-31T00:00:00Z
   * @param windowDays N of N-day repurchase, in [1, 3650]
   * @param cohort cohort granularity, or {@code null} for MONTH
   * @param sameDay whether a second order on the first order's local day counts
   * @param nextPeriod next-period granularity, or {@code null} for MONTH
   * @param weekStart first day of weeks, or {@code null} for Monday
   * @param refunds which statuses count, or {@code null} for NET
   * @param badRecords what to do with a bad record, or {@code null} for REJECT
   * @param curveDays strictly ascending checkpoints in [1, 3650], at most 32; {@code null} for
   *     {@link #DEFAULT_CURVE_DAYS}, empty for no curve; copied
   * @throws NullPointerException if {@code zone} or {@code asOf} is null
   * @throws IllegalArgumentException if {@code asOf}, {@code windowDays} or a checkpoint is out of
   *     range, or checkpoints are null, too many or not strictly ascending
   */
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
    curveDays = curveDays == null ? DEFAULT_CURVE_DAYS : checkCurveDays(curveDays);
  }

  private static List<Integer> checkCurveDays(List<Integer> curveDays) {
    Checks.checkArgument(
        curveDays.size() <= MAX_CURVE_DAYS,
        "curveDays must have at most %s checkpoints, got %s",
        MAX_CURVE_DAYS,
        curveDays.size());
    int previous = 0;
    for (int i = 0; i < curveDays.size(); i++) {
      Integer days = curveDays.get(i);
      Checks.checkArgument(days != null, "curveDays[%s] must not be null", i);
      Checks.checkArgument(
          1 <= days && days <= MAX_WINDOW_DAYS,
          "curveDays[%s] must be in [1, %s], got %s",
          i,
          MAX_WINDOW_DAYS,
          days);
      Checks.checkArgument(
          days > previous,
          "curveDays[%s] must be greater than curveDays[%s] (strictly ascending), got %s after %s",
          i,
          i - 1,
          days,
          previous);
      previous = days;
    }
    return List.copyOf(curveDays);
  }

  /**
   * 30-day repurchase by month cohort and next-month repurchase in {@code zone} at {@code asOf};
   * same-day orders do not count, refunds are net, bad records are rejected.
   *
   * @param zone the zone of local days, cohorts and periods
   * @param asOf the evaluation instant, before year 9999 ends
   * @return the spec, with the default curve checkpoints
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code asOf} is out of range
   */
  public static RepurchaseSpec of(ZoneId zone, Instant asOf) {
    return new RepurchaseSpec(
        zone, asOf, DEFAULT_WINDOW_DAYS, null, false, null, null, null, null, null);
  }

  /**
   * This spec with N-day window {@code windowDays}.
   *
   * @param windowDays N of N-day repurchase, in [1, 3650]
   * @return a new spec, otherwise equal
   * @throws IllegalArgumentException if {@code windowDays} is out of range
   */
  public RepurchaseSpec withWindowDays(int windowDays) {
    return with(fields -> fields.windowDays = windowDays);
  }

  /**
   * This spec with first-order cohorts of {@code cohort}.
   *
   * @param cohort cohort granularity, or {@code null} for MONTH
   * @return a new spec, otherwise equal
   */
  public RepurchaseSpec withCohort(Granularity cohort) {
    return with(fields -> fields.cohort = cohort);
  }

  /**
   * This spec with same-day second orders counting ({@code true}) or not.
   *
   * @param sameDay whether a second order on the first order's local day counts
   * @return a new spec, otherwise equal
   */
  public RepurchaseSpec withSameDay(boolean sameDay) {
    return with(fields -> fields.sameDay = sameDay);
  }

  /**
   * This spec with next-period repurchase over {@code nextPeriod}.
   *
   * @param nextPeriod next-period granularity, or {@code null} for MONTH
   * @return a new spec, otherwise equal
   */
  public RepurchaseSpec withNextPeriod(Granularity nextPeriod) {
    return with(fields -> fields.nextPeriod = nextPeriod);
  }

  /**
   * This spec with weeks starting on {@code weekStart}.
   *
   * @param weekStart first day of weeks, or {@code null} for Monday
   * @return a new spec, otherwise equal
   */
  public RepurchaseSpec withWeekStart(DayOfWeek weekStart) {
    return with(fields -> fields.weekStart = weekStart);
  }

  /**
   * This spec with {@code refunds} deciding which order statuses count.
   *
   * @param refunds which statuses count, or {@code null} for NET
   * @return a new spec, otherwise equal
   */
  public RepurchaseSpec withRefunds(RefundTreatment refunds) {
    return with(fields -> fields.refunds = refunds);
  }

  /**
   * This spec with repurchase-curve checkpoints {@code curveDays}; {@code null} means {@link
   * #DEFAULT_CURVE_DAYS}, an empty list no curve.
   *
   * @param curveDays strictly ascending checkpoints in days, each in [1, 3650], at most 32
   * @return a new spec, otherwise equal
   * @throws IllegalArgumentException if a checkpoint is null or out of range, or they are too
   *     many or not strictly ascending
   */
  public RepurchaseSpec withCurveDays(List<Integer> curveDays) {
    return with(fields -> fields.curveDays = curveDays);
  }

  /**
   * This spec with bad-record policy {@code badRecords}.
   *
   * @param badRecords what to do with a bad record, or {@code null} for REJECT
   * @return a new spec, otherwise equal
   */
  public RepurchaseSpec withBadRecords(BadRecordPolicy badRecords) {
    return with(fields -> fields.badRecords = badRecords);
  }

  /** This spec's fields, mutable, so that each wither changes one and builds a checked copy. */
  private static final class Fields {
    ZoneId zone;
    Instant asOf;
    int windowDays;
    Granularity cohort;
    boolean sameDay;
    Granularity nextPeriod;
    DayOfWeek weekStart;
    RefundTreatment refunds;
    BadRecordPolicy badRecords;
    List<Integer> curveDays;
  }

  private RepurchaseSpec with(Consumer<Fields> change) {
    Fields f = new Fields();
    f.zone = zone;
    f.asOf = asOf;
    f.windowDays = windowDays;
    f.cohort = cohort;
    f.sameDay = sameDay;
    f.nextPeriod = nextPeriod;
    f.weekStart = weekStart;
    f.refunds = refunds;
    f.badRecords = badRecords;
    f.curveDays = curveDays;
    change.accept(f);
    return new RepurchaseSpec(f.zone, f.asOf, f.windowDays, f.cohort, f.sameDay, f.nextPeriod,
        f.weekStart, f.refunds, f.badRecords, f.curveDays);
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form; {@code zone}, {@code asOf} and {@code windowDays} are required
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static RepurchaseSpec fromJson(String json) {
    return Json.readVersioned(json, RepurchaseSpec.class, JSON_VERSION);
  }

  /**
   * This spec's JSON form.
   *
   * @return compact JSON, {@code curveDays} left out when it is the default; read back by {@link
   *     #fromJson}
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * A collector over orders ({@link RepurchaseAccumulator#add(Order)}); parallel streams merge.
   *
   * @return a collector counting the statuses {@code refunds} admits
   */
  public Collector<Order, RepurchaseAccumulator, RepurchaseResult> collector() {
    return Accumulators.collector(this, RepurchaseAccumulator::add);
  }

  /**
   * Leaves the default checkpoints out of the JSON form, so that a spec written before the curve
   * existed, and the accumulator bytes that embed it, read back unchanged.
   */
  static final class DefaultCurveDays {
    @Override
    public boolean equals(Object value) {
      return DEFAULT_CURVE_DAYS.equals(value);
    }

    @Override
    public int hashCode() {
      return DEFAULT_CURVE_DAYS.hashCode();
    }
  }

  @Override
  public RepurchaseAccumulator newAccumulator() {
    return new RepurchaseAccumulator(this);
  }

  @Override
  public RepurchaseAccumulator accumulatorFromBytes(byte[] bytes) {
    return RepurchaseAccumulator.FORM.read(bytes, this);
  }
}
