package dev.userops.segmentation.rfm;

import dev.userops.core.AccumulatorSpec;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.event.Order;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collector;

/**
 * Defines per-user RFM features: the instant and zone recency is measured at, how frequency and
 * monetary value are counted, and what to do with bad records. JSON form: {@code
 * {"zone":"Asia/Shanghai","asOf":"2026-01-01T00:00:00Z","frequency":"ORDERS","monetary":"TOTAL",
 * "badRecords":"REJECT"}}.
 *
 * @param zone the zone of calendar days: recency is the local date of {@code asOf} minus the local
 *     date of the user's last valid order, in whole calendar days (a DST day counts as one day)
 * @param asOf orders after this instant are bad records ({@link
 *     dev.userops.core.BadRecordReason#AFTER_AS_OF})
 * @param frequency what frequency counts; {@code null} in JSON means {@link Frequency#ORDERS}
 * @param monetary what monetary value measures; {@code null} in JSON means {@link Monetary#TOTAL}
 * @param badRecords what to do with a bad record; {@code null} in JSON means {@link
 *     BadRecordPolicy#REJECT}
 */
public record RfmSpec(
    ZoneId zone, Instant asOf, Frequency frequency, Monetary monetary, BadRecordPolicy badRecords)
    implements AccumulatorSpec<RfmAccumulator, RfmFeatures> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /** What the frequency feature counts. */
  public enum Frequency {
    /** Valid orders. */
    ORDERS,
    /** Distinct local dates (in the spec's zone) with at least one valid order. */
    PURCHASE_DAYS
  }

  /** What the monetary feature measures, in minor units. */
  public enum Monetary {
    /** Net spend: the sum of valid orders' amounts. */
    TOTAL,
    /** Net spend divided by valid orders, rounded half up to a whole minor unit. */
    MEAN_PER_ORDER
  }

  /**
   * Requires zone and asOf; defaults the options as documented on the components.
   *
   * @param zone the zone of calendar days
   * @param asOf the instant recency is measured at, at or after 1970-01-01T00:00:00Z
   * @param frequency what frequency counts, or {@code null} for {@link Frequency#ORDERS}
   * @param monetary what monetary value measures, or {@code null} for {@link Monetary#TOTAL}
   * @param badRecords what to do with a bad record, or {@code null} for {@link
   *     BadRecordPolicy#REJECT}
   * @throws NullPointerException if {@code zone} or {@code asOf} is null
   * @throws IllegalArgumentException if {@code asOf} is before 1970
   */
  public RfmSpec {
    Checks.requireNonNull(zone, "zone");
    Checks.requireNonNull(asOf, "asOf");
    Checks.checkArgument(
        asOf.toEpochMilli() >= 0, "asOf must be >= 1970-01-01T00:00:00Z, got %s", asOf);
    frequency = frequency == null ? Frequency.ORDERS : frequency;
    monetary = monetary == null ? Monetary.TOTAL : monetary;
    badRecords = badRecords == null ? BadRecordPolicy.REJECT : badRecords;
  }

  /**
   * Features counting valid orders and net spend, rejecting bad records.
   *
   * @param zone the zone of calendar days
   * @param asOf the instant recency is measured at, at or after 1970-01-01T00:00:00Z
   * @return the spec
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code asOf} is before 1970
   */
  public static RfmSpec of(ZoneId zone, Instant asOf) {
    return new RfmSpec(zone, asOf, Frequency.ORDERS, Monetary.TOTAL, BadRecordPolicy.REJECT);
  }

  /**
   * This spec with another bad-record policy.
   *
   * @param policy what to do with a bad record
   * @return a new spec, otherwise equal (and so not mergeable with this one)
   * @throws NullPointerException if {@code policy} is null
   */
  public RfmSpec withBadRecords(BadRecordPolicy policy) {
    return new RfmSpec(zone, asOf, frequency, monetary, Checks.requireNonNull(policy, "policy"));
  }

  /**
   * This spec with other frequency and monetary measures.
   *
   * @param frequency what frequency counts
   * @param monetary what monetary value measures
   * @return a new spec, otherwise equal
   * @throws NullPointerException if an argument is null
   */
  public RfmSpec withMeasures(Frequency frequency, Monetary monetary) {
    return new RfmSpec(
        zone,
        asOf,
        Checks.requireNonNull(frequency, "frequency"),
        Checks.requireNonNull(monetary, "monetary"),
        badRecords);
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form; {@code zone} and {@code asOf} are required
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static RfmSpec fromJson(String json) {
    return Json.readVersioned(json, RfmSpec.class, JSON_VERSION);
  }

  /**
   * This spec's JSON form.
   *
   * @return compact JSON with every option written out, read back by {@link #fromJson}
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * A collector of orders without separate refunds ({@link RfmAccumulator#add(Order)}); parallel
   * streams merge partial accumulators.
   *
   * @return a collector giving the features of the stream's paid orders
   */
  public Collector<Order, RfmAccumulator, RfmFeatures> collector() {
    return Accumulators.collector(this, RfmAccumulator::add);
  }

  @Override
  public RfmAccumulator newAccumulator() {
    return new RfmAccumulator(this);
  }

  @Override
  public RfmAccumulator accumulatorFromBytes(byte[] bytes) {
    return RfmAccumulator.FORM.read(bytes, this);
  }
}
