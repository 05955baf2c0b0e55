package dev.userops.incentives.levels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.WindowMode;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.incentives.Cap;
import dev.userops.incentives.support.CalendarCaps;
import dev.userops.incentives.support.VersionedJson;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A level program (a membership ladder): how users earn growth value (never spent), the levels it
 * reaches, how growth qualifies (lifetime or trailing calendar months) and when a level may go down.
 * Immutable; JSON via {@link #fromJson} and {@link #toJson}; per-zone policy via {@link
 * #policy(ZoneId)}.
 *
 * <p><b>Points multiplier.</b> A level's points bonus is configured once, in the points program's
 * {@code levelMultipliers} (by level id); the host passes the user's current {@link
 * LevelState#level()} in each {@link dev.userops.incentives.OrderPaid} and {@link
 * dev.userops.incentives.BehaviourDone} it applies to points. Version 1 documents carried a {@code
 * pointsMultiplierPercent} per level as well; it is dropped when they are read.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param growthPerUnit growth value per {@code unitMinor} of a paid order, rounded down
 * @param unitMinor the currency unit in minor units
 * @param rules growth per behaviour, each with an optional cap
 * @param levels the levels, thresholds strictly ascending, the first at threshold 0
 * @param qualification which growth counts towards a threshold
 * @param downgrade when a user whose qualifying growth fell below their level's threshold moves down
 * @param memoryDays days an event id is remembered for idempotency (later events older than the
 *     newest minus this are rejected as late)
 */
public record LevelProgram(
    int version,
    long growthPerUnit,
    long unitMinor,
    List<GrowthRule> rules,
    List<Level> levels,
    Qualification qualification,
    Downgrade downgrade,
    int memoryDays) {

  /**
   * The JSON format version this class writes. Version 1 (caps as {@code "cap": "DAY", "capMax":
   * 10}, a {@code pointsMultiplierPercent} in each level's benefits) is still read.
   */
  public static final int FORMAT_VERSION = 2;

  /**
   * Checks thresholds, ids and windows.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param growthPerUnit growth per {@code unitMinor} of a paid order, {@code >= 0}
   * @param unitMinor the currency unit in minor units, {@code >= 1} (e.g. 100 for one yuan)
   * @param rules growth per behaviour with distinct ids, or {@code null} for none
   * @param levels at least one level, the first at threshold 0, thresholds strictly ascending, ids
   *     distinct
   * @param qualification which growth counts towards a threshold
   * @param downgrade when levels go down
   * @param memoryDays days event ids are remembered, in [1, 36500]
   * @throws NullPointerException if {@code levels}, {@code qualification}, {@code downgrade} or an
   *     element is null
   * @throws IllegalArgumentException if a value is out of range or an id repeats
   */
  public LevelProgram {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    Checks.requireNonNegative(growthPerUnit, "growthPerUnit");
    Checks.requirePositive(unitMinor, "unitMinor");
    rules = rules == null ? List.of() : List.copyOf(rules);
    levels = List.copyOf(Checks.requireNonNull(levels, "levels"));
    Checks.checkArgument(!levels.isEmpty() && levels.get(0).threshold() == 0,
        "levels must start with a level at threshold 0, got %s", levels.isEmpty() ? "none" : levels.get(0).threshold());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < levels.size(); i++) {
      Checks.checkArgument(ids.add(levels.get(i).id()), "level id \"%s\" is used twice", levels.get(i).id());
      if (i > 0) {
        Checks.checkArgument(levels.get(i).threshold() > levels.get(i - 1).threshold(),
            "level thresholds must ascend, got %s after %s", levels.get(i).threshold(), levels.get(i - 1).threshold());
      }
    }
    Set<String> ruleIds = new HashSet<>();
    rules.forEach(r -> Checks.checkArgument(ruleIds.add(r.id()), "rule id \"%s\" is used twice", r.id()));
    Checks.requireNonNull(qualification, "qualification");
    Checks.requireNonNull(downgrade, "downgrade");
    Checks.requireInRange(memoryDays, 1, 36_500, "memoryDays");
  }

  /**
   * Reads a level program from JSON of version 2, or of version 1 (upgraded on the way in).
   *
   * @param json the JSON form; every field is required
   * @return the program
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path
   */
  public static LevelProgram fromJson(String json) {
    return VersionedJson.read(json, LevelProgram.class, FORMAT_VERSION, LevelProgram::upgradeFromV1);
  }

  private static void upgradeFromV1(ObjectNode document) {
    for (JsonNode rule : document.path("rules")) {
      if (rule instanceof ObjectNode object) {
        VersionedJson.upgradeCap(object, "cap", "capMax", "cap");
      }
    }
    for (JsonNode level : document.path("levels")) {
      if (level.get("benefits") instanceof ObjectNode benefits) {
        benefits.remove("pointsMultiplierPercent");
      }
    }
  }

  /**
   * The JSON form.
   *
   * @return compact JSON of version {@value #FORMAT_VERSION}, read back equal by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * The policy with calendar months (qualification windows, reviews) in {@code zone}.
   *
   * @param zone the zone of calendar months, normally the shop's, the same for every user
   * @return a new policy
   * @throws NullPointerException if {@code zone} is null
   */
  public LevelPolicy policy(ZoneId zone) {
    return new LevelPolicy(this, zone);
  }

  /** The index of level {@code id} in {@link #levels}, or -1. */
  int indexOf(String id) {
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the highest level whose threshold is at most {@code growth}. */
  int levelFor(long growth) {
    int level = 0;
    while (level + 1 < levels.size() && levels.get(level + 1).threshold() <= growth) {
      level++;
    }
    return level;
  }

  /**
   * A level.
   *
   * @param id the level's id (e.g. {@code "gold"})
   * @param threshold qualifying growth value needed, inclusive
   * @param benefits what the level gives
   */
  public record Level(String id, long threshold, Benefits benefits) {
    /**
     * Checks the id, threshold and benefits.
     *
     * @param id the level's id, not blank
     * @param threshold qualifying growth value needed, inclusive, {@code >= 0}
     * @param benefits what the level gives
     * @throws NullPointerException if {@code id} or {@code benefits} is null
     * @throws IllegalArgumentException if {@code id} is blank or {@code threshold < 0}
     */
    public Level {
      Checks.requireNonBlank(id, "id");
      Checks.requireNonNegative(threshold, "threshold of level " + id);
      Checks.requireNonNull(benefits, "benefits of level " + id);
    }
  }

  /**
   * Benefits of a level, as data for the host to honour. The level's points multiplier is not here:
   * it lives in the points program's {@code levelMultipliers}.
   *
   * @param birthdayGiftPoints points given on the birthday
   * @param freeShipping whether shipping is free
   * @param priorityAccess whether new features and sales open early
   */
  public record Benefits(long birthdayGiftPoints, boolean freeShipping, boolean priorityAccess) {
    /**
     * Checks the amount.
     *
     * @param birthdayGiftPoints points given on the birthday, {@code >= 0}
     * @param freeShipping whether shipping is free
     * @param priorityAccess whether new features and sales open early
     * @throws IllegalArgumentException if {@code birthdayGiftPoints < 0}
     */
    public Benefits {
      Checks.requireNonNegative(birthdayGiftPoints, "birthdayGiftPoints");
    }
  }

  /**
   * Growth value per behaviour.
   *
   * @param id rule id, part of idempotency keys
   * @param behaviour a {@link dev.userops.core.event.BehaviourType} name or a host-defined one
   * @param growth growth value per event
   * @param cap the most growth this rule awards per calendar day, week or month in the policy's
   *     zone ({@code null}: uncapped); in JSON {@code {"max": 10, "window": "P1D"}}
   */
  public record GrowthRule(String id, String behaviour, long growth, Cap cap) {
    /**
     * Checks the rule.
     *
     * @param id rule id, not blank
     * @param behaviour the behaviour name it rewards, not blank
     * @param growth growth value per event, {@code >= 0}
     * @param cap a {@link WindowMode#CALENDAR} cap, or {@code null} for uncapped
     * @throws NullPointerException if {@code id} or {@code behaviour} is null
     * @throws IllegalArgumentException if a string is blank, {@code growth < 0} or the cap is
     *     {@link WindowMode#ROLLING} (not supported for growth)
     */
    public GrowthRule {
      Checks.requireNonBlank(id, "id");
      Checks.requireNonBlank(behaviour, "behaviour of rule " + id);
      Checks.requireNonNegative(growth, "growth of rule " + id);
      CalendarCaps.requireCalendar(cap, "rule " + id);
    }
  }

  /**
   * Which growth counts.
   *
   * @param trailingMonths 0 = lifetime; n = the current calendar month and the n - 1 before it
   */
  public record Qualification(int trailingMonths) {
    /**
     * Checks the window.
     *
     * @param trailingMonths 0 for lifetime growth, else the calendar months counted, up to 120
     * @throws IllegalArgumentException if {@code trailingMonths} is out of [0, 120]
     */
    public Qualification {
      Checks.requireInRange(trailingMonths, 0, 120, "trailingMonths");
    }
  }

  /** Downgrade policies. */
  public enum DowngradeKind {
    /** Levels only go up. */
    NEVER,
    /** Reviewed at the end of each review period; below threshold then, down after the grace days. */
    END_OF_REVIEW_PERIOD,
    /** Down as soon as an event or evaluation finds the qualifying growth below the threshold. */
    IMMEDIATELY
  }

  /**
   * When levels go down.
   *
   * @param kind the policy
   * @param reviewMonths for reviews: the period length in calendar months, aligned to January
   *     (12 = reviews at each year's end)
   * @param graceDays for reviews: days after the review before the downgrade takes effect, during
   *     which growth can still save the level
   */
  public record Downgrade(DowngradeKind kind, int reviewMonths, int graceDays) {
    /**
     * Checks that review fields are set exactly for reviews.
     *
     * @param kind the policy
     * @param reviewMonths 1, 2, 3, 4, 6 or 12 for reviews; 0 otherwise
     * @param graceDays 0 to 365 for reviews; 0 otherwise
     * @throws NullPointerException if {@code kind} is null
     * @throws IllegalArgumentException if the review fields do not fit {@code kind}
     */
    public Downgrade {
      Checks.requireNonNull(kind, "kind");
      if (kind == DowngradeKind.END_OF_REVIEW_PERIOD) {
        Checks.checkArgument(reviewMonths >= 1 && 12 % reviewMonths == 0,
            "reviewMonths must be 1, 2, 3, 4, 6 or 12, got %s", reviewMonths);
        Checks.requireInRange(graceDays, 0, 365, "graceDays");
      } else {
        Checks.checkArgument(reviewMonths == 0 && graceDays == 0,
            "downgrade %s takes no reviewMonths or graceDays, got %s and %s", kind, reviewMonths, graceDays);
      }
    }
  }
}
