package dev.userops.incentives.push;

import dev.userops.core.CalendarIndex;
import dev.userops.core.internal.Checks;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntToLongFunction;

/**
 * One user's throttling state: consent per channel, the deliveries that caps still need, campaign
 * cool-downs, dedupe keys, active days and the send-time histogram. Immutable; a {@link PushPolicy}
 * makes new states ({@link PushPolicy#newState}) and returns them from {@link PushPolicy#apply}.
 * The state persists on its own ({@link #toBytes()}, {@link #toJson()}) and reads back without
 * the policy ({@link #fromBytes}, {@link #fromJson}).
 *
 * <p>A state is laid out by channel: it lists the channel ids it knows, in order. A policy given a
 * state of another layout (read back after the program's channels changed) lays it out for its own
 * channels first: channels the program no longer has are dropped with their answers and
 * deliveries, new ones have no answer. A state read back under an unchanged program needs no such
 * step, so the allocation-free {@link PushPolicy#decide} stays allocation-free for it.
 *
 * <p>Size of the binary form: a 12-byte header; the zone id (4 + its length); 4 + per channel 5 +
 * its id's length (consent); 4 + 8 per retained delivery (instant and channel), kept only while the
 * longest window counting its channel needs it (a rolling cap's length; a calendar cap's longest
 * period plus 2 days of slack for zone changes); 4 + 16 per campaign still in cool-down and per
 * dedupe key still in its window; 24 for active days; 12 + 5 per histogram hour with weight (at
 * most 168). A typical user of a 3-channel program with 3 caps (4 deliveries in 72 hours, one
 * campaign, one key, activity at 2 hours a day) takes 245 bytes, 955 as JSON ({@code
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
   * The channel ids this state is laid out for, in order: the program's channels for a state a
   * policy returned, the stored ones for a state read back.
   *
   * @return an unmodifiable list
   */
  public List<String> channels() {
    return channels;
  }

  /**
   * What the user said about {@code channel}: {@code true} yes, {@code false} no, {@code null}
   * nothing (then the channel's {@link PushProgram.Consent} decides).
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

  /**
   * The versioned binary form (family {@code PUSH}, version 1); see the type comment for sizes.
   *
   * @return a new array; channels are stored by id, so a later program can read it
   */
  public byte[] toBytes() {
    return PushStateCodec.toBytes(this);
  }

  /**
   * Reads a binary form written by {@link #toBytes()}.
   *
   * @param bytes the binary form
   * @return the state, laid out by its stored channels, in its stored zone
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException for bytes of another family or version, truncated bytes or a
   *     value out of range, naming the field
   */
  public static PushState fromBytes(byte[] bytes) {
    return PushStateCodec.fromBytes(Checks.requireNonNull(bytes, "bytes"));
  }

  /**
   * The versioned JSON form, version 2: {@code version}, {@code zone}, {@code channels}, {@code
   * consent} (answered channels only), {@code deliveries}, {@code campaigns} and {@code keys} (ids
   * as 16 hex digits of their hash), and when present {@code activity} and {@code histogram}.
   *
   * @return compact JSON, read back equal by {@link #fromJson}
   */
  public String toJson() {
    return PushStateCodec.toJson(this);
  }

  /**
   * Reads a JSON form written by {@link #toJson()}, version 2, or version 1 (which did not list
   * the channels: the state then knows the channels its answers and deliveries name).
   *
   * @param json the JSON form
   * @return the state, laid out by its stored channels, in its stored zone
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the JSON path of the bad value, e.g. {@code
   *     deliveries[0].sentAt}
   */
  public static PushState fromJson(String json) {
    return PushStateCodec.fromJson(json);
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

  /**
   * This state laid out for {@code channels} in {@code calendar}: answers and deliveries follow
   * their channel ids; those of channels not in the list, and deliveries whose channel has a
   * {@code horizon} of 0 (no cap counts them), are dropped.
   */
  PushState laidOut(List<String> channels, CalendarIndex calendar, IntToLongFunction horizon) {
    int[] mapping = new int[this.channels.size()];
    long grantedThere = 0;
    long revokedThere = 0;
    for (int i = 0; i < mapping.length; i++) {
      mapping[i] = channels.indexOf(this.channels.get(i));
      if (mapping[i] >= 0) {
        grantedThere |= (granted >>> i & 1) << mapping[i];
        revokedThere |= (revoked >>> i & 1) << mapping[i];
      }
    }
    long[] kept = new long[sends.length];
    int n = 0;
    for (long send : sends) {
      int channel = mapping[channelOf(send)];
      if (channel >= 0 && horizon.applyAsLong(channel) > 0) {
        kept[n++] = sentAt(send) << CHANNEL_BITS | channel;
      }
    }
    kept = Arrays.copyOf(kept, n);
    Arrays.sort(kept);
    return new PushState(channels, calendar, grantedThere, revokedThere, kept, campaigns, campaignTimes, keys, keyTimes,
        firstActiveDay, lastActiveDay, activeDays, histogram, histogramAsOf);
  }

  /** Sets id's time to the later of old and new, dropping entries older than window before the newest. */
  static long[][] upsert(long[] ids, long[] times, long id, long at, long window) {
    long newest = at;
    for (long t : times) {
      newest = Math.max(newest, t);
    }
    long[] outIds = new long[ids.length + 1];
    long[] outTimes = new long[ids.length + 1];
    int n = 0;
    boolean found = false;
    for (int i = 0; i < ids.length; i++) {
      long t = ids[i] == id ? Math.max(times[i], at) : times[i];
      found |= ids[i] == id;
      if (t > newest - window) {
        outIds[n] = ids[i];
        outTimes[n++] = t;
      }
    }
    if (!found && at > newest - window) {
      outIds[n] = id;
      outTimes[n++] = at;
    }
    return new long[][] {Arrays.copyOf(outIds, n), Arrays.copyOf(outTimes, n)};
  }

  PushState with(long granted, long revoked) {
    return new PushState(channels, calendar, granted, revoked, sends, campaigns, campaignTimes, keys, keyTimes,
        firstActiveDay, lastActiveDay, activeDays, histogram, histogramAsOf);
  }

  /** The same state laid out as {@code channels} (whose order may differ only by identity) in {@code calendar}. */
  PushState with(List<String> channels, CalendarIndex calendar) {
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

  /** Equal states hold the same data: the week start of the calendar they carry is the policy's, not theirs. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PushState other
        && channels.equals(other.channels)
        && calendar.zone().equals(other.calendar.zone())
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
