package dev.userops.incentives.push;

import dev.userops.core.CalendarIndex;
import dev.userops.incentives.push.PushProgram.SendTime;
import java.time.DayOfWeek;

/**
 * The activity model: a user's active local days (for adaptive caps) and a decayed histogram of
 * the local hours of the week they are active in, from which it proposes send times. Histogram
 * hours count from Monday 00:00 whatever the program's week start, so persisted states do not
 * depend on it.
 */
final class SendTimeModel {
  private static final long DAY = QuietWindow.MILLIS_PER_DAY;
  private static final long HOUR = 3_600_000L;

  private final double halfLifeMillis;
  private final int fallbackMinute;
  private final QuietWindow quiet;

  SendTimeModel(SendTime sendTime, QuietWindow quiet) {
    this.halfLifeMillis = sendTime.halfLife().toMillis();
    this.fallbackMinute = QuietWindow.minuteOfDay(sendTime.fallback().getHour(), sendTime.fallback().getMinute());
    this.quiet = quiet;
  }

  /** The calendar whose hour of week indexes the histogram: Monday-based, in the state's zone. */
  private static CalendarIndex histogramCalendar(PushState state) {
    return state.calendar.weekStart() == DayOfWeek.MONDAY ? state.calendar : CalendarIndex.of(state.zone());
  }

  /** {@code state} after activity at {@code millis}: its local day and hour of week recorded. */
  PushState record(PushState state, long millis) {
    long day = state.calendar.dayIndex(millis);
    long first = state.firstActiveDay == PushState.NO_DAY ? day : Math.min(state.firstActiveDay, day);
    long last = state.lastActiveDay;
    long bits = state.activeDays;
    if (last == PushState.NO_DAY || day > last) {
      long shift = last == PushState.NO_DAY ? 64 : day - last;
      bits = (shift >= 64 ? 0 : bits << shift) | 1;
      last = day;
    } else if (last - day < 64) {
      bits |= 1L << (last - day);
    }
    float[] histogram = state.histogram.length == 0 ? new float[PushState.HOURS_PER_WEEK] : state.histogram.clone();
    long asOf = state.histogram.length == 0 ? millis : state.histogramAsOf;
    if (millis >= asOf) {
      float decay = (float) Math.pow(0.5, (millis - asOf) / halfLifeMillis);
      for (int i = 0; i < histogram.length; i++) {
        histogram[i] *= decay;
      }
      asOf = millis;
    }
    histogram[histogramCalendar(state).hourOfWeek(millis)] += (float) Math.pow(0.5, (asOf - millis) / halfLifeMillis);
    return state.withActivity(first, last, bits, histogram, asOf);
  }

  /**
   * The start of the local hour within 7 days from {@code fromMillis} with the most weight whose
   * start is outside quiet hours ({@code fromMillis} itself for the current hour); else the
   * fallback local time, moved out of quiet hours.
   */
  long propose(PushState state, long fromMillis) {
    CalendarIndex calendar = state.calendar;
    CalendarIndex hours = histogramCalendar(state);
    long local = calendar.localMillis(fromMillis);
    long hourStart = Math.floorDiv(local, HOUR) * HOUR;
    long best = -1;
    float bestWeight = 0;
    for (int h = 0; h < PushState.HOURS_PER_WEEK && state.histogram.length > 0; h++) {
      long at = h == 0 ? fromMillis : calendar.nextEpochMillisOfLocal(fromMillis, hourStart + h * HOUR);
      float weight = state.histogram[hours.hourOfWeek(at)];
      if (weight > bestWeight && !quiet.isQuiet(calendar, at)) {
        bestWeight = weight;
        best = at;
      }
    }
    if (best < 0) {
      long dayStart = Math.floorDiv(local, DAY) * DAY;
      long target = dayStart + fallbackMinute * QuietWindow.MILLIS_PER_MINUTE;
      best = calendar.nextEpochMillisOfLocal(fromMillis, target < local ? target + DAY : target);
      if (quiet.isQuiet(calendar, best)) {
        best = quiet.end(calendar, best);
      }
    }
    return best;
  }
}
