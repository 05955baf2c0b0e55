package dev.userops.incentives.push;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.incentives.push.Decision.Reason;
import dev.userops.incentives.push.Decision.Verdict;
import dev.userops.incentives.push.PushProgram.ChannelCap;
import java.util.List;
import java.util.Map;

/**
 * A program's caps as parallel arrays, and the exact check of a delivery log against them: rolling
 * caps by scanning the log back over the window, calendar caps by counting the log within the
 * local period (DST-correct, periods from {@link CalendarIndex}), adaptive limits from the state's
 * active days.
 */
final class CapTable {
  private static final long DAY = QuietWindow.MILLIS_PER_DAY;
  private static final long HOUR = 3_600_000L;
  /** Slack for calendar caps: a zone change moves local period boundaries by up to 26 hours. */
  private static final long ZONE_CHANGE_SLACK = 2 * DAY;
  /** Days of activity an adaptive limit counts, today included. */
  private static final int ADAPTIVE_DAYS = 28;

  private final int[] channel;
  private final long[] max;
  private final boolean[] rolling;
  private final long[] windowMillis;
  private final Granularity[] granularity;
  private final boolean[] adaptive;
  private final double[] perActiveDay;
  private final int[] clampMin;
  private final int[] clampMax;
  private final int[] minHistoryDays;
  /** Per channel: how long its deliveries matter to some cap; 0 if no cap counts it. */
  private final long[] channelHorizon;

  CapTable(List<ChannelCap> caps, Map<String, Integer> channelIndexes, int channelCount) {
    int n = caps.size();
    channel = new int[n];
    max = new long[n];
    rolling = new boolean[n];
    windowMillis = new long[n];
    granularity = new Granularity[n];
    adaptive = new boolean[n];
    perActiveDay = new double[n];
    clampMin = new int[n];
    clampMax = new int[n];
    minHistoryDays = new int[n];
    channelHorizon = new long[channelCount];
    for (int i = 0; i < n; i++) {
      ChannelCap cap = caps.get(i);
      channel[i] = cap.channel() == null ? -1 : channelIndexes.get(cap.channel());
      max[i] = cap.cap().max();
      rolling[i] = cap.cap().mode() == WindowMode.ROLLING;
      long horizon;
      if (rolling[i]) {
        windowMillis[i] = cap.cap().windowMillis();
        horizon = windowMillis[i];
      } else {
        granularity[i] = cap.cap().granularity();
        horizon = switch (granularity[i]) {
          case DAY -> DAY + HOUR;
          case WEEK -> 7 * DAY + HOUR;
          case MONTH -> 31 * DAY + HOUR;
        } + ZONE_CHANGE_SLACK;
      }
      if (cap.adaptive() != null) {
        adaptive[i] = true;
        perActiveDay[i] = cap.adaptive().perActiveDay();
        clampMin[i] = cap.adaptive().min();
        clampMax[i] = cap.adaptive().max();
        minHistoryDays[i] = cap.adaptive().minHistoryDays();
      }
      for (int c = 0; c < channelCount; c++) {
        if (channel[i] < 0 || channel[i] == c) {
          channelHorizon[c] = Math.max(channelHorizon[c], horizon);
        }
      }
    }
  }

  /** How long deliveries on {@code channel} matter to some cap, in millis; 0 if none counts them. */
  long horizon(int channel) {
    return channelHorizon[channel];
  }

  /**
   * SEND if a capped message on {@code channel} at {@code now} passes every cap matching the
   * channel, else the packed drop by the cap that allows a send latest. {@code offset} and {@code
   * day} are the zone's offset and the local day at {@code now}.
   */
  long check(PushState state, CalendarIndex calendar, int channel, long now, long offset, long day) {
    long latest = -1;
    int deciding = -1;
    for (int i = 0; i < max.length; i++) {
      int capped = this.channel[i];
      if (capped >= 0 && capped != channel) {
        continue;
      }
      long limit = adaptive[i] ? adaptiveMax(state, i, day) : max[i];
      long next = rolling[i]
          ? rollingNext(state.sends, capped, limit, windowMillis[i], now)
          : calendarNext(calendar, state.sends, capped, limit, granularity[i], now, offset, day);
      if (next > latest) {
        latest = next;
        deciding = i;
      }
    }
    if (deciding < 0) {
      return PackedDecision.SEND;
    }
    Reason reason = this.channel[deciding] >= 0 ? Reason.CAP_CHANNEL : Reason.CAP_ALL_CHANNELS;
    return PackedDecision.pack(Verdict.DROP, reason, PackedDecision.RULE_CAP, deciding, latest);
  }

  private long adaptiveMax(PushState state, int cap, long day) {
    if (state.firstActiveDay == PushState.NO_DAY || day - state.firstActiveDay + 1 < minHistoryDays[cap]) {
      return max[cap];
    }
    long activeDays = (long) Math.floor(perActiveDay[cap] * activeDaysIn28(state, day));
    return Math.max(clampMin[cap], Math.min(clampMax[cap], activeDays));
  }

  /** Active local days in the 28 days ending on {@code day}, today included. */
  static int activeDaysIn28(PushState state, long day) {
    if (state.lastActiveDay == PushState.NO_DAY) {
      return 0;
    }
    // Bit i of activeDays is day lastActiveDay - i; the window is days day-27..day.
    long shift = day - state.lastActiveDay;
    long lo = Math.max(0, -shift);
    long hi = Math.min(63, ADAPTIVE_DAYS - 1 - shift);
    if (lo > hi) {
      return 0;
    }
    long mask = (hi == 63 ? -1L : (1L << (hi + 1)) - 1) & -(1L << lo);
    return Long.bitCount(state.activeDays & mask);
  }

  /** -1 if a send at {@code now} keeps at most max in (now - window, now], else when it would. */
  private static long rollingNext(long[] sends, int channel, long max, long window, long now) {
    if (max == 0) {
      return PackedDecision.NEVER;
    }
    long floor = now - window;
    int count = 0;
    for (int j = sends.length - 1; j >= 0; j--) {
      long send = sends[j];
      long at = PushState.sentAt(send);
      if (at <= floor) {
        break;
      }
      if ((channel < 0 || PushState.channelOf(send) == channel) && ++count == max) {
        return at + window;
      }
    }
    return -1;
  }

  /**
   * -1 if the local period of {@code now} has fewer than max counted sends, else the next period's
   * start.
   */
  private static long calendarNext(
      CalendarIndex calendar, long[] sends, int channel, long max, Granularity granularity, long now, long offset, long day) {
    if (max == 0) {
      return PackedDecision.NEVER;
    }
    long period = calendar.indexOfDay(granularity, day);
    long start = periodStart(calendar, granularity, calendar.periodStartDay(granularity, period), offset);
    int count = 0;
    for (int j = sends.length - 1; j >= 0 && PushState.sentAt(sends[j]) >= start; j--) {
      if ((channel < 0 || PushState.channelOf(sends[j]) == channel) && ++count == max) {
        return periodStart(calendar, granularity, calendar.periodStartDay(granularity, period + 1), offset);
      }
    }
    return -1;
  }

  /**
   * The first instant of local day {@code firstDay}. Usually the zone's offset then is the one at
   * the decision ({@code offset}), with no transition in between, and lookups just before (and, for
   * weeks and months, at) that instant confirm it; otherwise the calendar's general rule.
   */
  private static long periodStart(CalendarIndex calendar, Granularity granularity, long firstDay, long offset) {
    long candidate = firstDay * DAY - offset;
    return calendar.offsetMillis(candidate - 1) == offset
            && (granularity == Granularity.DAY || calendar.offsetMillis(candidate) == offset)
        ? candidate
        : calendar.epochMillisOfLocal(firstDay * DAY);
  }
}
