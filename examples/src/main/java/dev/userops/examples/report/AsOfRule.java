package dev.userops.examples.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one rule for the as-of of a command run without {@code --as-of}: the start of the local day
 * after the last record, but never later than the start of tomorrow in the zone by the machine's
 * clock, so that one order typed as 2099 cannot move a report decades ahead. A record after the
 * as-of is a bad record ({@code AFTER_AS_OF}), counted. The commands read the clock; the library
 * never does.
 *
 * @param instant the as-of
 * @param rule what chose it, for report headers: {@link #FLAG}, {@link #LAST_RECORD} or {@link
 *     #CLOCK}
 */
public record AsOfRule(Instant instant, String rule) {
  /** Given as {@code --as-of}. */
  public static final String FLAG = "--as-of";
  /** The start of the day after the last record. */
  public static final String LAST_RECORD = "the day after the last record";
  /** The start of tomorrow by the clock: the latest default. */
  public static final String CLOCK = "the start of tomorrow by the clock";

  /**
   * The latest as-of a default may be, and the bound for records while a command reads before it
   * knows its last record.
   *
   * @return the start of tomorrow in {@code zone}, by {@code clock}
   */
  public static Instant latest(Clock clock, ZoneId zone) {
    return LocalDate.now(clock.withZone(zone)).plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * The default as-of.
   *
   * @param lastRecord the instant of the last record that passed the screen (bounded by {@link
   *     #latest}), or {@code null} if there was none
   * @return the start of the day after {@code lastRecord}, or {@link #latest} if that is earlier or
   *     there is no record
   */
  public static AsOfRule byDefault(Instant lastRecord, ZoneId zone, Clock clock) {
    Instant latest = latest(clock, zone);
    if (lastRecord == null) {
      return new AsOfRule(latest, CLOCK);
    }
    Instant dayAfter = LocalDate.ofInstant(lastRecord, zone).plusDays(1).atStartOfDay(zone).toInstant();
    return dayAfter.isBefore(latest) ? new AsOfRule(dayAfter, LAST_RECORD) : new AsOfRule(latest, CLOCK);
  }

  /** The as-of given with {@code --as-of}. */
  public static AsOfRule given(Instant asOf) {
    return new AsOfRule(asOf, FLAG);
  }

  /** Whether the as-of was given rather than chosen by default. */
  public boolean isGiven() {
    return FLAG.equals(rule);
  }

  /** {@code 2026-03-02T00:00:00Z (the day after the last record)}, as report headers show it. */
  @Override
  public String toString() {
    return instant + " (" + rule + ")";
  }
}
