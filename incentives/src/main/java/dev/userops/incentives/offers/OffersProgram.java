package dev.userops.incentives.offers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An offers document: the shop's offers, the zone of their validity dates, and how refunds treat
 * an order that a return drops below a threshold. Immutable; read it with {@link #fromJson}, price
 * carts with the {@link #policy()}.
 *
 * <p><b>JSON</b> ({@code "version": 1}; unknown fields are rejected with their JSON path; invalid
 * values with the path of the offer, its id and the field):
 *
 * <pre>{@code
 * {"version": 1, "zone": "Asia/Shanghai", "refundMode": "ALLOCATED_NET",
 *  "offers": [{"id": "full-300-minus-50", "kind": "THRESHOLD", "thresholdMinor": 30000,
 *              "discountMinor": 5000, "stepped": true, "maxDiscountMinor": 20000,
 *              "scope": {"skus": [], "categories": ["books"], "excludeSkus": ["gift-card"]},
 *              "audience": {"tags": ["frequent"], "firstOrder": false},
 *              "validFrom": "2026-06-01", "validTo": "2026-06-18", "zone": "Asia/Shanghai",
 *              "stacking": {"group": "default", "exclusive": false}, "priority": 10,
 *              "perUserLimit": 1, "globalLimit": 10000, "budgetMinor": 50000000,
 *              "releaseRestoresUse": true}]}
 * }</pre>
 *
 * The other kinds' fields ({@code percent}, {@code priceMinor}, {@code gifts}, {@code buyQuantity},
 * {@code getQuantity}, {@code allocationLimit}) are listed with {@link Offer.Kind}.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param zone the zone of the offers' validity dates unless an offer names its own; may be null if
 *     every offer has a zone
 * @param refundMode how a partial return that breaks a threshold is refunded; default {@link
 *     RefundMode#ALLOCATED_NET}
 * @param offers the offers, ids unique
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OffersProgram(int version, ZoneId zone, RefundMode refundMode, List<Offer> offers) {
  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Checks the version, the offer ids and that every offer has a zone.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param zone the default zone of the validity dates, or null if every offer has one
   * @param refundMode the refund mode, or null for {@link RefundMode#ALLOCATED_NET}
   * @param offers the offers, at most 10,000; copied
   * @throws NullPointerException if {@code offers} or an offer is null
   * @throws IllegalArgumentException if the version is wrong, an id repeats, there are too many
   *     offers or an offer with validity dates has no zone
   */
  public OffersProgram {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    offers = List.copyOf(Checks.requireNonNull(offers, "offers"));
    Checks.checkArgument(offers.size() <= 10_000, "offers: expected at most 10000, got %s", offers.size());
    refundMode = refundMode == null ? RefundMode.ALLOCATED_NET : refundMode;
    Set<String> ids = new HashSet<>();
    for (Offer offer : offers) {
      Checks.checkArgument(ids.add(offer.id()), "offer id \"%s\" is used twice", offer.id());
      Checks.checkArgument(zone != null || offer.zone() != null || offer.validFrom() == null && offer.validTo() == null,
          "offer \"%s\" zone: expected a zone on the offer or the document for its validity dates, got none", offer.id());
    }
  }

  @JsonCreator
  static OffersProgram json(
      @JsonProperty(value = "version", required = true) int version,
      @JsonProperty("zone") ZoneId zone,
      @JsonProperty("refundMode") RefundMode refundMode,
      @JsonProperty(value = "offers", required = true) List<Offer> offers) {
    return new OffersProgram(version, zone, refundMode, offers);
  }

  /**
   * A program of these offers with validity dates in {@code zone} and the default refund mode.
   *
   * @param zone the zone of the offers' validity dates unless an offer names its own
   * @param offers the offers
   * @return the program, version {@value #FORMAT_VERSION}
   * @throws NullPointerException if an argument or an offer is null
   * @throws IllegalArgumentException if an offer id repeats
   */
  public static OffersProgram of(ZoneId zone, List<Offer> offers) {
    return new OffersProgram(FORMAT_VERSION, Checks.requireNonNull(zone, "zone"), null, offers);
  }

  /**
   * This program with another refund mode.
   *
   * @param mode how partial returns that break a threshold are refunded
   * @return a copy with {@code refundMode = mode}
   * @throws NullPointerException if {@code mode} is null
   */
  public OffersProgram withRefundMode(RefundMode mode) {
    return new OffersProgram(version, zone, Checks.requireNonNull(mode, "refundMode"), offers);
  }

  /**
   * Reads a program from JSON.
   *
   * @param json the JSON form; {@code version} and {@code offers} are required
   * @return the program
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path of the offending value; for an
   *     invalid offer value the message names the offer id and the field
   */
  public static OffersProgram fromJson(String json) {
    return Json.read(json, OffersProgram.class);
  }

  /**
   * This program's JSON form; {@link #fromJson} reads it back equal.
   *
   * @return compact JSON with the defaults written out
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * The policy pricing carts with these offers.
   *
   * @return a new policy with the validity windows resolved to instants; build it once and reuse it
   * @throws ArithmeticException if a gift's total value overflows a {@code long}
   */
  public OffersPolicy policy() {
    return new OffersPolicy(this);
  }

  /** How a return is refunded. */
  public enum RefundMode {
    /** Each returned unit gives back its allocated net amount; the kept units keep their discounts. */
    ALLOCATED_NET,
    /**
     * As {@link #ALLOCATED_NET}, but when the kept units no longer reach an applied offer's
     * threshold the kept units are re-priced without that offer, and the discount they lose is
     * deducted from the refund (never below 0, never more than was paid).
     */
    RECOMPUTE_IF_BELOW_THRESHOLD
  }
}
