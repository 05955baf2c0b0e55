package dev.userops.sample;

import dev.userops.core.CalendarIndex;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Maps a position on the shop's timeline, in days since the start date, to epoch millis. The
 * fractional part of a day is warped through a diurnal curve in the zone, so uniformly spread
 * positions become timestamps that are dense in the evening and sparse at night, and the mapping
 * stays monotone: events generated in position order come out in time order.
 */
final class Timeline {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final long MILLIS_PER_HOUR = 3_600_000L;
  /**
   * Relative order volume per local hour in a consumer shop: quiet at night, a midday peak and the
   * largest peak in the evening.
   */
  private static final double[] HOURLY_WEIGHTS = {
    3, 2, 1, 1, 1, 1, 2, 4, 6, 7, 8, 8, 7, 6, 6, 6, 6, 7, 8, 9, 10, 10, 8, 5
  };
  /** {@code CUMULATIVE[h]} is the share of the day's volume before local hour {@code h}. */
  private static final double[] CUMULATIVE = cumulative();

  private final CalendarIndex calendar;
  private final long startEpochDay;
  private final int days;
  private final long startMillis;
  private final long endMillis;

  Timeline(LocalDate start, int days, ZoneId zone) {
    this.calendar = CalendarIndex.of(zone);
    this.startEpochDay = start.toEpochDay();
    this.days = days;
    this.startMillis = start.atStartOfDay(zone).toInstant().toEpochMilli();
    this.endMillis = start.plusDays(days).atStartOfDay(zone).toInstant().toEpochMilli();
  }

  private static double[] cumulative() {
    double total = 0;
    for (double w : HOURLY_WEIGHTS) {
      total += w;
    }
    double[] cumulative = new double[HOURLY_WEIGHTS.length + 1];
    for (int h = 0; h < HOURLY_WEIGHTS.length; h++) {
      cumulative[h + 1] = cumulative[h] + HOURLY_WEIGHTS[h] / total;
    }
    cumulative[HOURLY_WEIGHTS.length] = 1;
    return cumulative;
  }

  /** Days on the timeline; positions lie in [0, days). */
  int days() {
    return days;
  }

  /** The largest position, just before the end of the last day. */
  double lastPosition() {
    return Math.nextDown((double) days);
  }

  long startMillis() {
    return startMillis;
  }

  long endMillis() {
    return endMillis;
  }

  /** The instant at {@code position} in [0, days), clamped to [startMillis, endMillis - 1]. */
  long epochMillis(double position) {
    long day = (long) position;
    long local = (startEpochDay + day) * MILLIS_PER_DAY + timeOfDayMillis(position - day);
    // Two passes find the offset in force at the instant, also next to a transition.
    long epoch = local - calendar.offsetMillis(local - calendar.offsetMillis(local));
    return Math.min(Math.max(epoch, startMillis), endMillis - 1);
  }

  /** Millis into the local day for a share {@code fraction} in [0, 1) of the day's volume. */
  private static long timeOfDayMillis(double fraction) {
    int low = 0;
    int high = HOURLY_WEIGHTS.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (CUMULATIVE[mid] <= fraction) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    double withinHour = (fraction - CUMULATIVE[low]) / (CUMULATIVE[low + 1] - CUMULATIVE[low]);
    return Math.min((long) ((low + withinHour) * MILLIS_PER_HOUR), MILLIS_PER_DAY - 1);
  }
}
