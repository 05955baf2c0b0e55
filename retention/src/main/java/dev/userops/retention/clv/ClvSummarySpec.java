package dev.userops.retention.clv;

import dev.userops.core.AccumulatorSpec;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.event.Order;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collector;

/**
 * Defines the per-customer summary the customer-value models take (issue 13 §2): from valid orders,
 * per customer the repeat purchase days {@code x}, the time of the last one {@code t_x} and the age
 * {@code T} in a calibration period, the mean repeat-day spend, and the repeat days of a holdout
 * period. JSON form: {@code {"zone":"UTC","calibrationEnd":"1997-09-30","holdoutEnd":"1998-06-30",
 * "unitDays":7,"refunds":"NET","badRecords":"REJECT"}}.
 *
 * <p>A purchase is a local day in {@code zone} with at least one valid order; a customer's first
 * purchase starts their calibration period, which runs to {@code calibrationEnd} inclusive: an
 * order at 23:59:59.999 local time that day is in it, one at the next local midnight is in the
 * holdout. Days are calendar days (a day across a DST change is one day, however long). Orders
 * after the last day summarized ({@code holdoutEnd}, or {@code calibrationEnd} without a holdout)
 * are counted but not summarized; they are not bad records.
 *
 * @param zone the zone of local days
 * @param calibrationEnd the last local day of the calibration period, inclusive; from 1970-01-01 to
 *     9999-12-30
 * @param holdoutEnd the last local day of the holdout period, inclusive, after {@code
 *     calibrationEnd}; the holdout starts the day after {@code calibrationEnd}; {@code null} for no
 *     holdout
 * @param unitDays days per unit of {@code t_x} and {@code T}, in [1, {@value #MAX_UNIT_DAYS}]: 7
 *     for weeks (times are fractional, {@code days / 7}), 1 for days
 * @param refunds which order statuses count in {@link ClvSummaryAccumulator#add(Order)}; default
 *     {@link RefundTreatment#NET} (only paid orders)
 * @param badRecords what to do with a bad record (a negative amount, a time before 1970); default
 *     {@link BadRecordPolicy#REJECT}
 */
public record ClvSummarySpec(
    ZoneId zone,
    LocalDate calibrationEnd,
    LocalDate holdoutEnd,
    int unitDays,
    RefundTreatment refunds,
    BadRecordPolicy badRecords)
    implements AccumulatorSpec<ClvSummaryAccumulator, ClvSummary> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /** The default unit: weeks. */
  public static final int WEEK_DAYS = 7;

  /** The longest unit: a leap year of days. */
  public static final int MAX_UNIT_DAYS = 366;

  private static final LocalDate FIRST_END = LocalDate.of(1970, 1, 1);

  /** Local days stay within an {@code int} and one day after the last stays a date. */
  private static final LocalDate LAST_END = LocalDate.of(9999, 12, 30);

  /**
   * Checks the dates and the unit; fills defaults for {@code null} enums.
   *
   * @param zone the zone of local days
   * @param calibrationEnd the last day of the calibration period, inclusive
   * @param holdoutEnd the last day of the holdout period, inclusive, or {@code null} for none
   * @param unitDays days per time unit, in [1, {@value #MAX_UNIT_DAYS}]
   * @param refunds which statuses count, or {@code null} for NET
   * @param badRecords what to do with a bad record, or {@code null} for REJECT
   * @throws NullPointerException if {@code zone} or {@code calibrationEnd} is null
   * @throws IllegalArgumentException if an end is outside 1970-01-01..9999-12-30, {@code
   *     holdoutEnd} is not after {@code calibrationEnd}, or {@code unitDays} is out of range
   */
  public ClvSummarySpec {
    Checks.requireNonNull(zone, "zone");
    checkEnd(Checks.requireNonNull(calibrationEnd, "calibrationEnd"), "calibrationEnd");
    if (holdoutEnd != null) {
      checkEnd(holdoutEnd, "holdoutEnd");
      Checks.checkArgument(
          holdoutEnd.isAfter(calibrationEnd),
          "holdoutEnd must be after calibrationEnd %s, got %s",
          calibrationEnd,
          holdoutEnd);
    }
    Checks.requireInRange(unitDays, 1, MAX_UNIT_DAYS, "unitDays");
    refunds = refunds == null ? RefundTreatment.NET : refunds;
    badRecords = badRecords == null ? BadRecordPolicy.REJECT : badRecords;
  }

  private static void checkEnd(LocalDate end, String name) {
    Checks.checkArgument(
        !end.isBefore(FIRST_END) && !end.isAfter(LAST_END),
        "%s must be in [%s, %s], got %s",
        name,
        FIRST_END,
        LAST_END,
        end);
  }

  /**
   * A summary in {@code zone} calibrated up to {@code calibrationEnd}, without holdout, in weeks;
   * refunds net, bad records rejected.
   *
   * @param zone the zone of local days
   * @param calibrationEnd the last day of the calibration period, inclusive
   * @return the spec
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code calibrationEnd} is out of range
   */
  public static ClvSummarySpec of(ZoneId zone, LocalDate calibrationEnd) {
    return new ClvSummarySpec(zone, calibrationEnd, null, WEEK_DAYS, null, null);
  }

  /**
   * This spec with a holdout period up to {@code holdoutEnd}.
   *
   * @param holdoutEnd the last day of the holdout period, inclusive, or {@code null} for none
   * @return a new spec, otherwise equal
   * @throws IllegalArgumentException if {@code holdoutEnd} is not after {@code calibrationEnd} or
   *     after 9999-12-30
   */
  public ClvSummarySpec withHoldoutEnd(LocalDate holdoutEnd) {
    return new ClvSummarySpec(zone, calibrationEnd, holdoutEnd, unitDays, refunds, badRecords);
  }

  /**
   * This spec with times in units of {@code unitDays} days.
   *
   * @param unitDays days per time unit, in [1, {@value #MAX_UNIT_DAYS}]
   * @return a new spec, otherwise equal
   * @throws IllegalArgumentException if {@code unitDays} is out of range
   */
  public ClvSummarySpec withUnitDays(int unitDays) {
    return new ClvSummarySpec(zone, calibrationEnd, holdoutEnd, unitDays, refunds, badRecords);
  }

  /**
   * This spec with {@code refunds} deciding which order statuses count.
   *
   * @param refunds which statuses count, or {@code null} for NET
   * @return a new spec, otherwise equal
   */
  public ClvSummarySpec withRefunds(RefundTreatment refunds) {
    return new ClvSummarySpec(zone, calibrationEnd, holdoutEnd, unitDays, refunds, badRecords);
  }

  /**
   * This spec with bad-record policy {@code badRecords}.
   *
   * @param badRecords what to do with a bad record, or {@code null} for REJECT
   * @return a new spec, otherwise equal
   */
  public ClvSummarySpec withBadRecords(BadRecordPolicy badRecords) {
    return new ClvSummarySpec(zone, calibrationEnd, holdoutEnd, unitDays, refunds, badRecords);
  }

  /** The last local day summarized: the holdout's, or the calibration's without one. */
  LocalDate end() {
    return holdoutEnd == null ? calibrationEnd : holdoutEnd;
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form; {@code zone}, {@code calibrationEnd} and {@code unitDays} are
   *     required, {@code holdoutEnd}, {@code refunds} and {@code badRecords} may be absent or null
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static ClvSummarySpec fromJson(String json) {
    return Json.readVersioned(json, ClvSummarySpec.class, JSON_VERSION);
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
   * A collector over orders ({@link ClvSummaryAccumulator#add(Order)}); parallel streams merge.
   *
   * @return a collector counting the statuses {@code refunds} admits
   */
  public Collector<Order, ClvSummaryAccumulator, ClvSummary> collector() {
    return Accumulators.collector(this, ClvSummaryAccumulator::add);
  }

  @Override
  public ClvSummaryAccumulator newAccumulator() {
    return new ClvSummaryAccumulator(this);
  }

  @Override
  public ClvSummaryAccumulator accumulatorFromBytes(byte[] bytes) {
    return ClvSummaryAccumulator.fromBytes(this, bytes);
  }
}
