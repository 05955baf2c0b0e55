package dev.userops.incentives.membership;

import dev.userops.core.AccumulatorSpec;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collector;

/**
 * Defines the population figures of a paid membership over members' periods: active members per
 * local day, and per cohort of first purchase the active members, renewals due and made (so the
 * renewal and churn rates) and the cumulative revenue per member at intervals 0..{@code intervals}
 * periods after the cohort's. JSON form: {@code {"version":1,"zone":"Asia/Shanghai",
 * "asOf":"2026-07-01T00:00:00Z","granularity":"MONTH","intervals":12,"graceDays":7}}.
 *
 * @param zone the zone of local days and periods, normally the shop's
 * @param asOf the evaluation instant: a period paid after it is ignored (and counted); a cell is
 *     mature once its period has fully elapsed at it, plus {@code graceDays} for renewals
 * @param granularity the period of cohorts and intervals; default {@link Granularity#MONTH}
 * @param intervals the last interval reported, in [0, {@value #MAX_INTERVALS}]
 * @param graceDays days after an interval during which a renewal in grace may still arrive: its
 *     cells stay immature until then; default 0
 */
public record MembershipSpec(ZoneId zone, Instant asOf, Granularity granularity, int intervals, Integer graceDays)
    implements AccumulatorSpec<MembershipAccumulator, MembershipResult> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /** Most intervals. */
  public static final int MAX_INTERVALS = 1000;

  private static final Instant LATEST_AS_OF = Instant.parse("2199-12-31T00:00:00Z");

  /**
   * Checks the fields; fills defaults for {@code null} optional fields.
   *
   * @param zone the zone of local days and periods
   * @param asOf the evaluation instant, in [1970-01-01T00:00:00Z, 2199-12-31T00:00:00Z)
   * @param granularity the period of cohorts and intervals, or {@code null} for MONTH
   * @param intervals the last interval reported, in [0, {@value #MAX_INTERVALS}]
   * @param graceDays in [0, 60], or {@code null} for 0
   * @throws NullPointerException if {@code zone} or {@code asOf} is null
   * @throws IllegalArgumentException if a value is out of range
   */
  public MembershipSpec {
    Checks.requireNonNull(zone, "zone");
    Checks.requireNonNull(asOf, "asOf");
    Checks.checkArgument(!asOf.isBefore(Instant.EPOCH) && asOf.isBefore(LATEST_AS_OF),
        "asOf must be in [%s, %s), got %s", Instant.EPOCH, LATEST_AS_OF, asOf);
    granularity = granularity == null ? Granularity.MONTH : granularity;
    Checks.requireInRange(intervals, 0, MAX_INTERVALS, "intervals");
    graceDays = graceDays == null ? 0 : graceDays;
    Checks.requireInRange(graceDays, 0, 60, "graceDays");
  }

  /**
   * Cohorts of {@code granularity} in {@code zone} at {@code asOf}, with no grace days.
   *
   * @param zone the zone of local days and periods
   * @param asOf the evaluation instant
   * @param granularity the period of cohorts and intervals
   * @param intervals the last interval reported, e.g. 12 for a year of monthly cohorts
   * @return the spec
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public static MembershipSpec of(ZoneId zone, Instant asOf, Granularity granularity, int intervals) {
    Checks.requireNonNull(granularity, "granularity");
    return new MembershipSpec(zone, asOf, granularity, intervals, null);
  }

  /**
   * This spec with {@code graceDays} before renewals count as lost.
   *
   * @param graceDays in [0, 60]; normally the program's {@link MembershipProgram#graceDays()}
   * @return a new spec, otherwise equal
   * @throws IllegalArgumentException if out of range
   */
  public MembershipSpec withGraceDays(int graceDays) {
    return new MembershipSpec(zone, asOf, granularity, intervals, graceDays);
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form; {@code zone}, {@code asOf} and {@code intervals} are required
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static MembershipSpec fromJson(String json) {
    return Json.readVersioned(json, MembershipSpec.class, JSON_VERSION);
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
   * A collector over members' states, keyed by dense user id; parallel streams merge.
   *
   * @return a collector adding every period of each state with {@link
   *     MembershipAccumulator#add(long, MembershipState)}
   */
  public Collector<MembershipAccumulator.Member, MembershipAccumulator, MembershipResult> collector() {
    return Accumulators.collector(this, (acc, member) -> acc.add(member.userId(), member.state()));
  }

  @Override
  public MembershipAccumulator newAccumulator() {
    return new MembershipAccumulator(this);
  }

  @Override
  public MembershipAccumulator accumulatorFromBytes(byte[] bytes) {
    return MembershipAccumulator.FORM.read(bytes, this);
  }
}
