package dev.userops.incentives.points;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.List;

/**
 * One user's points: open lots, debt, remembered orders and event ids, cap usage and lifetime
 * totals. Immutable; its JSON form ({@link #toJson}, {@link #fromJson}) and its compact binary form
 * ({@link #toBytes}, {@link #fromBytes}) are versioned and read back equal, so a host may persist it
 * between any two events. Times are epoch millis. A new user's state is {@link
 * PointsPolicy#newState()}.
 *
 * <p>Size: about 150 bytes of JSON per lot, 120 per remembered order and 60 per remembered event
 * id or cap period (13.6 KB for 50 lots and 50 orders, measured in {@code PointsApplyBenchmark});
 * the binary form (version 2) takes 29 bytes plus the order id per remembered order (16 more once
 * refunded), 21 per lot an order earned while the order is remembered (flags, the order's index,
 * expiry and points; 8 more while pending) and about 45 plus the order id once it is forgotten,
 * 2,994 bytes for the same state. Everything but open lots is forgotten {@link
 * PointsProgram#memoryDays} after it happened. Cost of storing it for each event, for that state on
 * the benchmarks' 2-core machine with nothing else running: {@link #toBytes} about 2.5 µs and the
 * form's 3 KB, {@link #fromBytes} about 2.1 µs and 9.5 KB, both together 4.4 µs (5.1 to 6.2 on the
 * machine shared with builds, and 7.1 to 9.6 for version 1 there), JSON about 100 µs.
 *
 * <p>The lists are immutable and shared between the states {@link PointsPolicy#apply} makes from
 * one another (chunks of 16 items), so a new state costs a few hundred bytes whatever the number
 * of lots. Lots are kept as rows of 64 bytes holding their key in parts (source prefix, event id,
 * rule; the order id shared with the key): {@link #lots()} and {@link #pendingLots()} build each
 * {@link Lot} when it is read, equal from one read to the next and to the lists {@link #fromJson}
 * reads.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param clockMillis the latest instant applied (event time or evaluation), {@link Long#MIN_VALUE}
 *     for a new user
 * @param pendingLots lots still in their lock period, soonest released first (ties: key)
 * @param lots spendable lots, soonest expiring first (ties: earlier earned, then key)
 * @param debt points owed after claw-backs of spent points ({@link
 *     PointsProgram.Overdraft#NEGATIVE_BALANCE}); repaid by later earnings first
 * @param shortfall points that claw-backs could not recover ({@link
 *     PointsProgram.Overdraft#FLOOR_AT_ZERO}), lifetime
 * @param paidOrders paid orders that earned order points, lifetime (for the first-order bonus)
 * @param orders orders remembered for refunds, oldest first
 * @param seen ids of other events remembered for idempotency, as ledger sources, oldest first
 * @param caps points awarded per capped rule and calendar period
 * @param totals lifetime totals for reports
 */
public record PointsState(
    int version,
    long clockMillis,
    List<Lot> pendingLots,
    List<Lot> lots,
    long debt,
    long shortfall,
    long paidOrders,
    List<OrderMemo> orders,
    List<Seen> seen,
    List<CapUse> caps,
    Totals totals) {

  /**
   * The JSON format version this class writes. Version 2 omits a lot's {@code expiresAtMillis} when
   * it never expires; version 1 (which wrote {@link Long#MAX_VALUE} there) is still read.
   */
  public static final int FORMAT_VERSION = 2;

  static final PointsState EMPTY =
      new PointsState(FORMAT_VERSION, Long.MIN_VALUE, List.of(), List.of(), 0, 0, 0, List.of(), List.of(), List.of(), Totals.ZERO);

  /**
   * Checks the version and non-negative amounts and copies the lists. Orders of the lists and
   * consistency between fields are not checked; policies produce valid states.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param clockMillis the latest instant applied, epoch millis, or {@link Long#MIN_VALUE}
   * @param pendingLots lots in their lock period
   * @param lots spendable lots
   * @param debt points owed, {@code >= 0}
   * @param shortfall points claw-backs could not recover, {@code >= 0}
   * @param paidOrders paid orders that earned order points, {@code >= 0}
   * @param orders orders remembered for refunds
   * @param seen other event ids remembered
   * @param caps points awarded per capped rule and period
   * @param totals lifetime totals
   * @throws NullPointerException if a list, an element or {@code totals} is null
   * @throws IllegalArgumentException if the version is wrong or an amount is negative
   */
  public PointsState {
    if (version != FORMAT_VERSION) {
      // Not Checks.checkArgument: its varargs array would be made for every state a policy makes.
      throw new IllegalArgumentException("version: expected " + FORMAT_VERSION + ", got " + version);
    }
    // Lists from the policy and the binary form are chunked already and kept as they are.
    pendingLots = LotRow.Lots.copyOf(pendingLots);
    lots = LotRow.Lots.copyOf(lots);
    Checks.requireNonNegative(debt, "debt");
    Checks.requireNonNegative(shortfall, "shortfall");
    Checks.requireNonNegative(paidOrders, "paidOrders");
    orders = ChunkedList.copyOf(orders);
    seen = ChunkedList.copyOf(seen);
    caps = ChunkedList.copyOf(caps);
    Checks.requireNonNull(totals, "totals");
  }

  @JsonCreator
  static PointsState json(
      @JsonProperty(value = "version", required = true) int version,
      @JsonProperty(value = "clockMillis", required = true) long clockMillis,
      @JsonProperty(value = "pendingLots", required = true) List<Lot> pendingLots,
      @JsonProperty(value = "lots", required = true) List<Lot> lots,
      @JsonProperty(value = "debt", required = true) long debt,
      @JsonProperty(value = "shortfall", required = true) long shortfall,
      @JsonProperty(value = "paidOrders", required = true) long paidOrders,
      @JsonProperty(value = "orders", required = true) List<OrderMemo> orders,
      @JsonProperty(value = "seen", required = true) List<Seen> seen,
      @JsonProperty(value = "caps", required = true) List<CapUse> caps,
      @JsonProperty(value = "totals", required = true) Totals totals) {
    Checks.checkArgument(version == 1 || version == FORMAT_VERSION, "version: expected 1 or %s, got %s",
        FORMAT_VERSION, version);
    return new PointsState(FORMAT_VERSION, clockMillis, pendingLots, lots, debt, shortfall, paidOrders, orders, seen,
        caps, totals);
  }

  /**
   * Reads a state from its compact binary form, checking the header.
   *
   * @param bytes the binary form as {@link #toBytes()} writes it (version 2), or of version 1; not
   *     changed
   * @return the state
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if the bytes are not a points state of a version this code
   *     reads, are truncated, or hold an invalid value; the message names the field
   */
  public static PointsState fromBytes(byte[] bytes) {
    return PointsStateCodec.read(bytes);
  }

  /**
   * The compact binary form: the UserOps header (magic {@code UOPS}, family {@code PNTS}, version
   * 2), then the fields, a remembered order's id written once for the order and its lots.
   *
   * @return a new array, read back equal by {@link #fromBytes}
   */
  public byte[] toBytes() {
    return PointsStateCodec.write(this);
  }

  /**
   * Reads a state from its JSON form of version 2, or 1.
   *
   * @param json the JSON form as {@link #toJson()} writes it
   * @return the state
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path, also for another version
   */
  public static PointsState fromJson(String json) {
    return Json.read(json, PointsState.class);
  }

  /**
   * The JSON form.
   *
   * @return compact JSON with the version, read back equal by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * Spendable points: released lots minus debt; negative while a debt exceeds them.
   *
   * @return the available balance in points, as of {@link #clockMillis()} (lots due to expire
   *     later than that still count)
   */
  public long available() {
    return ((LotRow.Lots) lots).points() - debt;
  }

  /**
   * Points earned on orders still in their lock period.
   *
   * @return the pending balance in points, {@code >= 0}
   */
  public long pending() {
    return ((LotRow.Lots) pendingLots).points();
  }

  /**
   * Points earned together that expire together.
   *
   * @param key {@code source/rule} of the earning (source e.g. {@code order:o-1})
   * @param orderId the order that earned it, or {@code null}
   * @param earnedAtMillis when it was earned
   * @param releaseAtMillis when it becomes spendable (equal to earning when never pending)
   * @param expiresAtMillis when it expires, {@link Long#MAX_VALUE} for never (in JSON: the field is
   *     left out; {@code null} and the number are read too)
   * @param points points left, {@code > 0}
   */
  public record Lot(
      String key,
      String orderId,
      long earnedAtMillis,
      long releaseAtMillis,
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Never.class) long expiresAtMillis,
      long points) {
    /**
     * Checks the key and that the lot holds points.
     *
     * @param key {@code source/rule} of the earning, not blank
     * @param orderId the order that earned it, or {@code null}
     * @param earnedAtMillis when it was earned, epoch millis
     * @param releaseAtMillis when it becomes spendable, epoch millis
     * @param expiresAtMillis when it expires, epoch millis, or {@link Long#MAX_VALUE}
     * @param points points left, {@code > 0}
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if {@code key} is blank or {@code points <= 0}
     */
    public Lot {
      Checks.requireNonBlank(key, "key");
      if (points <= 0) {
        // Not Checks.requirePositive: its name argument would build a string for every lot made.
        throw new IllegalArgumentException("points of lot " + key + " must be > 0, got " + points);
      }
    }

    @JsonCreator
    static Lot json(
        @JsonProperty(value = "key", required = true) String key,
        @JsonProperty("orderId") String orderId,
        @JsonProperty(value = "earnedAtMillis", required = true) long earnedAtMillis,
        @JsonProperty(value = "releaseAtMillis", required = true) long releaseAtMillis,
        @JsonProperty("expiresAtMillis") Long expiresAtMillis,
        @JsonProperty(value = "points", required = true) long points) {
      return new Lot(key, orderId, earnedAtMillis, releaseAtMillis,
          expiresAtMillis == null ? Long.MAX_VALUE : expiresAtMillis, points);
    }
  }

  /**
   * A paid order remembered for refunds.
   *
   * @param orderId the order
   * @param atMillis when it was paid
   * @param totalMinor its total over all lines
   * @param points order points it earned
   * @param refundedMinor refunded so far, at most the total
   * @param clawedBack points taken back so far
   */
  public record OrderMemo(String orderId, long atMillis, long totalMinor, long points, long refundedMinor, long clawedBack) {
    /**
     * Checks the id and amounts.
     *
     * @param orderId the order, not blank
     * @param atMillis when it was paid, epoch millis
     * @param totalMinor its total in minor units, {@code >= 0}
     * @param points order points it earned
     * @param refundedMinor refunded so far in minor units, in {@code [0, totalMinor]}
     * @param clawedBack points taken back so far, in {@code [0, points]}
     * @throws NullPointerException if {@code orderId} is null
     * @throws IllegalArgumentException if {@code orderId} is blank or an amount is out of range
     */
    public OrderMemo {
      Checks.requireNonBlank(orderId, "orderId");
      Checks.requireNonNegative(totalMinor, "totalMinor");
      Checks.requireInRange(refundedMinor, 0, totalMinor, "refundedMinor");
      Checks.requireInRange(clawedBack, 0, points, "clawedBack");
    }
  }

  /**
   * An event id remembered for idempotency.
   *
   * @param source the ledger source, e.g. {@code redemption:r-1}
   * @param atMillis the event's time
   */
  public record Seen(String source, long atMillis) {
    /**
     * Checks the source.
     *
     * @param source the ledger source, not blank
     * @param atMillis the event's time, epoch millis
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if {@code source} is blank
     */
    public Seen {
      Checks.requireNonBlank(source, "source");
    }
  }

  /**
   * Points a capped rule awarded in one calendar period.
   *
   * @param rule the rule id
   * @param period the period index ({@link dev.userops.core.CalendarIndex}) at the cap's granularity
   * @param used points awarded in it
   * @param atMillis the latest award's time, for forgetting
   */
  public record CapUse(String rule, long period, long used, long atMillis) {
    /**
     * Checks the rule and usage.
     *
     * @param rule the rule id, not blank
     * @param period the period index at the cap's granularity
     * @param used points awarded in it, {@code >= 0}
     * @param atMillis the latest award's time, epoch millis
     * @throws NullPointerException if {@code rule} is null
     * @throws IllegalArgumentException if {@code rule} is blank or {@code used < 0}
     */
    public CapUse {
      Checks.requireNonBlank(rule, "rule");
      Checks.requireNonNegative(used, "used");
    }
  }

  /**
   * Lifetime totals, in points.
   *
   * @param earned earned (including pending and adjustments up)
   * @param redeemed spent
   * @param expired lost at expiry
   * @param clawedBack taken back by refunds and adjustments down (including debt created)
   */
  public record Totals(long earned, long redeemed, long expired, long clawedBack) {
    static final Totals ZERO = new Totals(0, 0, 0, 0);
  }

  /** Jackson's filter leaving out "never": {@code equals} is true for {@link Long#MAX_VALUE}. */
  static final class Never {
    @Override
    public boolean equals(Object value) {
      return value instanceof Long millis && millis == Long.MAX_VALUE;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(Long.MAX_VALUE);
    }
  }
}
