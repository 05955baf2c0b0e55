package dev.userops.incentives.offers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One offer: a discount, gift or special price with its conditions (DESIGN §8 {@code offer}). Which
 * fields a kind takes is listed with {@link Kind}; a field another kind takes is rejected, so a typo
 * in the kind cannot silently turn a field off. Every validation message names the offer id and
 * the field. Money is in minor units of the shop's one currency.
 *
 * <p><b>Conditions</b>, each checked against the cart and the usage the host passes in: the
 * validity window ({@code validFrom} and {@code validTo} are local dates in {@code zone}, both
 * inclusive: the offer starts at the first instant of {@code validFrom} and is valid through the
 * whole of {@code validTo}, up to the first instant of the next day, DST gaps included); the
 * audience; the scope; {@code thresholdMinor}, the minimum undiscounted subtotal of the lines in
 * scope; the per-user and global redemption limits and the money budget.
 *
 * @param id the offer id, unique in its program, without {@code /}; part of every redemption key
 * @param kind what the offer gives
 * @param thresholdMinor the minimum undiscounted subtotal of the scope's lines, every kind; for
 *     {@link Kind#THRESHOLD} the spend that earns the discount; {@code null} means 0
 * @param discountMinor the amount off: {@link Kind#FIXED} and {@link Kind#THRESHOLD} (per step
 *     when stepped)
 * @param percent {@link Kind#PERCENT}: percent off, in (0, 100] with at most two decimals ({@code
 *     12.5}); {@link Kind#BUY_X_GET_Y}: percent off the free units, default 100. Exact: kept as
 *     basis points, discounts rounded down to the minor unit
 * @param stepped {@link Kind#THRESHOLD}: whether every full {@code thresholdMinor} earns {@code
 *     discountMinor} again ("每满 300 减 50": 600 earns 100)
 * @param maxDiscountMinor the most this offer takes off one order, or {@code null} for no cap; every
 *     kind but {@link Kind#GIFT}
 * @param priceMinor {@link Kind#FIXED_PRICE}: the special unit price of the lines in scope
 * @param buyQuantity {@link Kind#BUY_X_GET_Y}: units bought at full price per application (X)
 * @param getQuantity {@link Kind#BUY_X_GET_Y}: units discounted per application (Y)
 * @param allocationLimit {@link Kind#BUY_X_GET_Y}: the most applications per order, or {@code null}
 *     for no limit
 * @param gifts {@link Kind#GIFT}: the free items; empty for other kinds
 * @param scope the lines the offer applies to; everything when absent
 * @param audience who may use it; everyone when absent
 * @param validFrom the first local day it is valid, inclusive, or {@code null} for always
 * @param validTo the last local day it is valid, inclusive (valid through its end), or {@code null}
 *     for never ending
 * @param zone the zone of {@code validFrom} and {@code validTo}, or {@code null} for the program's
 * @param stacking what it combines with; the group {@code "default"}, not exclusive, when absent
 * @param priority a tie-break between equally good combinations and the order within a stage,
 *     higher first; default 0
 * @param perUserLimit redemptions per user, or {@code null} for no limit
 * @param globalLimit redemptions over all users, or {@code null} for no limit
 * @param budgetMinor the money the offer may give away in total (discounts plus gift values), or
 *     {@code null} for no budget. A discount is capped at what is left of it; a gift worth more
 *     than what is left is not given
 * @param releaseRestoresUse whether a cancel or full refund gives the use back, so that the user
 *     (and the global limit) can use the offer again; default true. The budget is given back
 *     either way
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Offer(
    String id,
    Kind kind,
    Long thresholdMinor,
    Long discountMinor,
    BigDecimal percent,
    boolean stepped,
    Long maxDiscountMinor,
    Long priceMinor,
    Integer buyQuantity,
    Integer getQuantity,
    Integer allocationLimit,
    List<Gift> gifts,
    Scope scope,
    Audience audience,
    LocalDate validFrom,
    LocalDate validTo,
    ZoneId zone,
    Stacking stacking,
    int priority,
    Long perUserLimit,
    Long globalLimit,
    Long budgetMinor,
    boolean releaseRestoresUse) {

  /**
   * Checks every field against the kind.
   *
   * @param id the offer id, not blank, without {@code /}
   * @param kind what the offer gives
   * @param thresholdMinor minimum scope subtotal, {@code >= 0} ({@code > 0} for THRESHOLD), or null
   * @param discountMinor amount off, {@code > 0}, for FIXED and THRESHOLD only
   * @param percent percent off, in (0, 100], at most two decimals, for PERCENT and BUY_X_GET_Y only
   * @param stepped true for stepped THRESHOLD offers only
   * @param maxDiscountMinor cap, {@code >= 0}, or null; not for GIFT
   * @param priceMinor special unit price, {@code >= 0}, for FIXED_PRICE only
   * @param buyQuantity X, {@code >= 1}, for BUY_X_GET_Y only
   * @param getQuantity Y, {@code >= 1}, for BUY_X_GET_Y only
   * @param allocationLimit applications per order, {@code >= 1}, or null; BUY_X_GET_Y only
   * @param gifts the gifts, non-empty for GIFT, empty or null otherwise; copied
   * @param scope the scope, or null for everything; FIXED_PRICE needs SKUs or categories
   * @param audience the audience, or null for everyone
   * @param validFrom first valid local day, or null
   * @param validTo last valid local day, not before {@code validFrom}, or null
   * @param zone the zone of the dates, or null for the program's
   * @param stacking the stacking group, or null for the default group
   * @param priority tie-break and stage order, higher first
   * @param perUserLimit redemptions per user, {@code >= 0}, or null
   * @param globalLimit redemptions in total, {@code >= 0}, or null
   * @param budgetMinor money budget, {@code >= 0}, or null
   * @param releaseRestoresUse whether a release gives the use back
   * @throws NullPointerException if {@code id} or {@code kind} is null
   * @throws IllegalArgumentException naming the offer id and the field, if a value is out of range
   *     or set for a kind that does not take it
   */
  public Offer {
    Checks.requireNonBlank(id, "offer id");
    // Redemption keys end with "/" + id, so an id without "/" keeps every key unambiguous.
    Checks.checkArgument(id.indexOf('/') < 0, "offer id: expected no \"/\", got \"%s\"", id);
    Checks.requireNonNull(kind, "kind of offer \"" + id + "\"");
    gifts = gifts == null ? List.of() : List.copyOf(gifts);
    scope = scope == null ? Scope.ALL : scope;
    audience = audience == null ? Audience.EVERYONE : audience;
    stacking = stacking == null ? Stacking.DEFAULT : stacking;
    check(id, "thresholdMinor", thresholdMinor == null || thresholdMinor >= 0, ">= 0", thresholdMinor);
    check(id, "maxDiscountMinor", maxDiscountMinor == null || maxDiscountMinor >= 0, ">= 0", maxDiscountMinor);
    check(id, "perUserLimit", perUserLimit == null || perUserLimit >= 0, ">= 0", perUserLimit);
    check(id, "globalLimit", globalLimit == null || globalLimit >= 0, ">= 0", globalLimit);
    check(id, "budgetMinor", budgetMinor == null || budgetMinor >= 0, ">= 0", budgetMinor);
    check(id, "validTo", validFrom == null || validTo == null || !validTo.isBefore(validFrom),
        "on or after validFrom " + validFrom, validTo);
    if (percent != null) {
      percent = normalized(id, percent);
    }
    boolean discount = kind == Kind.FIXED || kind == Kind.THRESHOLD;
    check(id, "discountMinor", discount == (discountMinor != null), discount ? "required" : "absent for " + kind,
        discountMinor);
    check(id, "discountMinor", discountMinor == null || discountMinor > 0, "> 0", discountMinor);
    check(id, "percent", percent != null ? kind == Kind.PERCENT || kind == Kind.BUY_X_GET_Y : kind != Kind.PERCENT,
        kind == Kind.PERCENT ? "required" : "absent for " + kind, percent);
    check(id, "thresholdMinor", kind != Kind.THRESHOLD || thresholdMinor != null && thresholdMinor > 0,
        "> 0 for THRESHOLD", thresholdMinor);
    check(id, "stepped", !stepped || kind == Kind.THRESHOLD, "false for " + kind, stepped);
    check(id, "maxDiscountMinor", maxDiscountMinor == null || kind != Kind.GIFT, "absent for GIFT", maxDiscountMinor);
    boolean price = kind == Kind.FIXED_PRICE;
    check(id, "priceMinor", price == (priceMinor != null), price ? "required" : "absent for " + kind, priceMinor);
    check(id, "priceMinor", priceMinor == null || priceMinor >= 0, ">= 0", priceMinor);
    check(id, "scope", !price || !scope.skus().isEmpty() || !scope.categories().isEmpty(),
        "skus or categories for FIXED_PRICE", "the whole order");
    boolean bxgy = kind == Kind.BUY_X_GET_Y;
    check(id, "buyQuantity", bxgy == (buyQuantity != null), bxgy ? "required" : "absent for " + kind, buyQuantity);
    check(id, "getQuantity", bxgy == (getQuantity != null), bxgy ? "required" : "absent for " + kind, getQuantity);
    check(id, "buyQuantity", buyQuantity == null || buyQuantity >= 1, ">= 1", buyQuantity);
    check(id, "getQuantity", getQuantity == null || getQuantity >= 1, ">= 1", getQuantity);
    check(id, "allocationLimit", allocationLimit == null || bxgy && allocationLimit >= 1,
        bxgy ? ">= 1" : "absent for " + kind, allocationLimit);
    check(id, "gifts", (kind == Kind.GIFT) != gifts.isEmpty(), kind == Kind.GIFT ? "at least one gift" : "absent for "
        + kind, gifts.size() + " gifts");
  }

  @JsonCreator
  static Offer json(
      @JsonProperty(value = "id", required = true) String id,
      @JsonProperty(value = "kind", required = true) Kind kind,
      @JsonProperty("thresholdMinor") Long thresholdMinor,
      @JsonProperty("discountMinor") Long discountMinor,
      @JsonProperty("percent") BigDecimal percent,
      @JsonProperty("stepped") Boolean stepped,
      @JsonProperty("maxDiscountMinor") Long maxDiscountMinor,
      @JsonProperty("priceMinor") Long priceMinor,
      @JsonProperty("buyQuantity") Integer buyQuantity,
      @JsonProperty("getQuantity") Integer getQuantity,
      @JsonProperty("allocationLimit") Integer allocationLimit,
      @JsonProperty("gifts") List<Gift> gifts,
      @JsonProperty("scope") Scope scope,
      @JsonProperty("audience") Audience audience,
      @JsonProperty("validFrom") LocalDate validFrom,
      @JsonProperty("validTo") LocalDate validTo,
      @JsonProperty("zone") ZoneId zone,
      @JsonProperty("stacking") Stacking stacking,
      @JsonProperty("priority") Integer priority,
      @JsonProperty("perUserLimit") Long perUserLimit,
      @JsonProperty("globalLimit") Long globalLimit,
      @JsonProperty("budgetMinor") Long budgetMinor,
      @JsonProperty("releaseRestoresUse") Boolean releaseRestoresUse) {
    return new Offer(id, kind, thresholdMinor, discountMinor, percent, stepped != null && stepped, maxDiscountMinor,
        priceMinor, buyQuantity, getQuantity, allocationLimit, gifts, scope, audience, validFrom, validTo, zone,
        stacking, priority == null ? 0 : priority, perUserLimit, globalLimit, budgetMinor,
        releaseRestoresUse == null || releaseRestoresUse);
  }

  private static void check(String id, String field, boolean valid, String expected, Object got) {
    if (!valid) {
      throw new IllegalArgumentException("offer \"" + id + "\" " + field + ": expected " + expected + ", got " + got);
    }
  }

  /** {@code percent} with its trailing zeros dropped (20.00 → 20), after checking range and decimals. */
  private static BigDecimal normalized(String id, BigDecimal percent) {
    BigDecimal basisPoints = percent.movePointRight(2);
    boolean exact = basisPoints.signum() > 0 && basisPoints.compareTo(BigDecimal.valueOf(10_000)) <= 0
        && basisPoints.stripTrailingZeros().scale() <= 0;
    check(id, "percent", exact, "a number in (0, 100] with at most two decimals", percent.toPlainString());
    BigDecimal stripped = percent.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /**
   * Spend at least {@code thresholdMinor} in scope, get {@code discountMinor} off (满减).
   *
   * @param id the offer id, not blank
   * @param thresholdMinor the spend, {@code > 0}
   * @param discountMinor the amount off, {@code > 0}
   * @return a non-stepped THRESHOLD offer over the whole order, always valid, default stacking
   * @throws IllegalArgumentException if a value is out of range
   */
  public static Offer threshold(String id, long thresholdMinor, long discountMinor) {
    return new Offer(id, Kind.THRESHOLD, thresholdMinor, discountMinor, null, false, null, null, null, null, null,
        null, null, null, null, null, null, null, 0, null, null, null, true);
  }

  /**
   * A percentage off.
   *
   * @param id the offer id, not blank
   * @param percent whole percent off, in [1, 100]
   * @return a PERCENT offer over the whole order, always valid, default stacking
   * @throws IllegalArgumentException if {@code percent} is out of range
   */
  public static Offer percent(String id, int percent) {
    return new Offer(id, Kind.PERCENT, null, null, BigDecimal.valueOf(percent), false, null, null, null, null, null,
        null, null, null, null, null, null, null, 0, null, null, null, true);
  }

  /**
   * A fixed amount off.
   *
   * @param id the offer id, not blank
   * @param discountMinor the amount off, {@code > 0}
   * @return a FIXED offer over the whole order, always valid, default stacking
   * @throws IllegalArgumentException if {@code discountMinor <= 0}
   */
  public static Offer fixed(String id, long discountMinor) {
    return new Offer(id, Kind.FIXED, null, discountMinor, null, false, null, null, null, null, null,
        null, null, null, null, null, null, null, 0, null, null, null, true);
  }

  /**
   * A special unit price for the lines in {@code scope}.
   *
   * @param id the offer id, not blank
   * @param scope the SKUs or categories at the special price
   * @param priceMinor the unit price, {@code >= 0}; a line already cheaper is not discounted
   * @return a FIXED_PRICE offer, always valid, default stacking
   * @throws NullPointerException if {@code scope} is null
   * @throws IllegalArgumentException if the scope names no SKU or category or the price is negative
   */
  public static Offer fixedPrice(String id, Scope scope, long priceMinor) {
    Checks.requireNonNull(scope, "scope");
    return new Offer(id, Kind.FIXED_PRICE, null, null, null, false, null, priceMinor, null, null, null,
        null, scope, null, null, null, null, null, 0, null, null, null, true);
  }

  /**
   * Free items.
   *
   * @param id the offer id, not blank
   * @param gifts the items, at least one
   * @return a GIFT offer, always valid, default stacking
   * @throws NullPointerException if {@code gifts} or a gift is null
   * @throws IllegalArgumentException if {@code gifts} is empty
   */
  public static Offer gift(String id, List<Gift> gifts) {
    return new Offer(id, Kind.GIFT, null, null, null, false, null, null, null, null, null,
        Checks.requireNonNull(gifts, "gifts"), null, null, null, null, null, null, 0, null, null, null, true);
  }

  /**
   * Buy {@code buy} units, get {@code get} more free: the cheapest units in scope are the free ones.
   *
   * @param id the offer id, not blank
   * @param buy units bought per application, {@code >= 1}
   * @param get units free per application, {@code >= 1}
   * @return a BUY_X_GET_Y offer at 100% off over the whole order, no allocation limit, always
   *     valid, default stacking
   * @throws IllegalArgumentException if a quantity is below 1
   */
  public static Offer buyXGetY(String id, int buy, int get) {
    return new Offer(id, Kind.BUY_X_GET_Y, null, null, null, false, null, null, buy, get, null,
        null, null, null, null, null, null, null, 0, null, null, null, true);
  }

  /**
   * This offer over another scope.
   *
   * @param newScope the lines it applies to
   * @return a copy with {@code scope = newScope}
   * @throws IllegalArgumentException if a FIXED_PRICE offer would get an empty scope
   */
  public Offer withScope(Scope newScope) {
    return new Offer(id, kind, thresholdMinor, discountMinor, percent, stepped, maxDiscountMinor, priceMinor,
        buyQuantity, getQuantity, allocationLimit, gifts, newScope, audience, validFrom, validTo, zone, stacking,
        priority, perUserLimit, globalLimit, budgetMinor, releaseRestoresUse);
  }

  /**
   * This offer for another audience.
   *
   * @param newAudience who may use it
   * @return a copy with {@code audience = newAudience}
   */
  public Offer withAudience(Audience newAudience) {
    return new Offer(id, kind, thresholdMinor, discountMinor, percent, stepped, maxDiscountMinor, priceMinor,
        buyQuantity, getQuantity, allocationLimit, gifts, scope, newAudience, validFrom, validTo, zone, stacking,
        priority, perUserLimit, globalLimit, budgetMinor, releaseRestoresUse);
  }

  /**
   * This offer valid from {@code from} through {@code to} in {@code newZone}, both inclusive.
   *
   * @param from the first valid local day, or null for always
   * @param to the last valid local day, or null for never ending
   * @param newZone the zone of the days, or null for the program's
   * @return a copy with those three fields changed
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public Offer withValidity(LocalDate from, LocalDate to, ZoneId newZone) {
    return new Offer(id, kind, thresholdMinor, discountMinor, percent, stepped, maxDiscountMinor, priceMinor,
        buyQuantity, getQuantity, allocationLimit, gifts, scope, audience, from, to, newZone, stacking,
        priority, perUserLimit, globalLimit, budgetMinor, releaseRestoresUse);
  }

  /**
   * This offer in another stacking group, with another priority.
   *
   * @param group the stacking group, not blank
   * @param exclusive whether it combines with no other offer
   * @param newPriority tie-break and order within a stage, higher first
   * @return a copy with {@code stacking} and {@code priority} changed
   * @throws NullPointerException if {@code group} is null
   * @throws IllegalArgumentException if {@code group} is blank
   */
  public Offer withStacking(String group, boolean exclusive, int newPriority) {
    return new Offer(id, kind, thresholdMinor, discountMinor, percent, stepped, maxDiscountMinor, priceMinor,
        buyQuantity, getQuantity, allocationLimit, gifts, scope, audience, validFrom, validTo, zone,
        new Stacking(group, exclusive), newPriority, perUserLimit, globalLimit, budgetMinor, releaseRestoresUse);
  }

  /**
   * This offer with other redemption limits and budget.
   *
   * @param perUser redemptions per user, {@code >= 0}, or null for none
   * @param global redemptions in total, {@code >= 0}, or null for none
   * @param budget money budget in minor units, {@code >= 0}, or null for none
   * @return a copy with those three fields changed
   * @throws IllegalArgumentException if a value is negative
   */
  public Offer withLimits(Long perUser, Long global, Long budget) {
    return new Offer(id, kind, thresholdMinor, discountMinor, percent, stepped, maxDiscountMinor, priceMinor,
        buyQuantity, getQuantity, allocationLimit, gifts, scope, audience, validFrom, validTo, zone, stacking,
        priority, perUser, global, budget, releaseRestoresUse);
  }

  /**
   * This offer with another minimum subtotal, cap and stepping.
   *
   * @param threshold minimum undiscounted scope subtotal, {@code >= 0} ({@code > 0} for THRESHOLD)
   * @param maxDiscount the most off per order, {@code >= 0}, or null for no cap
   * @param newStepped whether a THRESHOLD offer repeats per full threshold
   * @return a copy with those three fields changed
   * @throws IllegalArgumentException if a value does not fit the kind
   */
  public Offer withAmounts(long threshold, Long maxDiscount, boolean newStepped) {
    return new Offer(id, kind, threshold, discountMinor, percent, newStepped, maxDiscount, priceMinor,
        buyQuantity, getQuantity, allocationLimit, gifts, scope, audience, validFrom, validTo, zone, stacking,
        priority, perUserLimit, globalLimit, budgetMinor, releaseRestoresUse);
  }

  /**
   * {@link #percent} in basis points (hundredths of a percent).
   *
   * @return 1 to 10,000; 10,000 for a BUY_X_GET_Y offer without a percent; 0 when the kind takes none
   */
  public int basisPoints() {
    if (percent == null) {
      return kind == Kind.BUY_X_GET_Y ? 10_000 : 0;
    }
    return percent.movePointRight(2).intValueExact();
  }

  /**
   * What an offer gives, and the fields each kind takes besides the conditions every kind has
   * ({@code thresholdMinor}, scope, audience, validity, stacking, priority, limits, budget).
   */
  public enum Kind {
    /** 满减: {@code thresholdMinor} (required) earns {@code discountMinor}; {@code stepped}, {@code maxDiscountMinor}. */
    THRESHOLD,
    /** {@code percent} off the lines in scope; {@code maxDiscountMinor}. */
    PERCENT,
    /** {@code discountMinor} off the lines in scope; {@code maxDiscountMinor}. */
    FIXED,
    /** {@code priceMinor} per unit of the lines in scope (which must name SKUs or categories); {@code maxDiscountMinor}. */
    FIXED_PRICE,
    /** {@code gifts} given with the order; no discount. */
    GIFT,
    /** {@code buyQuantity}, {@code getQuantity}, {@code percent} (default 100), {@code allocationLimit}, {@code maxDiscountMinor}. */
    BUY_X_GET_Y
  }

  /**
   * The lines an offer applies to: a line is in scope if its SKU is not excluded and, when SKUs or
   * categories are listed, its SKU or its category is listed. A line without SKU or category
   * matches no list (and is not excluded).
   *
   * @param skus SKUs in scope; empty with {@code categories} empty means every line
   * @param categories categories in scope
   * @param excludeSkus SKUs never in scope
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Scope(List<String> skus, List<String> categories, List<String> excludeSkus) {
    /** Every line. */
    static final Scope ALL = new Scope(null, null, null);

    /**
     * Copies the lists; null means empty.
     *
     * @param skus SKUs in scope, or null
     * @param categories categories in scope, or null
     * @param excludeSkus SKUs never in scope, or null
     * @throws NullPointerException if an element is null
     */
    public Scope {
      skus = skus == null ? List.of() : List.copyOf(skus);
      categories = categories == null ? List.of() : List.copyOf(categories);
      excludeSkus = excludeSkus == null ? List.of() : List.copyOf(excludeSkus);
    }

    /**
     * The lines of these SKUs.
     *
     * @param skus the SKUs
     * @return a scope of those SKUs, no categories, no exclusions
     */
    public static Scope skus(String... skus) {
      return new Scope(List.of(skus), null, null);
    }

    /**
     * The lines of these categories.
     *
     * @param categories the categories
     * @return a scope of those categories, no SKUs, no exclusions
     */
    public static Scope categories(String... categories) {
      return new Scope(null, List.of(categories), null);
    }

    /**
     * Whether every line is in scope when not excluded.
     *
     * @return true if no SKU and no category is listed
     */
    public boolean wholeOrder() {
      return skus.isEmpty() && categories.isEmpty();
    }
  }

  /**
   * Who may use an offer: a user with at least one of the tags (when tags are listed) whose order's
   * first-order flag matches (when {@code firstOrder} is set). A user without tags is not in an
   * audience that lists tags.
   *
   * @param tags tag ids, any of which admits the user; empty for everyone
   * @param firstOrder {@code true}: first orders only (new users); {@code false}: repeat orders only
   *     (old users); {@code null}: either
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Audience(List<String> tags, Boolean firstOrder) {
    /** Everyone. */
    static final Audience EVERYONE = new Audience(null, null);

    /**
     * Copies the tags; null means none.
     *
     * @param tags tag ids, or null
     * @param firstOrder the first-order flag required, or null for either
     * @throws NullPointerException if a tag is null
     */
    public Audience {
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  /**
   * What an offer combines with. Offers of one group stack (each applies to what the ones before it
   * left, see {@link OffersPolicy}); offers of different groups never combine; an exclusive offer
   * combines with nothing.
   *
   * @param group the stacking group
   * @param exclusive whether it applies only alone
   */
  public record Stacking(String group, boolean exclusive) {
    /** The default group, not exclusive. */
    static final Stacking DEFAULT = new Stacking("default", false);

    /**
     * Requires a group.
     *
     * @param group the stacking group, not blank
     * @param exclusive whether it applies only alone
     * @throws NullPointerException if {@code group} is null
     * @throws IllegalArgumentException if {@code group} is blank
     */
    public Stacking {
      Checks.requireNonBlank(group, "stacking.group");
    }

    @JsonCreator
    static Stacking json(@JsonProperty("group") String group, @JsonProperty("exclusive") Boolean exclusive) {
      return new Stacking(group == null ? DEFAULT.group : group, exclusive != null && exclusive);
    }
  }

  /**
   * A free item of a GIFT offer.
   *
   * @param sku the item's SKU
   * @param quantity units given
   * @param valueMinor what one unit costs the shop: it counts toward the offer's benefit when
   *     choosing the best offer and against its budget
   */
  public record Gift(String sku, int quantity, long valueMinor) {
    /**
     * Checks the values.
     *
     * @param sku the SKU, not blank
     * @param quantity units, {@code >= 1}
     * @param valueMinor value per unit, {@code >= 1}, so that a gift always beats leaving it out
     * @throws NullPointerException if {@code sku} is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public Gift {
      Checks.requireNonBlank(sku, "gift sku");
      Checks.requirePositive(quantity, "quantity of gift " + sku);
      Checks.requirePositive(valueMinor, "valueMinor of gift " + sku);
    }
  }
}
