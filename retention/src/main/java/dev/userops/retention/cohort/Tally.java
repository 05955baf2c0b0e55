package dev.userops.retention.cohort;

import dev.userops.core.Diagnostics;
import dev.userops.core.WindowMode;
import java.util.ArrayList;
import java.util.List;

/** Counts memberships into cells and turns the counts into a {@link RetentionMatrix}. */
final class Tally {
  private final RetentionSpec spec;
  private final Frame frame;
  private final List<RetentionMatrix.Column> columns;
  /** Per column, the interval bits it covers (ON) or its first interval (ON_OR_AFTER). */
  private final long[] columnMasks;
  private final int[] columnFirsts;
  private final boolean onOrAfter;
  private final long[] sizes;
  /** {@code counts[cohort * columns + j]}, column j + 1. */
  private final long[] counts;

  Tally(RetentionSpec spec, Frame frame) {
    this.spec = spec;
    this.frame = frame;
    this.columns = spec.columns();
    this.columnMasks = new long[columns.size()];
    this.columnFirsts = new int[columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      RetentionMatrix.Column column = columns.get(j);
      columnFirsts[j] = column.first();
      columnMasks[j] = (-1L >>> (63 - column.last())) & (-1L << column.first());
    }
    this.onOrAfter = spec.returnMode() == ReturnMode.ON_OR_AFTER;
    this.sizes = new long[frame.cohorts];
    this.counts = new long[frame.cohorts * columns.size()];
  }

  /** One user in cohort {@code cohort} (offset from the first) with return mask {@code mask}. */
  void add(int cohort, long mask) {
    sizes[cohort]++;
    int base = cohort * columnMasks.length;
    for (int j = 0; j < columnMasks.length; j++) {
      boolean returned = onOrAfter ? (mask >>> columnFirsts[j]) != 0 : (mask & columnMasks[j]) != 0;
      if (returned) {
        counts[base + j]++;
      }
    }
  }

  RetentionMatrix result(Diagnostics diagnostics) {
    int width = columns.size() + 1;
    List<RetentionMatrix.Cohort> rows = new ArrayList<>();
    for (int c = 0; c < frame.cohorts; c++) {
      long size = sizes[c];
      List<Long> rowCounts = new ArrayList<>();
      for (int j = 0; j < width; j++) {
        rowCounts.add(j == 0 ? Long.valueOf(size)
            : mature(c, columns.get(j - 1)) ? Long.valueOf(counts[c * columns.size() + j - 1]) : null);
      }
      rows.add(RetentionMatrix.cohort(
          frame.calendar.periodStart(frame.granularity, frame.firstCohort + c), size, rowCounts));
    }
    return RetentionMatrix.of(spec.granularity(), spec.zone(), columns, rows, diagnostics);
  }

  /**
   * Whether every user of cohort {@code cohort} had their whole {@code column} elapse by {@code
   * asOf}: calendar, the period of its last interval is complete; rolling, the last window of a user
   * who started at the very end of the cohort period has ended.
   */
  private boolean mature(int cohort, RetentionMatrix.Column column) {
    long period = frame.firstCohort + cohort;
    if (spec.window() == WindowMode.CALENDAR) {
      return frame.calendar.isComplete(frame.granularity, period + column.last(), frame.asOfMillis);
    }
    long cohortEnd = frame.calendar.periodStartEpochMillis(frame.granularity, period + 1);
    // Inclusive like CalendarIndex.isComplete: complete once its last millisecond is at or before asOf.
    return cohortEnd + (column.last() + 1) * frame.rollingMillis - 1 <= frame.asOfMillis;
  }
}
