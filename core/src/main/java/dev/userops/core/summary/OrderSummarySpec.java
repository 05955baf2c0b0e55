package dev.userops.core.summary;

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
 * Defines an order summary: which zone dates are reported in, which instant bounds the data, and
 * what to do with bad records. JSON form: {@code {"zone":"UTC","asOf":"2026-01-01T00:00:00Z",
 * "badRecords":"SKIP_AND_COUNT"}}.
 *
 * @param zone the zone of {@link OrderSummary#firstOrder()} and {@link OrderSummary#lastOrder()}
 * @param asOf orders after this instant are bad records ({@link
 *     dev.userops.core.BadRecordReason#AFTER_AS_OF}); {@code null} means no bound
 * @param badRecords what to do with a bad record; {@code null} in JSON means {@link
 *     BadRecordPolicy#REJECT}
 */
public record OrderSummarySpec(ZoneId zone, Instant asOf, BadRecordPolicy badRecords)
    implements AccumulatorSpec<OrderSummaryAccumulator, OrderSummary> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /**
   * Requires a zone and defaults the bad-record policy to {@link BadRecordPolicy#REJECT}.
   *
   * @param zone the zone dates are reported in
   * @param asOf the instant bounding the data, or {@code null} for no bound
   * @param badRecords what to do with a bad record, or {@code null} for {@link
   *     BadRecordPolicy#REJECT}
   * @throws NullPointerException if {@code zone} is null
   */
  public OrderSummarySpec {
    Checks.requireNonNull(zone, "zone");
    badRecords = badRecords == null ? BadRecordPolicy.REJECT : badRecords;
  }

  /**
   * A summary in {@code zone} with no {@code asOf} bound that rejects bad records.
   *
   * @param zone the zone dates are reported in
   * @return the spec
   * @throws NullPointerException if {@code zone} is null
   */
  public static OrderSummarySpec of(ZoneId zone) {
    return new OrderSummarySpec(zone, null, BadRecordPolicy.REJECT);
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form; {@code zone} is required, {@code asOf} and {@code badRecords} may
   *     be absent or null
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static OrderSummarySpec fromJson(String json) {
    return Json.readVersioned(json, OrderSummarySpec.class, JSON_VERSION);
  }

  /**
   * This spec's JSON form.
   *
   * @return compact JSON that {@link #fromJson} reads back to an equal spec
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * A collector summarizing a stream of orders; parallel streams merge partial accumulators.
   *
   * @return a collector whose records are numbered per partial accumulator, so under {@code
   *     REJECT} the index in a parallel stream's exception is not the stream position
   */
  public Collector<Order, OrderSummaryAccumulator, OrderSummary> collector() {
    return Accumulators.collector(this, OrderSummaryAccumulator::add);
  }

  long asOfMillis() {
    return asOf == null ? Long.MAX_VALUE : asOf.toEpochMilli();
  }

  @Override
  public OrderSummaryAccumulator newAccumulator() {
    return new OrderSummaryAccumulator(this);
  }

  @Override
  public OrderSummaryAccumulator accumulatorFromBytes(byte[] bytes) {
    return OrderSummaryAccumulator.FORM.read(bytes, this);
  }
}
