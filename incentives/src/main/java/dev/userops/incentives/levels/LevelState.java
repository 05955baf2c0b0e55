package dev.userops.incentives.levels;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.List;

/**
 * One user's growth value and level. Immutable, with a versioned JSON form. Times are epoch millis.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param clockMillis latest instant applied, {@link Long#MIN_VALUE} for a new user
 * @param lifetimeGrowth growth value ever earned
 * @param months growth per calendar month (index as in {@link dev.userops.core.CalendarIndex}) for
 *     the months a trailing window can still see
 * @param caps growth awarded per capped rule and period
 * @param seen event sources remembered for idempotency
 * @param level the current level id
 * @param floor the granted floor level id, or {@code null}
 * @param floorUntilMillis end of the floor, exclusive ({@link Long#MAX_VALUE}: no end)
 * @param graceUntilMillis end of a running grace period after a failed review, {@link
 *     Long#MAX_VALUE} when none runs
 */
public record LevelState(
    int version,
    long clockMillis,
    long lifetimeGrowth,
    List<MonthGrowth> months,
    List<Usage> caps,
    List<Seen> seen,
    String level,
    String floor,
    long floorUntilMillis,
    long graceUntilMillis) {

  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Checks the version and copies the lists. Consistency between the fields is not checked;
   * policies produce consistent states.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param clockMillis latest instant applied, epoch millis, or {@link Long#MIN_VALUE}
   * @param lifetimeGrowth growth value ever earned, {@code >= 0}
   * @param months growth per calendar month
   * @param caps growth awarded per capped rule and period
   * @param seen event sources remembered for idempotency
   * @param level the current level id, not blank
   * @param floor the granted floor level id, or {@code null}
   * @param floorUntilMillis end of the floor, epoch millis, exclusive
   * @param graceUntilMillis end of a running grace period, epoch millis, or {@link Long#MAX_VALUE}
   * @throws NullPointerException if a list, an element or {@code level} is null
   * @throws IllegalArgumentException if the version is wrong, {@code lifetimeGrowth < 0} or
   *     {@code level} is blank
   */
  public LevelState {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    Checks.requireNonNegative(lifetimeGrowth, "lifetimeGrowth");
    months = List.copyOf(months);
    caps = List.copyOf(caps);
    seen = List.copyOf(seen);
    Checks.requireNonBlank(level, "level");
  }

  /**
   * Reads the JSON form, checking the version.
   *
   * @param json the JSON form as {@link #toJson()} writes it
   * @return the state
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path, also for another version
   */
  public static LevelState fromJson(String json) {
    return Json.read(json, LevelState.class);
  }

  /**
   * The JSON form.
   *
   * @return compact JSON with the version, read back by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * Growth value in one calendar month.
   *
   * @param month the month index
   * @param growth growth earned in it
   */
  public record MonthGrowth(long month, long growth) {}

  /**
   * Growth a capped rule awarded in one period.
   *
   * @param rule the rule id
   * @param period the period index at the rule's cap granularity
   * @param used growth awarded
   */
  public record Usage(String rule, long period, long used) {}

  /**
   * A remembered event.
   *
   * @param source e.g. {@code order:o-1}
   * @param atMillis the event's time
   */
  public record Seen(String source, long atMillis) {}
}
