package dev.userops.retention.value;

import dev.userops.core.AccumulatorSpec;
import dev.userops.core.event.Order;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * Defines acquisition-channel economics (DOMAIN §2 "acquisition economics"): the cohorts of an LTV
 * triangle by each user's acquisition channel, with sign-ups for conversion to a first order; the
 * host's spend then gives CAC, ROI and payback ({@link AcquisitionResult#withSpend}). JSON form:
 * {@code {"cohorts":{"zone":"UTC","asOf":"2026-07-01T00:00:00Z","granularity":"MONTH",
 * "intervals":12,...}}}, the cohorts in {@link LtvSpec}'s form.
 *
 * @param cohorts the zone, periods, intervals, first cohort, refund treatment and bad-record policy,
 *     as for an LTV triangle
 */
public record AcquisitionSpec(LtvSpec cohorts)
    implements AccumulatorSpec<AcquisitionAccumulator, AcquisitionResult> {
  /** Format version of the JSON form, written as its {@code version} field. */
  private static final int JSON_VERSION = 1;

  /**
   * Checks the cohorts are present.
   *
   * @param cohorts the cohort definition
   * @throws NullPointerException if {@code cohorts} is null
   */
  public AcquisitionSpec {
    Checks.requireNonNull(cohorts, "cohorts");
  }

  /**
   * Acquisition economics over the cohorts of {@code cohorts}.
   *
   * @param cohorts the cohort definition, e.g. {@code LtvSpec.of(zone, asOf, Granularity.MONTH,
   *     12)}
   * @return the spec
   * @throws NullPointerException if {@code cohorts} is null
   */
  public static AcquisitionSpec of(LtvSpec cohorts) {
    return new AcquisitionSpec(cohorts);
  }

  /**
   * Reads a spec from its JSON form.
   *
   * @param json the JSON form; {@code cohorts} is required
   * @return the spec
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static AcquisitionSpec fromJson(String json) {
    return Json.readVersioned(json, AcquisitionSpec.class, JSON_VERSION);
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
   * A collector over orders ({@link AcquisitionAccumulator#add(Order, String)}); parallel streams
   * merge. Sign-ups need the accumulator itself.
   *
   * @param acquisitionChannelOf the acquisition channel the host knows for each order's buyer, or
   *     {@code null} for none
   * @return a collector counting the statuses the cohorts' {@code refunds} admits
   * @throws NullPointerException if {@code acquisitionChannelOf} is null
   */
  public Collector<Order, AcquisitionAccumulator, AcquisitionResult> collector(
      Function<? super Order, String> acquisitionChannelOf) {
    Checks.requireNonNull(acquisitionChannelOf, "acquisitionChannelOf");
    return Accumulators.collector(
        this, (acc, order) -> acc.add(order, acquisitionChannelOf.apply(order)));
  }

  @Override
  public AcquisitionAccumulator newAccumulator() {
    return new AcquisitionAccumulator(this);
  }

  @Override
  public AcquisitionAccumulator accumulatorFromBytes(byte[] bytes) {
    return AcquisitionAccumulator.FORM.read(bytes, this);
  }
}
