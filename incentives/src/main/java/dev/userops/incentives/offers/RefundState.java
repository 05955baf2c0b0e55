package dev.userops.incentives.offers;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.List;
import java.util.Map;

/**
 * What has come back of one priced order: units returned per line, money refunded, the return ids
 * seen (so a redelivered return is a no-op) and whether the redemptions were released. The host
 * keeps it beside the order's {@link PricingOutcome}.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param returned units returned so far per line id; lines with none are absent
 * @param refundedMinor money refunded so far, minor units
 * @param returnIds the ids of the returns and cancels applied, in order
 * @param released whether the order's redemptions were released (everything came back)
 */
public record RefundState(int version, Map<String, Integer> returned, long refundedMinor, List<String> returnIds,
    boolean released) {
  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /** Nothing returned yet. */
  static final RefundState NONE = new RefundState(FORMAT_VERSION, Map.of(), 0, List.of(), false);

  /**
   * Checks the version and the values and copies the collections.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param returned units per line id, each {@code >= 1}, or null for none
   * @param refundedMinor money refunded, {@code >= 0}
   * @param returnIds ids applied, or null for none
   * @param released whether the redemptions were released
   * @throws NullPointerException if a key, value or id is null
   * @throws IllegalArgumentException if the version is wrong or a value is out of range
   */
  public RefundState {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    returned = returned == null ? Map.of() : Map.copyOf(returned);
    returned.forEach((line, units) -> Checks.requirePositive(units, "returned." + line));
    Checks.requireNonNegative(refundedMinor, "refundedMinor");
    returnIds = returnIds == null ? List.of() : List.copyOf(returnIds);
  }

  /**
   * The state of an order nothing has come back of.
   *
   * @return the shared empty state
   */
  public static RefundState none() {
    return NONE;
  }

  /**
   * Reads the JSON form, checking the version.
   *
   * @param json the JSON form as {@link #toJson()} writes it
   * @return the state
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path, also for another version
   */
  public static RefundState fromJson(String json) {
    return Json.read(json, RefundState.class);
  }

  /**
   * The JSON form.
   *
   * @return compact JSON, read back equal by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * Units of a line returned so far.
   *
   * @param lineId the line id
   * @return the units, 0 if none
   */
  public int returnedOf(String lineId) {
    return returned.getOrDefault(lineId, 0);
  }
}
