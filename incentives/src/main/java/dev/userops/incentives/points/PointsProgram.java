package dev.userops.incentives.points;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A points program: how paid orders and behaviours earn points, how long order points stay pending,
 * when lots expire, and what a refund of already-spent points does. Immutable; read it from JSON
 * with {@link #fromJson} and get the per-zone policy with {@link #policy(ZoneId)}.
 *
 * <p><b>Rule order and multipliers.</b> Order rules, then behaviour rules, are evaluated in
 * ascending {@code priority} (ties: position in the document). Each rule earns independently under
 * its own cap, except that a rule with {@code stop = true} that earns anything ends the evaluation
 * for that event. Within an order rule the most specific line multiplier wins (SKU over category
 * over 100%); multipliers are never multiplied with each other. The user's level multiplier then
 * multiplies the rule's result, and the product is rounded down once, at the end:
 * {@code floor(Σ lineAmount × lineMultiplier% × level% × pointsPerUnit / (unitMinor × 100 × 100))}.
 * A cap truncates what the rule would earn to what is left in the current calendar period.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param orderRules rules for paid orders
 * @param behaviourRules rules for behaviours, fixed points per event
 * @param lockDays days (of 24 h, from the order's {@code occurredAt}) that order points stay
 *     pending before they can be spent: the return window; 0 = spendable at once. Behaviour points
 *     are never pending.
 * @param expiry when a lot of earned points expires
 * @param overdraft what a claw-back does when the points were already spent
 * @param memoryDays days after {@code occurredAt} that an event id (and an order, for refunds) is
 *     remembered, at least {@code lockDays}; events older than the newest seen minus this are
 *     rejected as late, so replays are always no-ops
 * @param levelMultipliers percent per level id (e.g. {@code {"gold": 150}}); a level not listed
 *     (or no level) earns 100%
 */
public record PointsProgram(
    int version,
    List<OrderRule> orderRules,
    List<BehaviourRule> behaviourRules,
    int lockDays,
    Expiry expiry,
    Overdraft overdraft,
    int memoryDays,
    Map<String, Integer> levelMultipliers) {

  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Validates every rule, rejects duplicate rule ids and defaults absent lists to empty.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param orderRules rules for paid orders, or {@code null} for none
   * @param behaviourRules rules for behaviours, or {@code null} for none
   * @param lockDays days order points stay pending, in [0, 3650]
   * @param expiry when lots expire, or {@code null} for never
   * @param overdraft what a claw-back of spent points does, or {@code null} for {@link
   *     Overdraft#NEGATIVE_BALANCE}
   * @param memoryDays days event ids are remembered, in [max(1, lockDays), 36500]
   * @param levelMultipliers percent per level id, each in [0, 10000], or {@code null} for none
   * @throws NullPointerException if a rule, a level id or a multiplier is null
   * @throws IllegalArgumentException if the version is wrong, a value is out of range or a rule id
   *     repeats across both lists
   */
  public PointsProgram {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    orderRules = orderRules == null ? List.of() : List.copyOf(orderRules);
    behaviourRules = behaviourRules == null ? List.of() : List.copyOf(behaviourRules);
    Checks.requireInRange(lockDays, 0, 3650, "lockDays");
    expiry = expiry == null ? Expiry.never() : expiry;
    overdraft = overdraft == null ? Overdraft.NEGATIVE_BALANCE : overdraft;
    Checks.requireInRange(memoryDays, 1, 36_500, "memoryDays");
    // A refund inside the return window must still find its order.
    Checks.checkArgument(memoryDays >= lockDays, "memoryDays must be >= lockDays (%s), got %s", lockDays, memoryDays);
    levelMultipliers = levelMultipliers == null ? Map.of() : Map.copyOf(levelMultipliers);
    levelMultipliers.forEach(
        (level, percent) -> Checks.requireInRange(percent, 0, 10_000, "levelMultipliers." + level));
    Set<String> ids = new HashSet<>();
    for (OrderRule rule : orderRules) {
      Checks.checkArgument(ids.add(rule.id()), "rule id \"%s\" is used twice", rule.id());
    }
    for (BehaviourRule rule : behaviourRules) {
      Checks.checkArgument(ids.add(rule.id()), "rule id \"%s\" is used twice", rule.id());
    }
  }

  /**
   * Reads a program from JSON.
   *
   * @param json the JSON form; {@code version} and {@code memoryDays} are required
   * @return the program
   * @throws NullPointerException if {@code json} is null
   * @throws ConfigException with the JSON path of the offending value
   */
  public static PointsProgram fromJson(String json) {
    return Json.read(json, PointsProgram.class);
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
   * The policy applying this program with calendar periods (caps, expiry) in {@code zone}.
   *
   * @param zone the zone of calendar periods, normally the shop's, the same for every user
   * @return a new policy; build it once and reuse it
   * @throws NullPointerException if {@code zone} is null
   */
  public PointsPolicy policy(ZoneId zone) {
    return new PointsPolicy(this, zone);
  }

  /**
   * The level multiplier in percent for {@code level} ({@code null}: none, 100%).
   *
   * @param level a level id, or {@code null}
   * @return the percent, in [0, 10000]; 100 for {@code null} or a level not listed
   */
  public int levelPercent(String level) {
    return level == null ? 100 : levelMultipliers.getOrDefault(level, 100);
  }

  List<OrderRule> orderRulesByPriority() {
    List<OrderRule> sorted = new ArrayList<>(orderRules);
    sorted.sort(Comparator.comparingInt(OrderRule::priority));
    return List.copyOf(sorted);
  }

  List<BehaviourRule> behaviourRulesByPriority() {
    List<BehaviourRule> sorted = new ArrayList<>(behaviourRules);
    sorted.sort(Comparator.comparingInt(BehaviourRule::priority));
    return List.copyOf(sorted);
  }

  /**
   * Earns points on a paid order.
   *
   * @param id the rule id, part of every idempotency key it produces
   * @param priority evaluation order, ascending
   * @param pointsPerUnit points per {@code unitMinor} of eligible amount, rounded down
   * @param unitMinor the currency unit in minor units (100 = one dollar of cents)
   * @param minOrderMinor eligible order amount (after exclusions) below which the rule earns nothing
   * @param excludedCategories line categories that earn nothing (e.g. {@code "shipping"})
   * @param categoryMultipliers percent per line category
   * @param skuMultipliers percent per SKU; wins over the category multiplier
   * @param cap the most points this rule awards per calendar period, or {@code null}
   * @param stop whether a positive award ends the evaluation of later rules for the event
   */
  public record OrderRule(
      String id,
      int priority,
      int pointsPerUnit,
      long unitMinor,
      long minOrderMinor,
      List<String> excludedCategories,
      Map<String, Integer> categoryMultipliers,
      Map<String, Integer> skuMultipliers,
      Cap cap,
      boolean stop) {

    /**
     * Checks ids, amounts and multipliers.
     *
     * @param id the rule id, not blank
     * @param priority evaluation order, ascending; ties keep document order
     * @param pointsPerUnit points per {@code unitMinor}, {@code >= 0}
     * @param unitMinor the currency unit in minor units, {@code >= 1}
     * @param minOrderMinor minimum eligible amount in minor units, {@code >= 0}
     * @param excludedCategories categories that earn nothing, or {@code null} for none
     * @param categoryMultipliers percent per category, each in [0, 10000], or {@code null}
     * @param skuMultipliers percent per SKU, each in [0, 10000], or {@code null}
     * @param cap the cap, or {@code null} for none
     * @param stop whether a positive award ends the evaluation
     * @throws NullPointerException if {@code id}, a category, a SKU or a multiplier is null
     * @throws IllegalArgumentException if {@code id} is blank or a number is out of range
     */
    public OrderRule {
      Checks.requireNonBlank(id, "id");
      Checks.requireNonNegative(pointsPerUnit, "pointsPerUnit of rule " + id);
      Checks.requirePositive(unitMinor, "unitMinor of rule " + id);
      Checks.requireNonNegative(minOrderMinor, "minOrderMinor of rule " + id);
      excludedCategories = excludedCategories == null ? List.of() : List.copyOf(excludedCategories);
      categoryMultipliers = categoryMultipliers == null ? Map.of() : Map.copyOf(categoryMultipliers);
      skuMultipliers = skuMultipliers == null ? Map.of() : Map.copyOf(skuMultipliers);
      String rule = id;
      categoryMultipliers.forEach(
          (k, v) -> Checks.requireInRange(v, 0, 10_000, "categoryMultipliers." + k + " of rule " + rule));
      skuMultipliers.forEach(
          (k, v) -> Checks.requireInRange(v, 0, 10_000, "skuMultipliers." + k + " of rule " + rule));
    }

    /**
     * A rule of {@code pointsPerUnit} per {@code unitMinor} with no exclusions, multipliers or cap.
     *
     * @param id the rule id, not blank
     * @param pointsPerUnit points per {@code unitMinor}, {@code >= 0}
     * @param unitMinor the currency unit in minor units, {@code >= 1}
     * @return a rule of priority 0 that does not stop later rules
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if {@code id} is blank or a number is out of range
     */
    public static OrderRule of(String id, int pointsPerUnit, long unitMinor) {
      return new OrderRule(id, 0, pointsPerUnit, unitMinor, 0, null, null, null, null, false);
    }

    /** The multiplier in percent of a line: its SKU's, else its category's, else 100. */
    int percentOf(PointsEvent.OrderLine line) {
      Integer sku = line.sku() == null ? null : skuMultipliers.get(line.sku());
      if (sku != null) {
        return sku;
      }
      Integer category = line.category() == null ? null : categoryMultipliers.get(line.category());
      return category == null ? 100 : category;
    }

    boolean excludes(PointsEvent.OrderLine line) {
      return line.category() != null && excludedCategories.contains(line.category());
    }
  }

  /**
   * Earns fixed points per behaviour.
   *
   * @param id the rule id
   * @param priority evaluation order, ascending
   * @param behaviour the behaviour name: a {@link dev.userops.core.event.BehaviourType} name or a
   *     host-defined one such as {@code "BIRTHDAY"}; {@value PointsPolicy#FIRST_ORDER} is triggered
   *     by the policy itself on the user's first paid order that earns order points
   * @param points points per event, before the level multiplier
   * @param cap the most points this rule awards per calendar period, or {@code null}
   * @param stop whether a positive award ends the evaluation of later rules for the event
   */
  public record BehaviourRule(String id, int priority, String behaviour, long points, Cap cap, boolean stop) {
    /**
     * Checks id, behaviour and points.
     *
     * @param id the rule id, not blank
     * @param priority evaluation order, ascending
     * @param behaviour the behaviour name, not blank
     * @param points points per event, {@code >= 0}
     * @param cap the cap, or {@code null} for none
     * @param stop whether a positive award ends the evaluation
     * @throws NullPointerException if {@code id} or {@code behaviour} is null
     * @throws IllegalArgumentException if a string is blank or {@code points < 0}
     */
    public BehaviourRule {
      Checks.requireNonBlank(id, "id");
      Checks.requireNonBlank(behaviour, "behaviour of rule " + id);
      Checks.requireNonNegative(points, "points of rule " + id);
    }
  }

  /**
   * A cap: at most {@code max} points per calendar {@code period} in the user's zone.
   *
   * @param period DAY, WEEK (starting Monday) or MONTH
   * @param max the most points per period, {@code >= 0}
   */
  public record Cap(Granularity period, long max) {
    /**
     * Requires a period and a non-negative maximum.
     *
     * @param period DAY, WEEK or MONTH in the policy's zone
     * @param max the most points per period, {@code >= 0}; 0 blocks the rule
     * @throws NullPointerException if {@code period} is null
     * @throws IllegalArgumentException if {@code max < 0}
     */
    public Cap {
      Checks.requireNonNull(period, "period");
      Checks.requireNonNegative(max, "max");
    }
  }

  /** What a claw-back does with points that were already spent. */
  public enum Overdraft {
    /** The balance goes negative: a debt that later earnings repay before they become spendable. */
    NEGATIVE_BALANCE,
    /** The balance stops at zero; the unrecovered points are recorded as a shortfall. */
    FLOOR_AT_ZERO
  }

  /** How the expiry of a lot is computed from its earning instant. */
  public enum ExpiryKind {
    /** Lots never expire. */
    NEVER,
    /** A lot expires {@code days} × 24 h after it was earned. */
    ROLLING_DAYS,
    /**
     * A lot expires at the end of the calendar {@code unit} that is {@code periods} after the one
     * it was earned in (0 = end of the same period), in the policy's zone.
     */
    END_OF_PERIOD
  }

  /** Calendar units of {@link ExpiryKind#END_OF_PERIOD}. */
  public enum ExpiryUnit {
    /** Local day. */
    DAY,
    /** Week starting Monday. */
    WEEK,
    /** Calendar month. */
    MONTH,
    /** Calendar year. */
    YEAR
  }

  /**
   * Expiry of lots.
   *
   * @param kind never, rolling days or end of a calendar period
   * @param days for {@link ExpiryKind#ROLLING_DAYS}, {@code > 0}
   * @param unit for {@link ExpiryKind#END_OF_PERIOD}
   * @param periods for {@link ExpiryKind#END_OF_PERIOD}, {@code >= 0}: 1 with YEAR = end of next year
   */
  public record Expiry(ExpiryKind kind, int days, ExpiryUnit unit, int periods) {
    /**
     * Checks that exactly the fields of {@code kind} are set.
     *
     * @param kind never, rolling days or end of period
     * @param days for rolling days, in [1, 36500]; else 0
     * @param unit for end of period; else {@code null}
     * @param periods for end of period, in [0, 1000]; else 0
     * @throws NullPointerException if {@code kind}, or the unit of {@link ExpiryKind#END_OF_PERIOD},
     *     is null
     * @throws IllegalArgumentException if a field of another kind is set or a value is out of range
     */
    public Expiry {
      Checks.requireNonNull(kind, "kind");
      switch (kind) {
        case NEVER -> Checks.checkArgument(days == 0 && unit == null && periods == 0,
            "expiry NEVER takes no days, unit or periods, got days=%s unit=%s periods=%s", days, unit, periods);
        case ROLLING_DAYS -> {
          Checks.requireInRange(days, 1, 36_500, "days");
          Checks.checkArgument(unit == null && periods == 0,
              "expiry ROLLING_DAYS takes no unit or periods, got unit=%s periods=%s", unit, periods);
        }
        case END_OF_PERIOD -> {
          Checks.requireNonNull(unit, "unit");
          Checks.requireInRange(periods, 0, 1000, "periods");
          Checks.checkArgument(days == 0, "expiry END_OF_PERIOD takes no days, got %s", days);
        }
      }
    }

    /**
     * Lots never expire.
     *
     * @return the {@link ExpiryKind#NEVER} expiry
     */
    public static Expiry never() {
      return new Expiry(ExpiryKind.NEVER, 0, null, 0);
    }

    /**
     * Lots expire {@code days} × 24 h after earning.
     *
     * @param days the lifetime of a lot in days of 24 h, in [1, 36500]
     * @return the expiry
     * @throws IllegalArgumentException if {@code days} is out of range
     */
    public static Expiry rollingDays(int days) {
      return new Expiry(ExpiryKind.ROLLING_DAYS, days, null, 0);
    }

    /**
     * Lots expire at the end of the {@code unit} that is {@code periods} after the earning one.
     *
     * @param unit the calendar unit in the policy's zone
     * @param periods periods after the earning one, in [0, 1000]; 0 for the end of the same one
     * @return the expiry
     * @throws NullPointerException if {@code unit} is null
     * @throws IllegalArgumentException if {@code periods} is out of range
     */
    public static Expiry endOfPeriod(ExpiryUnit unit, int periods) {
      return new Expiry(ExpiryKind.END_OF_PERIOD, 0, unit, periods);
    }
  }
}
