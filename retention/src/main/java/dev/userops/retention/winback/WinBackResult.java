package dev.userops.retention.winback;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Win-back per period.
 *
 * @param period the granularity of {@link #periods()}
 * @param silentDays inactive days that make a user silent
 * @param lostDays inactive days that make a user lost
 * @param periods from the one containing the spec's {@code from} to the one containing the last
 *     local day completed at {@code asOf}, ascending
 * @param diagnostics records skipped, by reason
 */
public record WinBackResult(
    Granularity period,
    int silentDays,
    int lostDays,
    List<Period> periods,
    Diagnostics diagnostics) {

  /**
   * Copies the list into an unmodifiable one.
   *
   * @param period the granularity of the periods
   * @param silentDays inactive days that make a user silent
   * @param lostDays inactive days that make a user lost
   * @param periods the periods, ascending
   * @param diagnostics records skipped, by reason
   * @throws NullPointerException if an object argument or a period is null
   */
  public WinBackResult {
    Checks.requireNonNull(period, "period");
    periods = List.copyOf(periods);
    Checks.requireNonNull(diagnostics, "diagnostics");
  }

  /**
   * The win-back of this result's users and {@code other}'s together, when no user is in both: made
   * under one spec over disjoint sets of users (for example one per partition of users), each
   * period's distinct-user counts add, as do the diagnostics, exactly as one accumulator given every
   * user's events counts them; recall rates are computed from the sums on request. Results of sets
   * that share a user cannot be added: a shared user would count twice.
   *
   * @param other a result of other users, made with the same spec
   * @return the result of both sets of users
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two differ in period, silent or lost days, period
   *     starts, or which periods are mature, so were not made with the same spec
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public WinBackResult plus(WinBackResult other) {
    Checks.requireNonNull(other, "other");
    Checks.checkArgument(period == other.period && silentDays == other.silentDays && lostDays == other.lostDays
        && periods.size() == other.periods.size(),
        "results of different specs: %s %s/%s days, %s periods vs %s %s/%s days, %s periods", period, silentDays,
        lostDays, periods.size(), other.period, other.silentDays, other.lostDays, other.periods.size());
    List<Period> sum = new ArrayList<>(periods.size());
    for (int p = 0; p < periods.size(); p++) {
      Period a = periods.get(p);
      Period b = other.periods.get(p);
      Checks.checkArgument(a.start.equals(b.start) && a.mature == b.mature,
          "results of different specs: period %s (mature %s) vs %s (mature %s)", a.start, a.mature, b.start, b.mature);
      sum.add(new Period(a.start, a.mature, Math.addExact(a.lapsedAtStart, b.lapsedAtStart),
          Math.addExact(a.recalled, b.recalled), Math.addExact(a.becameSilent, b.becameSilent),
          Math.addExact(a.becameLost, b.becameLost), Math.addExact(a.reactivated, b.reactivated)));
    }
    return new WinBackResult(period, silentDays, lostDays, sum, diagnostics.plus(other.diagnostics));
  }

  /**
   * One period. A user's days without activity on local day t are the days since their last active
   * day a before or on t, {@code t - a}; days are counted only once complete at {@code asOf}. Each
   * count is of distinct users.
   *
   * @param start the first local date of the period
   * @param mature whether the whole period had elapsed at {@code asOf}; if not, counts cover its
   *     completed days only
   * @param lapsedAtStart users at least {@code silentDays} days without activity at the end of the
   *     day before {@code start} (silent or lost)
   * @param recalled those of them active in the period
   * @param becameSilent users whose days without activity reached {@code silentDays} on a day of
   *     the period
   * @param becameLost users whose days without activity reached {@code lostDays} on a day of the
   *     period
   * @param reactivated users active on a day of the period after at least {@code silentDays}
   *     inactive days (lapsed at the period's start or lapsing within it)
   */
  public record Period(
      LocalDate start,
      boolean mature,
      long lapsedAtStart,
      long recalled,
      long becameSilent,
      long becameLost,
      long reactivated) {
    /**
     * Checks {@code 0 <= recalled <= lapsedAtStart}, {@code recalled <= reactivated}.
     *
     * @param start the first local date of the period
     * @param mature whether the whole period had elapsed at {@code asOf}
     * @param lapsedAtStart users lapsed at the end of the day before {@code start}
     * @param recalled those of them active in the period
     * @param becameSilent users turning silent in the period, {@code >= 0}
     * @param becameLost users turning lost in the period, {@code >= 0}
     * @param reactivated users active in the period after a lapse
     * @throws NullPointerException if {@code start} is null
     * @throws IllegalArgumentException if the counts break these relations or are negative
     */
    public Period {
      Checks.requireNonNull(start, "start");
      Checks.checkArgument(
          0 <= recalled
              && recalled <= lapsedAtStart
              && recalled <= reactivated
              && becameSilent >= 0
              && becameLost >= 0,
          "period %s: expected 0 <= recalled <= lapsedAtStart and recalled <= reactivated,"
              + " got recalled %s, lapsedAtStart %s, reactivated %s",
          start,
          recalled,
          lapsedAtStart,
          reactivated);
    }

    /**
     * The recall rate.
     *
     * @return {@code recalled / lapsedAtStart} in [0, 1]; empty when nobody was lapsed
     */
    @JsonProperty("recallRate")
    public OptionalDouble recallRate() {
      return lapsedAtStart == 0
          ? OptionalDouble.empty()
          : OptionalDouble.of((double) recalled / lapsedAtStart);
    }
  }

  /**
   * This result as JSON, one field per component.
   *
   * @return compact JSON
   */
  public String toJson() {
    return Json.write(this);
  }
}
