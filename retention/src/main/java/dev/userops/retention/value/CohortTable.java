package dev.userops.retention.value;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts and revenue per group of users and cohort, from the first cohort to the one containing
 * {@code asOf}, tallied once per result. A row holds first buyers, new users, converted new users,
 * then revenue by interval 0..{@code intervals}; rows are allocated on first use.
 */
final class CohortTable {
  static final int BUYERS = 0;
  static final int NEW_USERS = 1;
  static final int CONVERTED = 2;
  static final int REVENUE = 3;

  private final CalendarIndex calendar;
  private final Granularity granularity;
  private final int intervals;
  private final long firstCohort;
  private final long lastComplete;
  private final int cohorts;
  private final long[][][] rows;

  /**
   * @param firstCohort the first cohort's period index, {@link Long#MAX_VALUE} for none
   * @param asOfMillis the last period is the one containing it; periods complete at it are mature
   */
  CohortTable(
      CalendarIndex calendar,
      Granularity granularity,
      int intervals,
      int groups,
      long firstCohort,
      long asOfMillis) {
    this.calendar = calendar;
    this.granularity = granularity;
    this.intervals = intervals;
    this.firstCohort = firstCohort;
    long asOfPeriod = calendar.index(granularity, asOfMillis);
    this.lastComplete = lastCompletePeriod(calendar, granularity, asOfMillis);
    this.cohorts = firstCohort > asOfPeriod ? 0 : Math.toIntExact(asOfPeriod - firstCohort + 1);
    this.rows = new long[groups][][];
  }

  /** The last period fully elapsed at {@code asOfMillis} (inclusive: orders at asOf count). */
  static long lastCompletePeriod(CalendarIndex calendar, Granularity granularity, long asOfMillis) {
    long asOfPeriod = calendar.index(granularity, asOfMillis);
    return calendar.isComplete(granularity, asOfPeriod, asOfMillis) ? asOfPeriod : asOfPeriod - 1;
  }

  /** Cohorts from the first: offsets {@code [0, cohorts())}. */
  int cohorts() {
    return cohorts;
  }

  /**
   * The attribute ids whose group, {@code base + id}, has a row, in the order of their names with
   * none ({@link CohortRevenue#NO_ATTRIBUTE}) first.
   */
  List<Integer> attributesUsed(CohortRevenue revenue, int base) {
    List<Integer> ids = new ArrayList<>();
    for (int id = CohortRevenue.NO_ATTRIBUTE; id < revenue.attributeCount(); id++) {
      if (rows[base + id] != null) {
        ids.add(id);
      }
    }
    ids.sort(revenue::compareAttributes);
    return ids;
  }

  /** The row of {@code group} and cohort period {@code cohort}, allocated if new. */
  long[] row(int group, long cohort) {
    if (rows[group] == null) {
      rows[group] = new long[cohorts][];
    }
    int offset = (int) (cohort - firstCohort);
    long[] row = rows[group][offset];
    if (row == null) {
      row = new long[REVENUE + intervals + 1];
      rows[group][offset] = row;
    }
    return row;
  }

  /** The row of {@code group} at cohort {@code offset}, or {@code null} if nothing was tallied. */
  long[] rowAt(int group, int offset) {
    return rows[group] == null ? null : rows[group][offset];
  }

  /** The first local date of the cohort at {@code offset}. */
  LocalDate start(int offset) {
    return calendar.periodStart(granularity, firstCohort + offset);
  }

  /**
   * The row's revenue as cumulative revenue per interval, {@code null} for intervals whose period
   * is not complete.
   */
  List<Long> cumulativeRevenue(long[] row, int offset) {
    List<Long> revenue = new ArrayList<>(intervals + 1);
    long sum = 0;
    for (int k = 0; k <= intervals; k++) {
      sum = Math.addExact(sum, row[REVENUE + k]);
      revenue.add(firstCohort + offset + k <= lastComplete ? sum : null);
    }
    return Collections.unmodifiableList(revenue);
  }
}
