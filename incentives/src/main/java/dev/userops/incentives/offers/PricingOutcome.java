package dev.userops.incentives.offers;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.List;

/**
 * A priced cart: what each applied offer took off with its redemption key, each line's allocations
 * and net amount, the gifts, and every offer not applied with its reason. The host stores it with
 * the order (its JSON form is the input of refunds) and records the redemptions, under their keys,
 * when the order is placed.
 *
 * <p>Its lists are immutable and never hold null. Those of a cart {@link OffersPolicy#price} priced
 * keep the allocations as arrays of minor units and make their records on each read (equal from one
 * read to the next), so pricing allocates no record a caller does not read; they equal, element by
 * element, the lists {@link #fromJson} reads back.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param orderId the cart's order id
 * @param userId the cart's user id
 * @param subtotalMinor the lines' amount before offers
 * @param discountMinor the total off, the sum of the redemptions' discounts
 * @param totalMinor what the user pays: {@code subtotalMinor - discountMinor}
 * @param applied the redemptions, in the order the offers applied
 * @param lines the lines in {@code lineId} order
 * @param gifts the free items
 * @param rejected the offers not applied, in offer id order
 */
public record PricingOutcome(
    int version, String orderId, String userId, long subtotalMinor, long discountMinor, long totalMinor,
    List<Redemption> applied, List<PricedLine> lines, List<GiftItem> gifts, List<Rejection> rejected) {
  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Checks the version and the totals and copies the lists (a priced cart's own lists, already
   * immutable, are kept as they are).
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param orderId the order id, not blank
   * @param userId the user id, not blank
   * @param subtotalMinor the amount before offers, {@code >= 0}
   * @param discountMinor the total off, in [0, subtotalMinor]
   * @param totalMinor {@code subtotalMinor - discountMinor}
   * @param applied the redemptions
   * @param lines the lines, at least one
   * @param gifts the free items
   * @param rejected the offers not applied
   * @throws NullPointerException if an id, a list or an element is null
   * @throws IllegalArgumentException if the version is wrong or the totals do not add up
   */
  public PricingOutcome {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    Checks.requireNonBlank(orderId, "orderId");
    Checks.requireNonBlank(userId, "userId");
    applied = LazyList.copyOf(applied);
    lines = LazyList.copyOf(lines);
    gifts = LazyList.copyOf(gifts);
    rejected = LazyList.copyOf(rejected);
    Checks.checkArgument(!lines.isEmpty(), "order %s: expected at least one line", orderId);
    // An explicit test, not checkArgument: its boxed arguments would cost every priced cart.
    if (subtotalMinor < 0 || discountMinor < 0 || totalMinor != subtotalMinor - discountMinor || totalMinor < 0) {
      throw new IllegalArgumentException("order " + orderId + ": expected 0 <= discountMinor <= subtotalMinor and "
          + "totalMinor = subtotalMinor - discountMinor, got " + subtotalMinor + ", " + discountMinor + ", " + totalMinor);
    }
  }

  /**
   * Reads a priced cart from JSON.
   *
   * @param json the JSON form as {@link #toJson()} writes it
   * @return the outcome
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path, also for another version
   */
  public static PricingOutcome fromJson(String json) {
    return Json.read(json, PricingOutcome.class);
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
   * One use of an offer on this order (DESIGN §8 {@code redemption}). The host stores it under
   * {@code redemptionKey} (unique), so a redelivered order redeems nothing twice, and adds 1 to the
   * offer's user and global counts and {@code discountMinor + giftValueMinor} to its budget used.
   *
   * @param offerId the offer
   * @param discountMinor what it took off the lines, minor units
   * @param giftValueMinor the value of its gifts, minor units (0 unless a GIFT offer)
   * @param redemptionKey {@code "offer:" + orderId + "/" + offerId}
   */
  public record Redemption(String offerId, long discountMinor, long giftValueMinor, String redemptionKey) {
    /**
     * Checks the values.
     *
     * @param offerId the offer id, not blank
     * @param discountMinor the amount off, {@code >= 0}
     * @param giftValueMinor the gifts' value, {@code >= 0}
     * @param redemptionKey the key, not blank
     * @throws NullPointerException if an id or the key is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public Redemption {
      Checks.requireNonBlank(offerId, "offerId");
      Checks.requireNonNegative(discountMinor, "discountMinor");
      Checks.requireNonNegative(giftValueMinor, "giftValueMinor");
      Checks.requireNonBlank(redemptionKey, "redemptionKey");
    }

    /**
     * What this redemption costs the offer's budget.
     *
     * @return {@code discountMinor + giftValueMinor}
     */
    public long budgetMinor() {
      return discountMinor + giftValueMinor;
    }
  }

  /**
   * A priced line: the cart line with its allocations.
   *
   * @param lineId the line id
   * @param sku the SKU, or null
   * @param category the category, or null
   * @param unitPriceMinor the unit price before offers
   * @param quantity units
   * @param discountMinor the sum of its allocations
   * @param netMinor what the user pays for the line: {@code unitPriceMinor × quantity - discountMinor},
   *     never negative
   * @param allocations each applied offer's share of this line, in the order the offers applied;
   *     offers with a zero share are left out
   */
  public record PricedLine(
      String lineId, String sku, String category, long unitPriceMinor, int quantity, long discountMinor, long netMinor,
      List<Share> allocations) {
    /**
     * Checks that the amounts add up and copies the allocations (a priced cart's own list, already
     * immutable, is kept as it is).
     *
     * @param lineId the line id, not blank
     * @param sku the SKU, or null
     * @param category the category, or null
     * @param unitPriceMinor the unit price, {@code >= 0}
     * @param quantity units, {@code >= 1}
     * @param discountMinor the sum of the allocations
     * @param netMinor {@code unitPriceMinor × quantity - discountMinor}, {@code >= 0}
     * @param allocations the shares
     * @throws NullPointerException if {@code lineId}, {@code allocations} or a share is null
     * @throws IllegalArgumentException if the amounts do not add up or the net is negative
     */
    public PricedLine {
      Checks.requireNonBlank(lineId, "lineId");
      Checks.requireNonNegative(unitPriceMinor, "unitPriceMinor");
      Checks.requirePositive(quantity, "quantity");
      allocations = LazyList.copyOf(allocations);
      long sum = 0;
      for (Share share : allocations) {
        sum = Math.addExact(sum, share.discountMinor());
      }
      if (sum != discountMinor || netMinor < 0
          || netMinor != Math.subtractExact(Math.multiplyExact(unitPriceMinor, quantity), discountMinor)) {
        throw new IllegalArgumentException("line " + lineId + ": allocations " + sum + " must sum to discountMinor "
            + discountMinor + " and netMinor " + netMinor + " equal the subtotal less it, >= 0");
      }
    }

    /**
     * The line's amount before offers.
     *
     * @return {@code unitPriceMinor × quantity}
     */
    public long subtotalMinor() {
      return unitPriceMinor * quantity;
    }
  }

  /**
   * An offer's share of one line (DESIGN §8 {@code allocation}).
   *
   * @param offerId the offer
   * @param discountMinor its share, minor units
   */
  public record Share(String offerId, long discountMinor) {
    /**
     * Checks the values.
     *
     * @param offerId the offer id, not blank
     * @param discountMinor the share, {@code >= 0}
     * @throws NullPointerException if {@code offerId} is null
     * @throws IllegalArgumentException if the share is negative
     */
    public Share {
      Checks.requireNonBlank(offerId, "offerId");
      Checks.requireNonNegative(discountMinor, "discountMinor");
    }
  }

  /**
   * A free item given with the order.
   *
   * @param offerId the GIFT offer
   * @param sku the item's SKU
   * @param quantity units
   * @param valueMinor value per unit
   */
  public record GiftItem(String offerId, String sku, int quantity, long valueMinor) {
    /**
     * Checks the values.
     *
     * @param offerId the offer id, not blank
     * @param sku the SKU, not blank
     * @param quantity units, {@code >= 1}
     * @param valueMinor value per unit, {@code >= 0}
     * @throws NullPointerException if an id is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public GiftItem {
      Checks.requireNonBlank(offerId, "offerId");
      Checks.requireNonBlank(sku, "sku");
      Checks.requirePositive(quantity, "quantity");
      Checks.requireNonNegative(valueMinor, "valueMinor");
    }
  }

  /**
   * An offer not applied.
   *
   * @param offerId the offer
   * @param reason why
   */
  public record Rejection(String offerId, Reason reason) {
    /**
     * Checks the values.
     *
     * @param offerId the offer id, not blank
     * @param reason why it was not applied
     * @throws NullPointerException if an argument is null
     */
    public Rejection {
      Checks.requireNonBlank(offerId, "offerId");
      Checks.requireNonNull(reason, "reason");
    }
  }

  /**
   * Why an offer was not applied; the first that holds, in this order. A missing attribute (a line
   * without category, a user without tags) is a reason, never an exception.
   */
  public enum Reason {
    /** The order is before the first instant of {@code validFrom} in the offer's zone. */
    NOT_STARTED,
    /** The order is at or after the first instant of the day after {@code validTo}. */
    EXPIRED,
    /** The user has none of the audience's tags, or the first-order flag does not match. */
    NOT_IN_AUDIENCE,
    /** The user has used it {@code perUserLimit} times. */
    USER_LIMIT,
    /** It has been used {@code globalLimit} times. */
    GLOBAL_LIMIT,
    /** Its budget is spent (or, for a gift, what is left is below the gifts' value). */
    BUDGET,
    /** No line is in its scope. */
    OUT_OF_SCOPE,
    /** The undiscounted subtotal of its scope is below {@code thresholdMinor}. */
    BELOW_THRESHOLD,
    /** It could apply, but not together with the best combination (another group, or exclusive). */
    NOT_STACKABLE,
    /** It could join the best combination but adds nothing or loses a tie. */
    NOT_BEST
  }
}
