package dev.userops.segmentation.dimensions;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Birthday this month or this week, in the user's zone (birthday care). A 29 February birthday is
 * celebrated on 28 February in common years. JSON form: {@code {"weekStart":"MONDAY"}}.
 *
 * @param weekStart the first day of a week; {@code null} in JSON means Monday
 */
public record Birthdays(DayOfWeek weekStart) {
  /** Format version of the JSON form, written as its {@code version} field (absent: 1). */
  private static final int JSON_VERSION = 1;

  /** Weeks starting on Monday. */
  public static final Birthdays DEFAULT = new Birthdays(DayOfWeek.MONDAY);

  /**
   * Defaults the week start to Monday.
   *
   * @param weekStart the first day of a week, or {@code null} for Monday
   */
  public Birthdays {
    weekStart = weekStart == null ? DayOfWeek.MONDAY : weekStart;
  }

  /**
   * Reads the configuration from its JSON form.
   *
   * @param json the JSON form; {@code {}} gives the default
   * @return the configuration
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static Birthdays fromJson(String json) {
    return Json.readVersioned(json, Birthdays.class, JSON_VERSION);
  }

  /**
   * This configuration's JSON form.
   *
   * @return compact JSON with the week start written out
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * Whether {@code birthday} falls in the month of {@code asOf}'s local date in {@code zone}.
   *
   * @param birthday the user's birthday; the year of birth is not needed
   * @param asOf the evaluation instant
   * @param zone the user's zone
   * @return whether the birthday's month is {@code asOf}'s local month (29 February counts in
   *     every February)
   * @throws NullPointerException if an argument is null
   */
  public boolean isThisMonth(MonthDay birthday, Instant asOf, ZoneId zone) {
    Checks.requireNonNull(birthday, "birthday");
    return birthday.getMonth() == today(asOf, zone).getMonth();
  }

  /**
   * Whether {@code birthday} is celebrated in the week (starting on {@link #weekStart()}) of {@code
   * asOf}'s local date in {@code zone}; a week across New Year checks each date in its own year.
   *
   * @param birthday the user's birthday; the year of birth is not needed
   * @param asOf the evaluation instant
   * @param zone the user's zone
   * @return whether the birthday, or 28 February for 29 February in a common year, is one of the
   *     week's seven local dates
   * @throws NullPointerException if an argument is null
   */
  public boolean isThisWeek(MonthDay birthday, Instant asOf, ZoneId zone) {
    Checks.requireNonNull(birthday, "birthday");
    LocalDate day = today(asOf, zone).with(TemporalAdjusters.previousOrSame(weekStart));
    for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
      if (birthday.atYear(day.getYear()).equals(day)) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate today(Instant asOf, ZoneId zone) {
    return LocalDate.ofInstant(Checks.requireNonNull(asOf, "asOf"), Checks.requireNonNull(zone, "zone"));
  }
}
