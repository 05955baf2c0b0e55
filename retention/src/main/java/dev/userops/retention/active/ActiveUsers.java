package dev.userops.retention.active;

import dev.userops.core.Diagnostics;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
   * The counts of this result's users and {@code other}'s together, when no user is in both: made
   * under one spec over disjoint sets of users (for example one per partition of users), each day's
   * distinct-user counts add, as do the diagnostics, and stickiness is computed again from the
   * sums, exactly as one accumulator given every user's events computes it. Results of sets that
   * share a user cannot be added: a shared user would count twice. The week start is not in a
   * result, so results that differ only in it are not told apart.
   *
   * @param other a result of other users, made with the same spec
   * @return the result of both sets of users
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two differ in zone or days, so were not made with the
   *     same spec
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public ActiveUsers plus(ActiveUsers other) {
    Checks.requireNonNull(other, "other");
    Checks.checkArgument(zone.equals(other.zone) && days.size() == other.days.size(),
        "results of different specs: %s %s days vs %s %s days", zone, days.size(), other.zone, other.days.size());
    List<Day> sum = new ArrayList<>(days.size());
    for (int d = 0; d < days.size(); d++) {
      Day a = days.get(d);
      Day b = other.days.get(d);
      Checks.checkArgument(a.date.equals(b.date), "results of different specs: day %s vs %s", a.date, b.date);
      sum.add(Day.of(a.date, Math.addExact(a.dau, b.dau), Math.addExact(a.wau, b.wau), Math.addExact(a.mau, b.mau),
          Math.addExact(a.weekToDate, b.weekToDate), Math.addExact(a.monthToDate, b.monthToDate)));
    }
    return new ActiveUsers(zone, sum, diagnostics.plus(other.diagnostics));
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

    /** The day with these counts and stickiness computed from them, for every way of counting. */
    static Day of(LocalDate date, long dau, long wau, long mau, long weekToDate, long monthToDate) {
      return new Day(date, dau, wau, mau, weekToDate, monthToDate, mau == 0 ? null : (double) dau / mau);
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
