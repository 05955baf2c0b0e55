package dev.userops.incentives.offers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A cart to price: the order, the user's attributes the offers' audiences test, the usage of each
 * offer the host has stored, and the lines. The order of {@code lines} and {@code userTags} does
 * not change the result.
 *
 * <p>JSON: {@code {"orderId", "userId", "at" (ISO instant, an offset allowed, e.g.
 * "2026-06-18T23:59:59+08:00"), "userTags": [...], "firstOrder": bool, "usage": {offerId: {"user":
 * n, "global": n, "budgetUsedMinor": n}}, "lines": [{"lineId", "sku", "category", "unitPriceMinor",
 * "quantity"}]}}; {@code userTags}, {@code firstOrder} and {@code usage} are optional.
 *
 * @param orderId the host's order id; with the offer id it makes the redemption keys
 * @param userId the host's user id
 * @param at when the order is placed: decides the validity windows
 * @param userTags the user's tag ids (the host evaluates its tag catalog); empty for none
 * @param firstOrder whether this is the user's first order (a new user)
 * @param usage per offer id, the redemptions and budget used so far; an offer not listed is unused
 * @param lines the lines, at least one, line ids unique
 */
public record Cart(
    String orderId, String userId, Instant at, List<String> userTags, boolean firstOrder, Map<String, Usage> usage,
    List<Line> lines) {

  /**
   * Checks ids and lines and copies the collections.
   *
   * @param orderId the order id, not blank
   * @param userId the user id, not blank
   * @param at when the order is placed
   * @param userTags tag ids, or null for none
   * @param firstOrder whether it is the user's first order
   * @param usage usage per offer id, or null for none
   * @param lines the lines, at least one, at most 10,000, line ids unique
   * @throws NullPointerException if an id, {@code at}, {@code lines}, a line, a tag or a usage is
   *     null
   * @throws IllegalArgumentException if an id is blank, there are no or too many lines or a line id
   *     repeats
   */
  public Cart {
    Checks.requireNonBlank(orderId, "orderId");
    Checks.requireNonBlank(userId, "userId");
    Checks.requireNonNull(at, "at");
    userTags = userTags == null ? List.of() : List.copyOf(userTags);
    usage = usage == null ? Map.of() : Map.copyOf(usage);
    lines = List.copyOf(Checks.requireNonNull(lines, "lines"));
    Checks.checkArgument(!lines.isEmpty() && lines.size() <= 10_000, "order %s: expected 1 to 10000 lines, got %s",
        orderId, lines.size());
    requireDistinctLineIds("order", orderId, lines, Line::lineId);
  }

  /**
   * Rejects lines that repeat a line id, naming the document ({@code "order"} or {@code "return"})
   * and its id, since both carts and returns address their lines by id.
   */
  static <T> void requireDistinctLineIds(String document, String id, List<T> lines, Function<T, String> lineId) {
    Set<String> ids = new HashSet<>();
    for (T line : lines) {
      String lid = lineId.apply(line);
      Checks.checkArgument(ids.add(lid), "%s %s: line id \"%s\" is used twice", document, id, lid);
    }
  }

  @JsonCreator
  static Cart json(
      @JsonProperty(value = "orderId", required = true) String orderId,
      @JsonProperty(value = "userId", required = true) String userId,
      @JsonProperty(value = "at", required = true) Instant at,
      @JsonProperty("userTags") List<String> userTags,
      @JsonProperty("firstOrder") Boolean firstOrder,
      @JsonProperty("usage") Map<String, Usage> usage,
      @JsonProperty(value = "lines", required = true) List<Line> lines) {
    return new Cart(orderId, userId, at, userTags, firstOrder != null && firstOrder, usage, lines);
  }

  /**
   * A cart of a user with no tags, not on a first order, with no usage.
   *
   * @param orderId the order id, not blank
   * @param userId the user id, not blank
   * @param at when the order is placed
   * @param lines the lines
   * @return the cart
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as the constructor
   */
  public static Cart of(String orderId, String userId, Instant at, List<Line> lines) {
    return new Cart(orderId, userId, at, null, false, null, lines);
  }

  /**
   * This cart for a user with other attributes.
   *
   * @param tags the user's tag ids
   * @param first whether it is the user's first order
   * @return a copy with {@code userTags} and {@code firstOrder} changed
   * @throws NullPointerException if {@code tags} or a tag is null
   */
  public Cart withUser(List<String> tags, boolean first) {
    return new Cart(orderId, userId, at, Checks.requireNonNull(tags, "tags"), first, usage, lines);
  }

  /**
   * This cart with other usage.
   *
   * @param newUsage usage per offer id
   * @return a copy with {@code usage = newUsage}
   * @throws NullPointerException if {@code newUsage}, a key or a value is null
   */
  public Cart withUsage(Map<String, Usage> newUsage) {
    return new Cart(orderId, userId, at, userTags, firstOrder, Checks.requireNonNull(newUsage, "usage"), lines);
  }

  /**
   * This cart with other lines.
   *
   * @param newLines the lines
   * @return a copy with {@code lines = newLines}
   * @throws NullPointerException if {@code newLines} or a line is null
   * @throws IllegalArgumentException as the constructor
   */
  public Cart withLines(List<Line> newLines) {
    return new Cart(orderId, userId, at, userTags, firstOrder, usage, newLines);
  }

  /**
   * Reads a cart from JSON.
   *
   * @param json the JSON form, as the type comment shows
   * @return the cart
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path of the offending value
   */
  public static Cart fromJson(String json) {
    return Json.read(json, Cart.class);
  }

  /**
   * This cart's JSON form.
   *
   * @return compact JSON, read back equal by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * One line of a cart.
   *
   * @param lineId the line id, unique in the cart; lines are processed in {@code lineId} order
   * @param sku the SKU, or null
   * @param category the category, or null
   * @param unitPriceMinor the price of one unit before offers, minor units
   * @param quantity units
   */
  public record Line(String lineId, String sku, String category, long unitPriceMinor, int quantity) {
    /**
     * Checks the values.
     *
     * @param lineId the line id, not blank
     * @param sku the SKU, or null
     * @param category the category, or null
     * @param unitPriceMinor the unit price, {@code >= 0}
     * @param quantity units, {@code >= 1}
     * @throws NullPointerException if {@code lineId} is null
     * @throws IllegalArgumentException if a value is out of range
     * @throws ArithmeticException if {@code unitPriceMinor × quantity} overflows a {@code long}
     */
    public Line {
      Checks.requireNonBlank(lineId, "lineId");
      Checks.requireNonNegative(unitPriceMinor, "unitPriceMinor of line " + lineId);
      Checks.requirePositive(quantity, "quantity of line " + lineId);
      Math.multiplyExact(unitPriceMinor, quantity);
    }

    /**
     * The line's amount before offers.
     *
     * @return {@code unitPriceMinor × quantity}, minor units
     */
    public long subtotalMinor() {
      return unitPriceMinor * quantity;
    }
  }

  /**
   * An offer's usage as the host stored it before this order.
   *
   * @param user redemptions by this user
   * @param global redemptions by everyone
   * @param budgetUsedMinor money given away so far (discounts plus gift values)
   */
  public record Usage(long user, long global, long budgetUsedMinor) {
    /** No usage. */
    static final Usage NONE = new Usage(0, 0, 0);

    /**
     * Requires non-negative counts.
     *
     * @param user redemptions by this user, {@code >= 0}
     * @param global redemptions by everyone, {@code >= 0}
     * @param budgetUsedMinor money given away, {@code >= 0}
     * @throws IllegalArgumentException if a value is out of range
     */
    public Usage {
      Checks.requireNonNegative(user, "user");
      Checks.requireNonNegative(global, "global");
      Checks.requireNonNegative(budgetUsedMinor, "budgetUsedMinor");
    }
  }
}
