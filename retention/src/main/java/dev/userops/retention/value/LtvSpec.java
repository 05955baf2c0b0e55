package dev.userops.retention.value;

import dev.userops.core.AccumulatorSpec;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * Defines a cohort LTV triangle over valid orders (DOMAIN §2, §5): users grouped by the period of
 * their first valid order, their cumulative net revenue at intervals 0..{@code intervals} periods
 * after it, optionally split by an attribute of the first valid order. JSON form: {@code
 * {"zone":"Asia/Shanghai","asOf":"2026-07-01T00:00:00Z","granularity":"MONTH","intervals":12,
 * "from":null,"weekStart":"MONDAY","refunds":"NET","badRecords":"REJECT"}}; {@code null} or
 * absent optional fields take the defaults below.
 *
 * @param zone the zone of local days and periods
 * @param asOf the evaluation instant: orders after it are bad records ({@link
 *     dev.userops.core.BadRecordReason#AFTER_AS_OF}); a cell is mature once its period has fully
 *     elapsed at it (inclusive: a period ending at {@code asOf} plus one millisecond is complete)
 * @param granularity the period of cohorts and intervals; default {@link Granularity#MONTH}
 * @param intervals the last interval reported, in [0, {@value #MAX_INTERVALS}]: revenue of period
 *     {@code cohort + k} counts for {@code k <= intervals}; later revenue is not kept
 * @param from the first cohort reported is the period containing this local date; earlier
 *     cohorts' users cost a few bytes and none of their revenue is kept; {@code null} for every
 *     cohort; not after {@code asOf}'s local date
 * @param weekStart first day of weeks, for {@link Granularity#WEEK}; default Monday
 * @param refunds which order statuses {@link LtvAccumulator#add(Order)} counts; default {@link
 *     RefundTreatment#NET} (only paid orders; partial refunds through {@link
 *     dev.userops.core.event.ValidOrders})
 * @param badRecords what to do with a bad record; default {@link BadRecordPolicy#REJECT}
 */
public record LtvSpec(
    ZoneId zone,
    Instant asOf,
    Granularity granularity,
    int intervals,
    LocalDate from,
    DayOfWeek weekStart,
    RefundTreatment refunds,
    BadRecordPolicy badRecords)
    implements AccumulatorSpec<LtvAccumulator, LtvResult> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /** Most intervals: a user keeps at most one revenue entry per interval. */
  public static final int MAX_INTERVALS = 1000;

  private static final Instant LATEST_AS_OF = Instant.parse("9999-12-31T00:00:00Z");

  /**
   * Checks the fields; fills defaults for {@code null} optional fields.
   *
   * @param zone the zone of local days and periods
   * @param asOf the evaluation instant, in [1970-01-01T00:00:00Z, 9999-12-31T00:00:00Z)
   * @param granularity the period of cohorts and intervals, or {@code null} for MONTH
   * @param intervals the last interval reported, in [0, {@value #MAX_INTERVALS}]
   * @param from a local date in the first cohort reported, not after {@code asOf}'s local date, or
   *     {@code null} for every cohort
   * @param weekStart first day of weeks, or {@code null} for Monday
   * @param refunds which statuses count, or {@code null} for NET
   * @param badRecords what to do with a bad record, or {@code null} for REJECT
   * @throws NullPointerException if {@code zone} or {@code asOf} is null
   * @throws IllegalArgumentException if {@code asOf}, {@code intervals} or {@code from} is out of
   *     range
   */
  public LtvSpec {
    Checks.requireNonNull(zone, "zone");
    Checks.requireNonNull(asOf, "asOf");
    Checks.checkArgument(
        !asOf.isBefore(Instant.EPOCH) && asOf.isBefore(LATEST_AS_OF),
        "asOf must be in [%s, %s), got %s",
        Instant.EPOCH,
        LATEST_AS_OF,
        asOf);
    granularity = granularity == null ? Granularity.MONTH : granularity;
    Checks.requireInRange(intervals, 0, MAX_INTERVALS, "intervals");
    weekStart = weekStart == null ? DayOfWeek.MONDAY : weekStart;
    refunds = refunds == null ? RefundTreatment.NET : refunds;
    badRecords = badRecords == null ? BadRecordPolicy.REJECT : badRecords;
    if (from != null) {
      long asOfDay = CalendarIndex.of(zone, weekStart).dayIndex(asOf.toEpochMilli());
      Checks.checkArgument(
          from.toEpochDay() <= asOfDay,
          "from must be on or before the local date of asOf %s, got %s",
          asOf,
          from);
    }
  }

  /**
   * Cohorts of {@code granularity} in {@code zone} at {@code asOf}, every cohort, Monday weeks, net
   * of refunds, rejecting bad records.
   *
   * @param zone the zone of local days and periods
   * @param asOf the evaluation instant
   * @param granularity the period of cohorts and intervals
   * @param intervals the last interval reported, in [0, {@value #MAX_INTERVALS}], e.g. 12 for a
   *     year of monthly cohorts
   * @return the spec
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public static LtvSpec of(ZoneId zone, Instant asOf, Granularity granularity, int intervals) {
    Checks.requireNonNull(granularity, "granularity");
    return new LtvSpec(zone, asOf, granularity, intervals, null, null, null, null);
  }

  /**
   * This spec reporting cohorts from the one containing {@code from}.
   *
   * @param from a local date in the first cohort reported, or {@code null} for every cohort
   * @return a new spec, otherwise equal
   * @throws IllegalArgumentException if {@code from} is after {@code asOf}'s local date
   */
  public LtvSpec withFrom(LocalDate from) {
    return new LtvSpec(zone, asOf, granularity, intervals, from, weekStart, refunds, badRecords);
  }

  /**
   * This spec with weeks starting on {@code weekStart}.
   *
   * @param weekStart first day of weeks, or {@code null} for Monday
   * @return a new spec, otherwise equal
   */
  public LtvSpec withWeekStart(DayOfWeek weekStart) {
    return new LtvSpec(zone, asOf, granularity, intervals, from, weekStart, refunds, badRecords);
  }

  /**
   * This spec with {@code refunds} deciding which order statuses count.
   *
   * @param refunds which statuses count, or {@code null} for NET
   * @return a new spec, otherwise equal
   */
  public LtvSpec withRefunds(RefundTreatment refunds) {
    return new LtvSpec(zone, asOf, granularity, intervals, from, weekStart, refunds, badRecords);
  }

  /**
   * This spec with bad-record policy {@code badRecords}.
   *
   * @param badRecords what to do with a bad record, or {@code null} for REJECT
   * @return a new spec, otherwise equal
   */
  public LtvSpec withBadRecords(BadRecordPolicy badRecords) {
    return new LtvSpec(zone, asOf, granularity, intervals, from, weekStart, refunds, badRecords);
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form; {@code zone}, {@code asOf} and {@code intervals} are required
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static LtvSpec fromJson(String json) {
    return Json.readVersioned(json, LtvSpec.class, JSON_VERSION);
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
   * A collector over orders without attributes ({@link LtvAccumulator#add(Order)}); parallel
   * streams merge.
   *
   * @return a collector counting the statuses {@code refunds} admits
   */
  public Collector<Order, LtvAccumulator, LtvResult> collector() {
    return Accumulators.collector(this, LtvAccumulator::add);
  }

  /**
   * A collector over orders split by an attribute ({@link LtvAccumulator#add(Order, String)}).
   *
   * @param attributeOf each order's attribute (e.g. the buyer's acquisition channel), or {@code
   *     null} for none
   * @return a collector counting the statuses {@code refunds} admits
   * @throws NullPointerException if {@code attributeOf} is null
   */
  public Collector<Order, LtvAccumulator, LtvResult> collector(
      Function<? super Order, String> attributeOf) {
    Checks.requireNonNull(attributeOf, "attributeOf");
    return Accumulators.collector(this, (acc, order) -> acc.add(order, attributeOf.apply(order)));
  }

  @Override
  public LtvAccumulator newAccumulator() {
    return new LtvAccumulator(this);
  }

  @Override
  public LtvAccumulator accumulatorFromBytes(byte[] bytes) {
    return LtvAccumulator.FORM.read(bytes, this);
  }
}
