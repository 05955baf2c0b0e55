package dev.userops.incentives.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.Granularity;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Population figures of a paid membership (see {@link MembershipAccumulator} for the definitions).
 * In every list indexed by interval, index k is interval k; a {@code null} there is an immature
 * cell, whose period (plus the spec's grace days, for renewals) had not fully elapsed at the spec's
 * {@code asOf}: unknown, never 0. Money is in minor units.
 *
 * @param zone the zone of days and cohort start dates
 * @param granularity the period of cohorts and intervals
 * @param intervals the last interval of every row
 * @param activeByDay members active per complete local day, from the first day any period covers
 *     (at most 36,600 days back) to the last complete day at {@code asOf}
 * @param cohorts per cohort of first payment with at least one member, by start ascending
 * @param members users with at least one period
 * @param periods periods counted
 * @param revenueMinor net revenue of the periods counted
 * @param ignoredAfterAsOf periods paid after {@code asOf}, not counted
 */
public record MembershipResult(ZoneId zone, Granularity granularity, int intervals, List<Day> activeByDay,
    List<Cohort> cohorts, long members, long periods, long revenueMinor, long ignoredAfterAsOf) {
  /**
   * Copies the lists.
   *
   * @param zone the zone of days
   * @param granularity the period of cohorts
   * @param intervals the last interval, {@code >= 0}
   * @param activeByDay active members per day
   * @param cohorts the cohort rows
   * @param members users with a period, {@code >= 0}
   * @param periods periods counted, {@code >= 0}
   * @param revenueMinor net revenue
   * @param ignoredAfterAsOf periods ignored, {@code >= 0}
   * @throws NullPointerException if an object argument or an element is null
   */
  public MembershipResult {
    Checks.requireNonNull(zone, "zone");
    Checks.requireNonNull(granularity, "granularity");
    activeByDay = List.copyOf(activeByDay);
    cohorts = List.copyOf(cohorts);
  }

  /**
   * Net revenue per member over everything counted.
   *
   * @return {@code revenueMinor / members} in minor units, or {@code null} without members
   */
  @JsonProperty("revenuePerMember")
  public Double revenuePerMember() {
    return members == 0 ? null : revenueMinor / (double) members;
  }

  /**
   * Renewals made over renewals due, pooled over every mature cell of every cohort.
   *
   * @return the rate in [0, 1], or {@code null} if no renewal was due in a mature cell
   */
  @JsonProperty("renewalRate")
  public Double renewalRate() {
    long due = 0;
    long renewed = 0;
    for (Cohort cohort : cohorts) {
      for (int k = 0; k < cohort.renewalsDue().size(); k++) {
        if (cohort.renewalsDue().get(k) != null) {
          due += cohort.renewalsDue().get(k);
          renewed += cohort.renewals().get(k);
        }
      }
    }
    return due == 0 ? null : renewed / (double) due;
  }

  /**
   * This result as JSON, the derived rates included.
   *
   * @return compact JSON; immature cells are {@code null}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * Active members on one local day.
   *
   * @param date the day
   * @param activeMembers members a period covered on some instant of it
   */
  public record Day(LocalDate date, long activeMembers) {}

  /**
   * One cohort's row.
   *
   * @param start the first local date of the cohort's period
   * @param members users whose first payment fell in it
   * @param activeMembers per interval, members active on some day of it
   * @param renewalsDue per interval, periods of the cohort's members that ended in it
   * @param renewals per interval, those of them another period continued
   * @param revenueMinor per interval k, cumulative net revenue paid from the cohort's period to k
   */
  public record Cohort(LocalDate start, long members, List<Long> activeMembers, List<Long> renewalsDue,
      List<Long> renewals, List<Long> revenueMinor) {
    /**
     * Copies the lists, which may hold nulls.
     *
     * @param start the cohort's first date
     * @param members the cohort's members
     * @param activeMembers per interval, {@code null} if immature
     * @param renewalsDue per interval, {@code null} if immature
     * @param renewals per interval, {@code null} if immature
     * @param revenueMinor per interval, {@code null} if immature
     * @throws NullPointerException if {@code start} or a list is null
     */
    public Cohort {
      Checks.requireNonNull(start, "start");
      activeMembers = withNulls(activeMembers);
      renewalsDue = withNulls(renewalsDue);
      renewals = withNulls(renewals);
      revenueMinor = withNulls(revenueMinor);
    }

    /**
     * Renewals made over renewals due, per interval.
     *
     * @return rates in [0, 1]; {@code null} for an immature cell or one with none due
     */
    @JsonProperty("renewalRate")
    public List<Double> renewalRate() {
      List<Double> rates = new ArrayList<>(renewalsDue.size());
      for (int k = 0; k < renewalsDue.size(); k++) {
        Long due = renewalsDue.get(k);
        rates.add(due == null || due == 0 ? null : renewals.get(k) / (double) due);
      }
      return Collections.unmodifiableList(rates);
    }

    /**
     * The churn rate per interval: 1 − the renewal rate, the share of periods due that ended the
     * membership.
     *
     * @return rates in [0, 1]; {@code null} where the renewal rate is
     */
    @JsonProperty("churnRate")
    public List<Double> churnRate() {
      List<Double> rates = new ArrayList<>(renewalsDue.size());
      for (Double rate : renewalRate()) {
        rates.add(rate == null ? null : 1 - rate);
      }
      return Collections.unmodifiableList(rates);
    }

    /**
     * Cumulative net revenue per cohort member, per interval.
     *
     * @return minor units per member; {@code null} for an immature cell
     */
    @JsonProperty("revenuePerMember")
    public List<Double> revenuePerMember() {
      List<Double> values = new ArrayList<>(revenueMinor.size());
      for (Long revenue : revenueMinor) {
        values.add(revenue == null || members == 0 ? null : revenue / (double) members);
      }
      return Collections.unmodifiableList(values);
    }

    private static List<Long> withNulls(List<Long> list) {
      return Collections.unmodifiableList(new ArrayList<>(Checks.requireNonNull(list, "list")));
    }
  }
}
