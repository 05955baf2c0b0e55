package dev.userops.incentives.push;

import dev.userops.core.CalendarIndex;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One user's throttling state: consent per channel, the deliveries that caps still need, campaign
 * cool-downs, dedupe keys, active days and the send-time histogram. Immutable; {@link PushThrottle}
 * makes new states, reads and writes them ({@link PushThrottle#toBytes}, {@link
 * PushThrottle#toJson}). A state belongs to the channel list of the throttle that made or read it.
 *
 * <p>Size of the binary form: a 12-byte header; the zone id (4 + its length); 4 + per channel 5 +
 * its id's length (consent); 4 + 8 per retained delivery (instant and channel), kept only while the
 * longest window counting its channel needs it (a rolling cap's length; a calendar cap's longest
 * period plus 2 days of slack for zone changes); 4 + 16 per campaign still in cool-down and per
 * dedupe key still in its window; 24 for active days; 12 + 5 per histogram hour with weight (at
 * most 168). A typical user of a 3-channel policy with 3 caps (4 deliveries in 72 hours, one
 * campaign, one key, activity at 2 hours a day) takes 245 bytes, 918 as JSON ({@code
 * PushStateTest}).
 */
public final class PushState {
  /** No activity recorded: the day fields hold this. */
  static final long NO_DAY = Long.MIN_VALUE;
  static final int HOURS_PER_WEEK = 168;
  static final long[] NONE = new long[0];
  static final float[] NO_HISTOGRAM = new float[0];

  final List<String> channels;
  final CalendarIndex calendar;
  /** Bit i: the user said yes to channel i. */
  final long granted;
  /** Bit i: the user said no to channel i. */
  final long revoked;
  /** Capped deliveries, ascending: {@code sentAtMillis << CHANNEL_BITS | channel}. */
  final long[] sends;
  final long[] campaigns;
  final long[] campaignTimes;
  final long[] keys;
  final long[] keyTimes;
  final long firstActiveDay;
  final long lastActiveDay;
  /** Bit i: active on local day {@code lastActiveDay - i}. */
  final long activeDays;
  /** Decayed weights per local hour of week (Monday 00 = 0) as of {@link #histogramAsOf}, or empty. */
  final float[] histogram;
  final long histogramAsOf;

  static final int CHANNEL_BITS = 6;
  static final long CHANNEL_MASK = (1L << CHANNEL_BITS) - 1;

  PushState(
      List<String> channels,
      CalendarIndex calendar,
      long granted,
      long revoked,
      long[] sends,
      long[] campaigns,
      long[] campaignTimes,
      long[] keys,
      long[] keyTimes,
      long firstActiveDay,
      long lastActiveDay,
      long activeDays,
      float[] histogram,
      long histogramAsOf) {
    this.channels = channels;
    this.calendar = calendar;
    this.granted = granted;
    this.revoked = revoked;
    this.sends = sends;
    this.campaigns = campaigns;
    this.campaignTimes = campaignTimes;
    this.keys = keys;
    this.keyTimes = keyTimes;
    this.firstActiveDay = firstActiveDay;
    this.lastActiveDay = lastActiveDay;
    this.activeDays = activeDays;
    this.histogram = histogram;
    this.histogramAsOf = histogramAsOf;
  }

  /**
   * The user's zone: quiet hours, calendar caps, active days and send times are local to it.
   *
   * @return the zone the state was made or last moved to
   */
  public ZoneId zone() {
    return calendar.zone();
  }

  /**
   * The channel ids this state is laid out for, in the throttle's order.
   *
   * @return an unmodifiable list
   */
  public List<String> channels() {
    return channels;
  }

  /**
   * What the user said about {@code channel}: {@code true} yes, {@code false} no, {@code null}
   * nothing (then the channel's {@link PushPolicy.Consent} decides).
   *
   * @param channel a channel id of {@link #channels()}
   * @return the user's answer, or {@code null} if they gave none
   * @throws IllegalArgumentException for a channel this state does not know
   */
  public Boolean consent(String channel) {
    int i = channelIndex(channel);
    long bit = 1L << i;
    return (granted & bit) != 0 ? Boolean.TRUE : (revoked & bit) != 0 ? Boolean.FALSE : null;
  }

  /**
   * Number of deliveries retained for caps.
   *
   * @return deliveries still inside the longest cap window, {@code >= 0}
   */
  public int retainedDeliveries() {
    return sends.length;
  }

  int channelIndex(String channel) {
    int i = channels.indexOf(channel);
    if (i < 0) {
      throw new IllegalArgumentException(
          "channel: unknown channel \"" + channel + "\" (known: " + String.join(", ", channels) + ")");
    }
    return i;
  }

  static long sentAt(long send) {
    return send >>> CHANNEL_BITS;
  }

  static int channelOf(long send) {
    return (int) (send & CHANNEL_MASK);
  }

  PushState with(long granted, long revoked) {
    return new PushState(channels, calendar, granted, revoked, sends, campaigns, campaignTimes, keys, keyTimes,
        firstActiveDay, lastActiveDay, activeDays, histogram, histogramAsOf);
  }

  PushState with(CalendarIndex calendar) {
    return new PushState(channels, calendar, granted, revoked, sends, campaigns, campaignTimes, keys, keyTimes,
        firstActiveDay, lastActiveDay, activeDays, histogram, histogramAsOf);
  }

  PushState withDeliveries(long[] sends, long[] campaigns, long[] campaignTimes, long[] keys, long[] keyTimes) {
    return new PushState(channels, calendar, granted, revoked, sends, campaigns, campaignTimes, keys, keyTimes,
        firstActiveDay, lastActiveDay, activeDays, histogram, histogramAsOf);
  }

  PushState withActivity(long firstActiveDay, long lastActiveDay, long activeDays, float[] histogram, long histogramAsOf) {
    return new PushState(channels, calendar, granted, revoked, sends, campaigns, campaignTimes, keys, keyTimes,
        firstActiveDay, lastActiveDay, activeDays, histogram, histogramAsOf);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PushState other
        && channels.equals(other.channels)
        && calendar.zone().equals(other.calendar.zone())
        && calendar.weekStart() == other.calendar.weekStart()
        && granted == other.granted
        && revoked == other.revoked
        && Arrays.equals(sends, other.sends)
        && Arrays.equals(campaigns, other.campaigns)
        && Arrays.equals(campaignTimes, other.campaignTimes)
        && Arrays.equals(keys, other.keys)
        && Arrays.equals(keyTimes, other.keyTimes)
        && firstActiveDay == other.firstActiveDay
        && lastActiveDay == other.lastActiveDay
        && activeDays == other.activeDays
        && Arrays.equals(histogram, other.histogram)
        && histogramAsOf == other.histogramAsOf;
  }

  @Override
  public int hashCode() {
    return Objects.hash(channels, calendar.zone(), granted, revoked, Arrays.hashCode(sends),
        Arrays.hashCode(campaigns), Arrays.hashCode(keys), lastActiveDay, activeDays, Arrays.hashCode(histogram));
  }

  @Override
  public String toString() {
    return "PushState[zone=" + zone() + ", channels=" + channels + ", granted=" + Long.toBinaryString(granted)
        + ", revoked=" + Long.toBinaryString(revoked) + ", deliveries=" + sends.length + ", campaigns="
        + campaigns.length + ", keys=" + keys.length + ", lastActiveDay=" + lastActiveDay + "]";
  }
}
