package dev.userops.segmentation.dimensions;

import dev.userops.core.CalendarIndex;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;

/**
 * Lifecycle thresholds in calendar days of the zone activity days are in. Defaults: new for 7
 * days, silent after 30 days without activity, lost after 90. JSON form: {@code
 * {"newDays":7,"silentDays":30,"lostDays":90}}.
 *
 * <p>Stages are tried in this order: {@link LifecycleStage#NEW} if first seen fewer than {@code
 * newDays} days before {@code asOf}'s date; {@link LifecycleStage#LOST} if the last activity is at
 * least {@code lostDays} days before it; {@link LifecycleStage#SILENT} if at least {@code
 * silentDays}; otherwise {@link LifecycleStage#RETURNING} if the gap before the last activity was
 * at least {@code silentDays} (the user had gone silent or lost), else {@link
 * LifecycleStage#ACTIVE}.
 *
 * @param newDays {@code >= 0}; {@code null} in JSON means 7
 * @param silentDays {@code >= 1}; {@code null} in JSON means 30
 * @param lostDays {@code >= silentDays}; {@code null} in JSON means 90
 */
public record LifecycleRules(Integer newDays, Integer silentDays, Integer lostDays) {
  /** Format version of the JSON form, written as its {@code version} field (absent: 1). */
  private static final int JSON_VERSION = 1;

  /** The defaults. */
  public static final LifecycleRules DEFAULT = new LifecycleRules(null, null, null);

  /**
   * Applies the defaults and validates.
   *
   * @param newDays calendar days a user stays new, {@code >= 0} (0: never new); {@code null} for 7
   * @param silentDays calendar days without activity to be silent, {@code >= 1}; {@code null} for
   *     30
   * @param lostDays calendar days without activity to be lost, {@code >= silentDays}; {@code null}
   *     for 90, or {@code silentDays} if that is higher
   * @throws IllegalArgumentException if a threshold is out of range
   */
  public LifecycleRules {
    newDays = Checks.requireNonNegative(newDays == null ? 7 : newDays, "newDays");
    silentDays = Checks.requirePositive(silentDays == null ? 30 : silentDays, "silentDays");
    lostDays = lostDays == null ? Math.max(90, silentDays) : lostDays;
    Checks.checkArgument(lostDays >= silentDays, "lostDays must be >= silentDays %s, got %s", silentDays, lostDays);
  }

  /**
   * Reads rules from their JSON form.
   *
   * @param json the JSON form; {@code {}} gives the defaults
   * @return the rules
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static LifecycleRules fromJson(String json) {
    return Json.readVersioned(json, LifecycleRules.class, JSON_VERSION);
  }

  /**
   * These rules' JSON form.
   *
   * @return compact JSON with all three thresholds written out
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * The stage of {@code activity} (days local to {@code calendar}'s zone) at {@code asOfMillis}.
   *
   * @param activity the user's first, previous and last active days
   * @param asOfMillis the evaluation instant, epoch milliseconds
   * @param calendar the calendar of the zone the activity days are in
   * @return the stage, tried in the order the type comment gives
   * @throws NullPointerException if {@code activity} or {@code calendar} is null
   * @throws IllegalArgumentException if the last activity is after {@code asOf}'s date
   */
  public LifecycleStage stage(UserActivity activity, long asOfMillis, CalendarIndex calendar) {
    return stage(activity, calendar.dayIndex(asOfMillis));
  }

  /**
   * The stage of {@code activity} on the epoch day {@code asOfDay} of the activity's zone.
   *
   * @param activity the user's first, previous and last active days
   * @param asOfDay {@code asOf}'s local date as an epoch day
   * @return the stage, tried in the order the type comment gives
   * @throws NullPointerException if {@code activity} is null
   * @throws IllegalArgumentException if the last activity is after {@code asOfDay}
   */
  public LifecycleStage stage(UserActivity activity, long asOfDay) {
    Checks.requireNonNull(activity, "activity");
    Checks.checkArgument(
        activity.lastDay() <= asOfDay, "activity.lastDay must be <= asOfDay %s, got %s", asOfDay, activity.lastDay());
    long inactiveDays = asOfDay - activity.lastDay();
    if (asOfDay - activity.firstDay() < newDays) {
      return LifecycleStage.NEW;
    } else if (inactiveDays >= lostDays) {
      return LifecycleStage.LOST;
    } else if (inactiveDays >= silentDays) {
      return LifecycleStage.SILENT;
    }
    return activity.gapBeforeLastDays() >= silentDays ? LifecycleStage.RETURNING : LifecycleStage.ACTIVE;
  }
}
