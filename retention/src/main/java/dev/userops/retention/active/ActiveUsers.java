package dev.userops.retention.active;

import dev.userops.core.Diagnostics;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Distinct active users per local day, counted exactly (no sketches).
 *
 * @param zone the zone of the days
 * @param days one entry per day of the spec's range, in order
 * @param diagnostics events skipped as bad records, by reason
 */
public record ActiveUsers(ZoneId zone, List<Day> days, Diagnostics diagnostics) {

  /**
   * Copies the days.
   *
   * @param zone the zone of the days
   * @param days one entry per reported day, in date order
   * @param diagnostics events skipped as bad records, by reason
   * @throws NullPointerException if an argument or a day is null
   */
  public ActiveUsers {
    Checks.requireNonNull(zone, "zone");
    days = List.copyOf(days);
    Checks.requireNonNull(diagnostics, "diagnostics");
  }

  /**
   * One day's counts; every count is of distinct users with at least one event in the window, and
   * windows end with {@code date} (inclusive), so nothing after the day counts.
   *
   * @param date the local day
   * @param dau users active on the day
   * @param wau users active in the 7 days ending on the day (trailing)
   * @param mau users active in the 30 days ending on the day (trailing)
   * @param weekToDate users active from the start of the day's calendar week to the day
   * @param monthToDate users active from the first of the day's calendar month to the day
   * @param stickiness {@code dau / mau}; {@code null} when {@code mau} is 0
   */
  public record Day(
      LocalDate date, long dau, long wau, long mau, long weekToDate, long monthToDate, Double stickiness) {
    /**
     * Checks that every trailing window holds the shorter ones. The calendar-window counts and
     * stickiness are not cross-checked.
     *
     * @param date the local day
     * @param dau distinct users active on the day
     * @param wau distinct users active in the trailing 7 days, {@code >= dau}
     * @param mau distinct users active in the trailing 30 days, {@code >= wau}
     * @param weekToDate distinct users active in the calendar week up to the day
     * @param monthToDate distinct users active in the calendar month up to the day
     * @param stickiness {@code dau / mau} in [0, 1], or {@code null} when {@code mau} is 0
     * @throws NullPointerException if {@code date} is null
     * @throws IllegalArgumentException unless {@code 0 <= dau <= wau <= mau}
     */
    public Day {
      Checks.requireNonNull(date, "date");
      Checks.checkArgument(0 <= dau && dau <= wau && wau <= mau,
          "expected 0 <= dau <= wau <= mau, got %s, %s, %s", dau, wau, mau);
    }
  }

  /**
   * This result as JSON, the form {@code userops active --json} prints.
   *
   * @return compact JSON
   */
  public String toJson() {
    return Json.write(this);
  }
}
