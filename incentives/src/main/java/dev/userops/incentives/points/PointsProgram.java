package dev.userops.incentives.points;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.incentives.Cap;
import dev.userops.incentives.OrderLine;
import dev.userops.incentives.support.CalendarCaps;
import dev.userops.incentives.support.VersionedJson;
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
 * <p><b>Level multiplier.</b> This program is the one place of the points bonus per level ({@link
 * #levelMultipliers}); the host passes the user's level id in each {@link
 * dev.userops.incentives.OrderPaid} and {@link dev.userops.incentives.BehaviourDone}, and the level
 * program holds no multiplier.
 *
 * <p><b>JSON.</b> Only {@code version} and {@code memoryDays} are required at the top level; in a
 * rule, {@code id}, {@code pointsPerUnit} and {@code unitMinor} (order rules) or {@code id}, {@code
 * behaviour} and {@code points} (behaviour rules); in an expiry, {@code kind} and the fields of that
 * kind. Every other field is optional with the default given with it below.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param orderRules rules for paid orders; default none
 * @param behaviourRules rules for behaviours, fixed points per event; default none
 * @param lockDays default 0: days (of 24 h, from the order's {@code occurredAt}) that order points stay
 *     pending before they can be spent: the return window; 0 = spendable at once. Behaviour points
 *     are never pending.
 * @param expiry when a lot of earned points expires; default never
 * @param overdraft what a claw-back does when the points were already spent; default {@link
 *     Overdraft#NEGATIVE_BALANCE}
 * @param memoryDays required: days after {@code occurredAt} that an event id (and an order, for refunds) is
 *     remembered, at least {@code lockDays}; events older than the newest seen minus this are
 *     rejected as late, so replays are always no-ops
 * @param levelMultipliers percent per level id (e.g. {@code {"gold": 150}}); a level not listed
 *     (or no level) earns 100%; default none
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

  /**
   * The JSON format version this class writes. Version 1 (caps as {@code {"period": "DAY", "max":
   * 10}}, expiry unit {@code YEAR}) is still read.
   */
  public static final int FORMAT_VERSION = 2;

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

  @JsonCreator
  static PointsProgram json(
      @JsonProperty(value = "version", required = true) int version,
      @JsonProperty("orderRules") List<OrderRule> orderRules,
      @JsonProperty("behaviourRules") List<BehaviourRule> behaviourRules,
      @JsonProperty("lockDays") Integer lockDays,
      @JsonProperty("expiry") Expiry expiry,
      @JsonProperty("overdraft") Overdraft overdraft,
      @JsonProperty(value = "memoryDays", required = true) int memoryDays,
      @JsonProperty("levelMultipliers") Map<String, Integer> levelMultipliers) {
    return new PointsProgram(version, orderRules, behaviourRules, lockDays == null ? 0 : lockDays, expiry, overdraft,
        memoryDays, levelMultipliers);
  }

  /**
   * A program of the given earn rules with every other field at its default: no lock, no expiry,
   * {@link Overdraft#NEGATIVE_BALANCE}, no level multipliers. Change them with the withers.
   *
   * @param memoryDays days event ids are remembered, in [1, 36500]
   * @param orderRules rules for paid orders
   * @param behaviourRules rules for behaviours
   * @return the program, version {@value #FORMAT_VERSION}
   * @throws NullPointerException if a rule is null
   * @throws IllegalArgumentException if {@code memoryDays} is out of range or a rule id repeats
   */
  public static PointsProgram of(int memoryDays, List<OrderRule> orderRules, List<BehaviourRule> behaviourRules) {
    return new PointsProgram(FORMAT_VERSION, orderRules, behaviourRules, 0, null, null, memoryDays, null);
  }

  /**
   * This program with another lock.
   *
   * @param days days order points stay pending, in [0, min(3650, memoryDays)]
   * @return a copy with {@code lockDays = days}
   * @throws IllegalArgumentException if {@code days} is out of range
   */
  public PointsProgram withLockDays(int days) {
    return new PointsProgram(version, orderRules, behaviourRules, days, expiry, overdraft, memoryDays, levelMultipliers);
  }

  /**
   * This program with another expiry.
   *
   * @param newExpiry when lots expire
   * @return a copy with {@code expiry = newExpiry}
   * @throws NullPointerException if {@code newExpiry} is null
   */
  public PointsProgram withExpiry(Expiry newExpiry) {
    Checks.requireNonNull(newExpiry, "expiry");
    return new PointsProgram(version, orderRules, behaviourRules, lockDays, newExpiry, overdraft, memoryDays, levelMultipliers);
  }

  /**
   * This program with another overdraft rule.
   *
   * @param newOverdraft what a claw-back of spent points does
   * @return a copy with {@code overdraft = newOverdraft}
   * @throws NullPointerException if {@code newOverdraft} is null
   */
  public PointsProgram withOverdraft(Overdraft newOverdraft) {
    Checks.requireNonNull(newOverdraft, "overdraft");
    return new PointsProgram(version, orderRules, behaviourRules, lockDays, expiry, newOverdraft, memoryDays, levelMultipliers);
  }

  /**
   * This program with another memory.
   *
   * @param days days event ids are remembered, in [max(1, lockDays), 36500]
   * @return a copy with {@code memoryDays = days}
   * @throws IllegalArgumentException if {@code days} is out of range
   */
  public PointsProgram withMemoryDays(int days) {
    return new PointsProgram(version, orderRules, behaviourRules, lockDays, expiry, overdraft, days, levelMultipliers);
  }

  /**
   * This program with other level multipliers.
   *
   * @param multipliers percent per level id, each in [0, 10000]
   * @return a copy with {@code levelMultipliers = multipliers}
   * @throws NullPointerException if {@code multipliers}, a key or a value is null
   * @throws IllegalArgumentException if a percent is out of range
   */
  public PointsProgram withLevelMultipliers(Map<String, Integer> multipliers) {
    Checks.requireNonNull(multipliers, "levelMultipliers");
    return new PointsProgram(version, orderRules, behaviourRules, lockDays, expiry, overdraft, memoryDays, multipliers);
  }

  /**
   * Reads a program from JSON of version 2, or of version 1 (upgraded on the way in).
   *
   * @param json the JSON form; {@code version} and {@code memoryDays} are required, the rest as the
   *     type comment says
   * @return the program
   * @throws NullPointerException if {@code json} is null
   * @throws ConfigException with the JSON path of the offending value
   */
  public static PointsProgram fromJson(String json) {
    return VersionedJson.read(json, PointsProgram.class, FORMAT_VERSION, PointsProgram::upgradeFromV1);
  }

  private static void upgradeFromV1(ObjectNode document) {
    for (String rules : List.of("orderRules", "behaviourRules")) {
      for (JsonNode rule : document.path(rules)) {
        if (rule instanceof ObjectNode object && object.has("cap")) {
          VersionedJson.upgradeCap(object, "cap", null, "cap");
        }
      }
    }
    if (document.get("expiry") instanceof ObjectNode expiry && "YEAR".equals(expiry.path("unit").asText())) {
      expiry.put("kind", ExpiryKind.END_OF_YEAR.name());
      expiry.remove("unit");
    }
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
   * @param id required: the rule id, part of every idempotency key it produces
   * @param priority evaluation order, ascending; default 0
   * @param pointsPerUnit required: points per {@code unitMinor} of eligible amount, rounded down
   * @param unitMinor required: the currency unit in minor units (100 = one dollar of cents)
   * @param minOrderMinor eligible order amount (after exclusions) below which the rule earns
   *     nothing; default 0
   * @param excludedCategories line categories that earn nothing (e.g. {@code "shipping"}); default
   *     none
   * @param categoryMultipliers percent per line category; default none
   * @param skuMultipliers percent per SKU; wins over the category multiplier; default none
   * @param cap the most points this rule awards per calendar day, week or month in the policy's
   *     zone ({@code {"max": 500, "window": "P1D"}}), or {@code null} (default) for none
   * @param stop whether a positive award ends the evaluation of later rules for the event; default
   *     false
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
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
     * @param cap a calendar cap, or {@code null} for none
     * @param stop whether a positive award ends the evaluation
     * @throws NullPointerException if {@code id}, a category, a SKU or a multiplier is null
     * @throws IllegalArgumentException if {@code id} is blank, a number is out of range or the cap
     *     is rolling
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
      CalendarCaps.requireCalendar(cap, "rule " + id);
    }

    @JsonCreator
    static OrderRule json(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty("priority") Integer priority,
        @JsonProperty(value = "pointsPerUnit", required = true) int pointsPerUnit,
        @JsonProperty(value = "unitMinor", required = true) long unitMinor,
        @JsonProperty("minOrderMinor") Long minOrderMinor,
        @JsonProperty("excludedCategories") List<String> excludedCategories,
        @JsonProperty("categoryMultipliers") Map<String, Integer> categoryMultipliers,
        @JsonProperty("skuMultipliers") Map<String, Integer> skuMultipliers,
        @JsonProperty("cap") Cap cap,
        @JsonProperty("stop") Boolean stop) {
      return new OrderRule(id, priority == null ? 0 : priority, pointsPerUnit, unitMinor,
          minOrderMinor == null ? 0 : minOrderMinor, excludedCategories, categoryMultipliers, skuMultipliers, cap,
          stop != null && stop);
    }

    /**
     * This rule with another cap.
     *
     * @param newCap a calendar cap, or {@code null} for none
     * @return a copy with {@code cap = newCap}
     * @throws IllegalArgumentException if the cap is rolling
     */
    public OrderRule withCap(Cap newCap) {
      return new OrderRule(id, priority, pointsPerUnit, unitMinor, minOrderMinor, excludedCategories,
          categoryMultipliers, skuMultipliers, newCap, stop);
    }

    /**
     * This rule with another priority and stop flag.
     *
     * @param newPriority evaluation order, ascending
     * @param newStop whether a positive award ends the evaluation
     * @return a copy with those two fields changed
     */
    public OrderRule withPriority(int newPriority, boolean newStop) {
      return new OrderRule(id, newPriority, pointsPerUnit, unitMinor, minOrderMinor, excludedCategories,
          categoryMultipliers, skuMultipliers, cap, newStop);
    }

    /**
     * This rule with another minimum order.
     *
     * @param minimumMinor eligible amount below which the rule earns nothing, minor units, {@code >= 0}
     * @return a copy with {@code minOrderMinor = minimumMinor}
     * @throws IllegalArgumentException if {@code minimumMinor < 0}
     */
    public OrderRule withMinOrderMinor(long minimumMinor) {
      return new OrderRule(id, priority, pointsPerUnit, unitMinor, minimumMinor, excludedCategories,
          categoryMultipliers, skuMultipliers, cap, stop);
    }

    /**
     * This rule with other exclusions and multipliers.
     *
     * @param excluded categories that earn nothing
     * @param byCategory percent per category, each in [0, 10000]
     * @param bySku percent per SKU, each in [0, 10000]
     * @return a copy with those three fields changed
     * @throws NullPointerException if an element is null
     * @throws IllegalArgumentException if a percent is out of range
     */
    public OrderRule withLines(List<String> excluded, Map<String, Integer> byCategory, Map<String, Integer> bySku) {
      return new OrderRule(id, priority, pointsPerUnit, unitMinor, minOrderMinor, excluded, byCategory, bySku, cap, stop);
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
    int percentOf(OrderLine line) {
      Integer sku = line.sku() == null ? null : skuMultipliers.get(line.sku());
      if (sku != null) {
        return sku;
      }
      Integer category = line.category() == null ? null : categoryMultipliers.get(line.category());
      return category == null ? 100 : category;
    }

    boolean excludes(OrderLine line) {
      return line.category() != null && excludedCategories.contains(line.category());
    }
  }

  /**
   * Earns fixed points per behaviour.
   *
   * @param id required: the rule id
   * @param priority evaluation order, ascending; default 0
   * @param behaviour required: the behaviour name: a {@link dev.userops.core.event.BehaviourType} name or a
   *     host-defined one such as {@code "BIRTHDAY"}; {@value PointsPolicy#FIRST_ORDER} is triggered
   *     by the policy itself on the user's first paid order that earns order points
   * @param points required: points per event, before the level multiplier
   * @param cap the most points this rule awards per calendar day, week or month, or {@code null}
   *     (default) for none
   * @param stop whether a positive award ends the evaluation of later rules for the event; default
   *     false
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BehaviourRule(String id, int priority, String behaviour, long points, Cap cap, boolean stop) {
    /**
     * Checks id, behaviour and points.
     *
     * @param id the rule id, not blank
     * @param priority evaluation order, ascending
     * @param behaviour the behaviour name, not blank
     * @param points points per event, {@code >= 0}
     * @param cap a calendar cap, or {@code null} for none
     * @param stop whether a positive award ends the evaluation
     * @throws NullPointerException if {@code id} or {@code behaviour} is null
     * @throws IllegalArgumentException if a string is blank, {@code points < 0} or the cap is rolling
     */
    public BehaviourRule {
      Checks.requireNonBlank(id, "id");
      Checks.requireNonBlank(behaviour, "behaviour of rule " + id);
      Checks.requireNonNegative(points, "points of rule " + id);
      CalendarCaps.requireCalendar(cap, "rule " + id);
    }

    @JsonCreator
    static BehaviourRule json(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty("priority") Integer priority,
        @JsonProperty(value = "behaviour", required = true) String behaviour,
        @JsonProperty(value = "points", required = true) long points,
        @JsonProperty("cap") Cap cap,
        @JsonProperty("stop") Boolean stop) {
      return new BehaviourRule(id, priority == null ? 0 : priority, behaviour, points, cap, stop != null && stop);
    }

    /**
     * A rule of {@code points} per {@code behaviour}, priority 0, uncapped, not stopping.
     *
     * @param id the rule id, not blank
     * @param behaviour the behaviour name, not blank
     * @param points points per event, {@code >= 0}
     * @return the rule
     * @throws NullPointerException if a string is null
     * @throws IllegalArgumentException if a string is blank or {@code points < 0}
     */
    public static BehaviourRule of(String id, String behaviour, long points) {
      return new BehaviourRule(id, 0, behaviour, points, null, false);
    }

    /**
     * This rule with another cap.
     *
     * @param newCap a calendar cap, or {@code null} for none
     * @return a copy with {@code cap = newCap}
     * @throws IllegalArgumentException if the cap is rolling
     */
    public BehaviourRule withCap(Cap newCap) {
      return new BehaviourRule(id, priority, behaviour, points, newCap, stop);
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
     * A lot expires at the end of the calendar {@code unit} (DAY, WEEK or MONTH) that is {@code
     * periods} after the one it was earned in (0 = end of the same period), in the policy's zone.
     */
    END_OF_PERIOD,
    /**
     * A lot expires at the end of the calendar year that is {@code periods} after the one it was
     * earned in (0 = 31 December of the same year, 1 = of the next), in the policy's zone.
     */
    END_OF_YEAR
  }

  /**
   * Expiry of lots.
   *
   * @param kind required: never, rolling days, end of a calendar period or end of a year
   * @param days for {@link ExpiryKind#ROLLING_DAYS}, {@code > 0}; default (and for other kinds) 0
   * @param unit for {@link ExpiryKind#END_OF_PERIOD}: DAY, WEEK (starting Monday) or MONTH; default
   *     (and for other kinds) {@code null}
   * @param periods for {@link ExpiryKind#END_OF_PERIOD} and {@link ExpiryKind#END_OF_YEAR}, {@code
   *     >= 0}: periods after the earning one; default 0
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Expiry(ExpiryKind kind, int days, Granularity unit, int periods) {
    /**
     * Checks that exactly the fields of {@code kind} are set.
     *
     * @param kind never, rolling days, end of period or end of year
     * @param days for rolling days, in [1, 36500]; else 0
     * @param unit for end of period; else {@code null}
     * @param periods for end of period or year, in [0, 1000]; else 0
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
        case END_OF_YEAR -> {
          Checks.requireInRange(periods, 0, 1000, "periods");
          Checks.checkArgument(days == 0 && unit == null,
              "expiry END_OF_YEAR takes no days or unit, got days=%s unit=%s", days, unit);
        }
      }
    }

    @JsonCreator
    static Expiry json(
        @JsonProperty(value = "kind", required = true) ExpiryKind kind,
        @JsonProperty("days") Integer days,
        @JsonProperty("unit") Granularity unit,
        @JsonProperty("periods") Integer periods) {
      return new Expiry(kind, days == null ? 0 : days, unit, periods == null ? 0 : periods);
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
     * @param unit the calendar unit in the policy's zone: DAY, WEEK or MONTH
     * @param periods periods after the earning one, in [0, 1000]; 0 for the end of the same one
     * @return the expiry
     * @throws NullPointerException if {@code unit} is null
     * @throws IllegalArgumentException if {@code periods} is out of range
     */
    public static Expiry endOfPeriod(Granularity unit, int periods) {
      return new Expiry(ExpiryKind.END_OF_PERIOD, 0, unit, periods);
    }

    /**
     * Lots expire at the end of the calendar year {@code years} after the earning one.
     *
     * @param years years after the earning one, in [0, 1000]; 1 for 31 December of the next year
     * @return the expiry
     * @throws IllegalArgumentException if {@code years} is out of range
     */
    public static Expiry endOfYear(int years) {
      return new Expiry(ExpiryKind.END_OF_YEAR, 0, null, years);
    }
  }
}
