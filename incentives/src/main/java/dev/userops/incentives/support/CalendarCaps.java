package dev.userops.incentives.support;

import dev.userops.core.WindowMode;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.Cap;

/**
 * The check shared by the points and growth rules: their state counts usage per calendar period,
 * so they take {@link WindowMode#CALENDAR} caps only. Not exported.
 */
public final class CalendarCaps {
  private CalendarCaps() {}

  /**
   * Rejects a rolling cap.
   *
   * @param cap the cap, or {@code null} for none
   * @param owner what holds it, for the message (e.g. {@code "rule review"})
   * @throws IllegalArgumentException if {@code cap} is {@link WindowMode#ROLLING}; the message
   *     starts with {@code cap.mode}, the field to fix
   */
  public static void requireCalendar(Cap cap, String owner) {
    Checks.checkArgument(cap == null || cap.mode() == WindowMode.CALENDAR,
        "cap.mode of %s: only CALENDAR caps (window P1D, P1W or P1M) are supported, got ROLLING over %s",
        owner, cap == null ? null : cap.window());
  }
}
