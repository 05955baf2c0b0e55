package dev.userops.retention.cohort;

import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.event.Activity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The retention definitions written the slow, obvious way with {@code java.time} and no shared code
 * but the result records: every user's events sorted, cohorts and intervals from local dates.
 * Tests compare the accumulator with it on random data.
 */
final class ReferenceMatrix {
  private ReferenceMatrix() {}

  static RetentionMatrix of(RetentionSpec spec, List<Activity> events) {
    List<Activity> valid = events.stream()
        .filter(a -> !a.occurredAt().isBefore(Instant.EPOCH) && !a.occurredAt().isAfter(spec.asOf()))
        .sorted(Comparator.comparing(Activity::occurredAt))
        .toList();
    Map<Long, List<Activity>> byUser = valid.stream()
        .collect(Collectors.groupingBy(Activity::userId, TreeMap::new, Collectors.toList()));
    LocalDate first = periodStart(spec, spec.from());
    LocalDate last = periodStart(spec, spec.to());
    List<LocalDate> cohortStarts = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = plusPeriods(spec, d, 1)) {
      cohortStarts.add(d);
    }
    List<RetentionMatrix.Column> columns = spec.columns();
    long[] sizes = new long[cohortStarts.size()];
    long[][] counts = new long[cohortStarts.size()][columns.size()];
    for (List<Activity> userEvents : byUser.values()) {
      List<Instant> starts = userEvents.stream()
          .filter(a -> spec.startsCohort(a.type())).map(Activity::occurredAt).toList();
      List<Instant> returns = userEvents.stream()
          .filter(a -> spec.countsAsReturn(a.type())).map(Activity::occurredAt).toList();
      List<Instant> entries = new ArrayList<>();
      if (spec.cohortMode() == CohortMode.FIRST_TIME) {
        if (!starts.isEmpty()) {
          entries.add(starts.get(0));
        }
      } else {
        LocalDate previous = null;
        for (Instant s : starts) {
          LocalDate cohort = periodStart(spec, localDate(spec, s));
          if (!cohort.equals(previous)) {
            entries.add(s);
          }
          previous = cohort;
        }
      }
      for (Instant s : entries) {
        int c = cohortStarts.indexOf(periodStart(spec, localDate(spec, s)));
        if (c < 0) {
          continue;
        }
        sizes[c]++;
        for (int j = 0; j < columns.size(); j++) {
          RetentionMatrix.Column column = columns.get(j);
          boolean returned = false;
          for (Instant r : returns) {
            long k = interval(spec, s, r);
            if (r.isBefore(s)) {
              continue;
            }
            returned |= spec.returnMode() == ReturnMode.ON
                ? k >= column.first() && k <= column.last()
                : k >= column.first();
          }
          counts[c][j] += returned ? 1 : 0;
        }
      }
    }
    int width = columns.size() + 1;
    long[] pooled = new long[width];
    long[] eligible = new long[width];
    double[] rateSums = new double[width];
    int[] rateCells = new int[width];
    List<RetentionMatrix.Cohort> rows = new ArrayList<>();
    for (int c = 0; c < cohortStarts.size(); c++) {
      List<Long> rowCounts = new ArrayList<>();
      List<Double> rowRates = new ArrayList<>();
      for (int j = 0; j < width; j++) {
        if (j > 0 && !mature(spec, cohortStarts.get(c), columns.get(j - 1).last())) {
          rowCounts.add(null);
          rowRates.add(null);
          continue;
        }
        long count = j == 0 ? sizes[c] : counts[c][j - 1];
        rowCounts.add(count);
        rowRates.add(sizes[c] == 0 ? null : (double) count / sizes[c]);
        pooled[j] += count;
        eligible[j] += sizes[c];
        if (sizes[c] > 0) {
          rateSums[j] += (double) count / sizes[c];
          rateCells[j]++;
        }
      }
      rows.add(new RetentionMatrix.Cohort(cohortStarts.get(c), sizes[c], rowCounts, rowRates));
    }
    List<Long> meanCounts = new ArrayList<>();
    List<Long> meanEligible = new ArrayList<>();
    List<Double> meanRates = new ArrayList<>();
    List<Double> simple = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      meanCounts.add(pooled[j]);
      meanEligible.add(eligible[j]);
      meanRates.add(eligible[j] == 0 ? null : (double) pooled[j] / eligible[j]);
      simple.add(rateCells[j] == 0 ? null : rateSums[j] / rateCells[j]);
    }
    return new RetentionMatrix(spec.granularity(), spec.zone(), columns, rows,
        new RetentionMatrix.Mean(meanCounts, meanEligible, meanRates), simple, Diagnostics.NONE);
  }

  static LocalDate localDate(RetentionSpec spec, Instant instant) {
    return LocalDate.ofInstant(instant, spec.zone());
  }

  static LocalDate periodStart(RetentionSpec spec, LocalDate date) {
    return switch (spec.granularity()) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(spec.weekStart()));
      case MONTH -> date.withDayOfMonth(1);
    };
  }

  static LocalDate plusPeriods(RetentionSpec spec, LocalDate periodStart, long n) {
    return switch (spec.granularity()) {
      case DAY -> periodStart.plusDays(n);
      case WEEK -> periodStart.plusWeeks(n);
      case MONTH -> periodStart.plusMonths(n);
    };
  }

  private static long interval(RetentionSpec spec, Instant start, Instant at) {
    if (spec.window() == WindowMode.ROLLING) {
      long periodMillis = Duration.ofDays(spec.granularity() == Granularity.WEEK ? 7 : 1).toMillis();
      return Math.floorDiv(Duration.between(start, at).toMillis(), periodMillis);
    }
    LocalDate s = periodStart(spec, localDate(spec, start));
    LocalDate r = periodStart(spec, localDate(spec, at));
    return switch (spec.granularity()) {
      case DAY -> ChronoUnit.DAYS.between(s, r);
      case WEEK -> ChronoUnit.WEEKS.between(s, r);
      case MONTH -> ChronoUnit.MONTHS.between(s, r);
    };
  }

  /** A cell is mature when its last millisecond is at or before asOf (events at asOf count). */
  private static boolean mature(RetentionSpec spec, LocalDate cohortStart, int lastInterval) {
    if (spec.window() == WindowMode.CALENDAR) {
      Instant end = plusPeriods(spec, cohortStart, lastInterval + 1L).atStartOfDay(spec.zone()).toInstant();
      return !end.minusMillis(1).isAfter(spec.asOf());
    }
    long periodDays = spec.granularity() == Granularity.WEEK ? 7 : 1;
    Instant cohortEnd = plusPeriods(spec, cohortStart, 1).atStartOfDay(spec.zone()).toInstant();
    return !cohortEnd.plus(Duration.ofDays(periodDays * (lastInterval + 1L))).minusMillis(1).isAfter(spec.asOf());
  }
}
