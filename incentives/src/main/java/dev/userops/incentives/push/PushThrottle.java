package dev.userops.incentives.push;

import dev.userops.core.CalendarIndex;
import dev.userops.core.internal.Checks;
import dev.userops.core.Granularity;
import dev.userops.incentives.push.Decision.Outcome;
import dev.userops.incentives.push.Decision.Reason;
import dev.userops.incentives.push.PushPolicy.Cap;
import dev.userops.core.WindowMode;
import dev.userops.incentives.push.PushPolicy.MessageClass;
import dev.userops.incentives.push.PushPolicy.QuietHoursAction;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled {@link PushPolicy}: decides whether a message may go to a user now, and folds
 * deliveries and activity into the user's {@link PushState}. Pure: no clock, no I/O, no mutable
 * state beyond a cache of calendar tables per zone; thread-safe.
 *
 * <p>Rules, in the order they decide: consent for the channel ({@link Reason#NO_CONSENT}); the
 * message key delivered within the dedupe window ({@link Reason#DUPLICATE}); quiet hours in the
 * user's zone, unless the class ignores them ({@link Reason#QUIET_HOURS}, deferred to the first
 * instant after the window or dropped); then, for capped classes only, the campaign cool-down
 * ({@link Reason#COOL_DOWN}), a clock behind the newest counted delivery ({@link
 * Reason#CLOCK_BEHIND}) and every cap matching the channel ({@link Reason#CAP_CHANNEL}, {@link
 * Reason#CAP_ALL_CHANNELS}). When several caps are reached, the one that allows a send latest
 * decides, and {@link Decision#nextAllowed()} is that instant: the earliest at which every cap admits
 * the message.
 *
 * <p>Caps are exact: a rolling cap of N per W never lets N + 1 counted deliveries fall in any
 * half-open window of length W, and a calendar cap counts deliveries in the user's local day, week or
 * month, DST-correct, in the zone the state has at decision time. The state keeps the exact log of
 * counted deliveries for the longest window that needs it (a sliding log, not a token bucket:
 * token buckets such as Bucket4j's refill gradually or per interval and admit bursts that an exact
 * "N in any W" rule forbids).
 *
 * <p>Instants are epoch millis in [1970-01-01, about 2527-06) ({@link #MAX_MILLIS}) so that a
 * decision packs into one {@code long} on the allocation-free path ({@link #decide(PushState, int,
 * int, long, long, long)}).
 */
public final class PushThrottle {
  /** Latest instant a decision or delivery may carry, in epoch millis (2^44 - 2). */
  public static final long MAX_MILLIS = (1L << 44) - 2;

  private static final long NEVER = (1L << 44) - 1;
  private static final long TIME_MASK = (1L << 44) - 1;
  private static final int OUTCOME_SHIFT = 44;
  private static final int REASON_SHIFT = 46;
  private static final int RULE_KIND_SHIFT = 51;
  private static final int RULE_INDEX_SHIFT = 55;
  private static final int RULE_NONE = 0;
  private static final int RULE_CONSENT = 1;
  private static final int RULE_DEDUPE = 2;
  private static final int RULE_QUIET = 3;
  private static final int RULE_QUIET_DROP = 4;
  private static final int RULE_COOL_DOWN = 5;
  private static final int RULE_CAP = 6;
  private static final int RULE_CLOCK = 7;
  private static final long SEND_CODE = 0;
  private static final Reason[] REASONS = Reason.values();
  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final long HOUR = 3_600_000L;
  /** Slack for calendar caps: a zone change moves local period boundaries by up to 26 hours. */
  private static final long ZONE_CHANGE_SLACK = 2 * LocalTimes.MILLIS_PER_DAY;

  private final PushPolicy policy;
  private final List<String> channels;
  private final Map<String, Integer> channelIndexes = new HashMap<>();
  private final Map<String, Integer> classIndexes = new HashMap<>();
  private final List<String> classNames;
  private final long optOut;
  private final boolean[] classCapped;
  private final QuietHoursAction[] classQuiet;
  private final int[] classPriority;
  private final int[] capChannel;
  private final int[] capMax;
  private final boolean[] capRolling;
  private final long[] capWindowMillis;
  private final Granularity[] capGranularity;
  private final boolean[] capAdaptive;
  private final double[] capPerActiveDay;
  private final int[] capClampMin;
  private final int[] capClampMax;
  private final int[] capMinHistoryDays;
  /** Per channel: how long its deliveries matter to some cap; 0 if no cap counts it. */
  private final long[] channelHorizon;
  private final boolean hasQuiet;
  /** First quiet millisecond of the local day. */
  private final long quietStartMillis;
  /** First millisecond after the last quiet minute: both boundary minutes are inside. */
  private final long quietEndMillis;
  private final int quietEnd;
  private final long coolDownMillis;
  private final long dedupeMillis;
  private final double halfLifeMillis;
  private final int fallbackMinute;
  private final Map<ZoneId, CalendarIndex> calendars = new ConcurrentHashMap<>();

  private PushThrottle(PushPolicy policy) {
    this.policy = policy;
    this.channels = policy.channels().stream().map(PushPolicy.Channel::id).toList();
    long optOutMask = 0;
    for (int i = 0; i < channels.size(); i++) {
      channelIndexes.put(channels.get(i), i);
      if (policy.channels().get(i).consent() == PushPolicy.Consent.OPT_OUT) {
        optOutMask |= 1L << i;
      }
    }
    this.optOut = optOutMask;
    List<MessageClass> classes = policy.classes();
    this.classNames = classes.stream().map(MessageClass::name).toList();
    this.classCapped = new boolean[classes.size()];
    this.classQuiet = new QuietHoursAction[classes.size()];
    this.classPriority = new int[classes.size()];
    for (int i = 0; i < classes.size(); i++) {
      classIndexes.put(classes.get(i).name(), i);
      classCapped[i] = classes.get(i).capped();
      classQuiet[i] = classes.get(i).quietHours();
      classPriority[i] = classes.get(i).priority();
    }
    List<Cap> caps = policy.caps();
    int n = caps.size();
    capChannel = new int[n];
    capMax = new int[n];
    capRolling = new boolean[n];
    capWindowMillis = new long[n];
    capGranularity = new Granularity[n];
    capAdaptive = new boolean[n];
    capPerActiveDay = new double[n];
    capClampMin = new int[n];
    capClampMax = new int[n];
    capMinHistoryDays = new int[n];
    channelHorizon = new long[channels.size()];
    for (int i = 0; i < n; i++) {
      Cap cap = caps.get(i);
      capChannel[i] = cap.channel() == null ? -1 : channelIndexes.get(cap.channel());
      capMax[i] = cap.max();
      capRolling[i] = cap.mode() == WindowMode.ROLLING;
      long horizon;
      if (capRolling[i]) {
        capWindowMillis[i] = Cap.rollingMillis(cap.window());
        horizon = capWindowMillis[i];
      } else {
        capGranularity[i] = Cap.calendarGranularity(cap.window());
        horizon = switch (capGranularity[i]) {
          case DAY -> LocalTimes.MILLIS_PER_DAY + HOUR;
          case WEEK -> 7 * LocalTimes.MILLIS_PER_DAY + HOUR;
          case MONTH -> 31 * LocalTimes.MILLIS_PER_DAY + HOUR;
        } + ZONE_CHANGE_SLACK;
      }
      if (cap.adaptive() != null) {
        capAdaptive[i] = true;
        capPerActiveDay[i] = cap.adaptive().perActiveDay();
        capClampMin[i] = cap.adaptive().min();
        capClampMax[i] = cap.adaptive().max();
        capMinHistoryDays[i] = cap.adaptive().minHistoryDays();
      }
      for (int c = 0; c < channels.size(); c++) {
        if (capChannel[i] < 0 || capChannel[i] == c) {
          channelHorizon[c] = Math.max(channelHorizon[c], horizon);
        }
      }
    }
    hasQuiet = policy.quietHours() != null;
    quietEnd = hasQuiet ? minuteOfDay(policy.quietHours().end()) : 0;
    quietStartMillis = hasQuiet ? minuteOfDay(policy.quietHours().start()) * LocalTimes.MILLIS_PER_MINUTE : 0;
    quietEndMillis = (quietEnd + 1) * LocalTimes.MILLIS_PER_MINUTE;
    coolDownMillis = policy.campaignCoolDown() == null ? 0 : policy.campaignCoolDown().toMillis();
    dedupeMillis = policy.dedupeWindow().toMillis();
    halfLifeMillis = policy.sendTime().halfLife().toMillis();
    fallbackMinute = minuteOfDay(policy.sendTime().fallback());
  }

  private static int minuteOfDay(java.time.LocalTime time) {
    return time.getHour() * 60 + time.getMinute();
  }

  /**
   * The engine for {@code policy}. Build once and share: construction precomputes the rules.
   *
   * @param policy the validated policy
   * @return a new, thread-safe engine
   * @throws NullPointerException if {@code policy} is null
   */
  public static PushThrottle of(PushPolicy policy) {
    return new PushThrottle(Checks.requireNonNull(policy, "policy"));
  }

  /**
   * The policy this engine decides by.
   *
   * @return the policy given to {@link #of}
   */
  public PushPolicy policy() {
    return policy;
  }

  // ---------------------------------------------------------------- states

  /**
   * A user with no consent answers, deliveries or activity, in {@code zone}.
   *
   * @param zone the user's zone
   * @return a new state laid out for this policy's channels
   * @throws NullPointerException if {@code zone} is null
   */
  public PushState newState(ZoneId zone) {
    return new PushState(channels, calendar(zone), 0, 0, PushState.NONE, PushState.NONE, PushState.NONE,
        PushState.NONE, PushState.NONE, PushState.NO_DAY, PushState.NO_DAY, 0, PushState.NO_HISTOGRAM, 0);
  }

  /**
   * {@code state} after the user said yes ({@code true}) or no ({@code false}) to {@code channel}.
   *
   * @param state a state of this throttle's channels
   * @param channel a channel id of the policy
   * @param consent the user's answer; replaces any earlier one
   * @return the new state
   * @throws NullPointerException if {@code state} or {@code channel} is null
   * @throws IllegalArgumentException for an unknown channel or a state of another channel layout
   */
  public PushState withConsent(PushState state, String channel, boolean consent) {
    requireOwn(state);
    long bit = 1L << channelIndex(channel);
    return consent ? state.with(state.granted | bit, state.revoked & ~bit) : state.with(state.granted & ~bit, state.revoked | bit);
  }

  /**
   * {@code state} with the user in another zone. Deliveries keep their instants; calendar caps then
   * count them in the new zone's periods, and active days recorded so far keep their old dates.
   *
   * @param state a state of this throttle's channels
   * @param zone the user's new zone
   * @return the new state
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for a state of another channel layout
   */
  public PushState withZone(PushState state, ZoneId zone) {
    return requireOwn(state).with(calendar(zone));
  }

  CalendarIndex calendar(ZoneId zone) {
    Checks.requireNonNull(zone, "zone");
    return calendars.computeIfAbsent(zone, z -> CalendarIndex.of(z, policy.weekStart()));
  }

  private PushState requireOwn(PushState state) {
    Checks.requireNonNull(state, "state");
    if (state.channels != channels && !state.channels.equals(channels)) {
      throw new IllegalArgumentException(
          "state: made for channels " + state.channels + ", this policy has " + channels
              + "; read it with this throttle's stateFromBytes or stateFromJson");
    }
    return state;
  }

  // ---------------------------------------------------------------- decisions

  /**
   * Whether {@code message} may go to the user of {@code state} at {@code now}. Changes nothing:
   * record the delivery with {@link #record(PushState, Delivery)} once it is sent.
   *
   * @param state a state of this throttle's channels
   * @param message the message
   * @param now the decision instant
   * @return send, defer with the end of quiet hours, or drop with the reason and deciding rule
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for a channel or class the policy does not know, a state of
   *     another channel layout, or {@code now} outside [1970, {@link #MAX_MILLIS}]
   */
  public Decision decide(PushState state, Message message, Instant now) {
    Checks.requireNonNull(message, "message");
    Checks.requireNonNull(now, "now");
    long code = decide(state, channelIndex(message.channel()), classIndex(message.messageClass()),
        idHash(message.campaign()), idHash(message.key()), now.toEpochMilli());
    return decision(code);
  }

  /**
   * The allocation-free form of {@link #decide(PushState, Message, Instant)}: indexes from {@link
   * #channelIndex(String)} and {@link #classIndex(String)}, ids from {@link #idHash(String)} (0 for
   * none), {@code nowMillis} in epoch millis. Returns the decision packed in a {@code long}: {@link
   * #isSend(long)} tests it, {@link #decision(long)} unpacks it.
   *
   * @param state a state of this throttle's channels
   * @param channel a channel index from {@link #channelIndex(String)}
   * @param messageClass a class index from {@link #classIndex(String)}
   * @param campaign the campaign's {@link #idHash(String)}, 0 for none
   * @param key the message key's {@link #idHash(String)}, 0 for none
   * @param nowMillis the decision instant, epoch millis in [0, {@link #MAX_MILLIS}]
   * @return the packed decision; 0 for send
   * @throws NullPointerException if {@code state} is null
   * @throws IllegalArgumentException for an index out of range, a state of another channel layout
   *     or {@code nowMillis} out of range
   */
  public long decide(PushState state, int channel, int messageClass, long campaign, long key, long nowMillis) {
    requireArguments(state, channel, messageClass, nowMillis, "now");
    long bit = 1L << channel;
    if ((state.granted & bit) == 0 && ((optOut & bit) == 0 || (state.revoked & bit) != 0)) {
      return pack(Outcome.DROP, Reason.NO_CONSENT, RULE_CONSENT, channel, 0);
    }
    if (key != 0 && indexOf(state.keys, state.keyTimes, key, nowMillis - dedupeMillis) >= 0) {
      return pack(Outcome.DROP, Reason.DUPLICATE, RULE_DEDUPE, 0, 0);
    }
    CalendarIndex calendar = state.calendar;
    long offset = calendar.offsetMillis(nowMillis);
    // The local day as CalendarIndex.dayIndex defines it, and the time of day: one division for both.
    long day = Math.floorDiv(nowMillis + offset, LocalTimes.MILLIS_PER_DAY);
    QuietHoursAction quiet = classQuiet[messageClass];
    if (hasQuiet && quiet != QuietHoursAction.IGNORE
        && isQuietTimeOfDay(nowMillis + offset - day * LocalTimes.MILLIS_PER_DAY)) {
      long end = quietEnd(state.calendar, nowMillis);
      return quiet == QuietHoursAction.DEFER
          ? pack(Outcome.DEFER, Reason.QUIET_HOURS, RULE_QUIET, 0, end)
          : pack(Outcome.DROP, Reason.QUIET_HOURS, RULE_QUIET_DROP, messageClass, end);
    }
    if (!classCapped[messageClass]) {
      return SEND_CODE;
    }
    if (campaign != 0 && coolDownMillis > 0) {
      int i = indexOf(state.campaigns, state.campaignTimes, campaign, nowMillis - coolDownMillis);
      if (i >= 0) {
        return pack(Outcome.DROP, Reason.COOL_DOWN, RULE_COOL_DOWN, 0, state.campaignTimes[i] + coolDownMillis);
      }
    }
    long[] sends = state.sends;
    if (sends.length > 0 && PushState.sentAt(sends[sends.length - 1]) > nowMillis) {
      return pack(Outcome.DROP, Reason.CLOCK_BEHIND, RULE_CLOCK, 0, PushState.sentAt(sends[sends.length - 1]));
    }
    long latest = -1;
    int decidingCap = -1;
    for (int i = 0; i < capMax.length; i++) {
      int capped = capChannel[i];
      if (capped >= 0 && capped != channel) {
        continue;
      }
      int max = capAdaptive[i] ? adaptiveMax(state, i, day) : capMax[i];
      long next = capRolling[i]
          ? rollingNext(sends, capped, max, capWindowMillis[i], nowMillis)
          : calendarNext(calendar, sends, capped, max, capGranularity[i], nowMillis, offset, day);
      if (next > latest) {
        latest = next;
        decidingCap = i;
      }
    }
    if (decidingCap >= 0) {
      Reason reason = capChannel[decidingCap] >= 0 ? Reason.CAP_CHANNEL : Reason.CAP_ALL_CHANNELS;
      return pack(Outcome.DROP, reason, RULE_CAP, decidingCap, latest);
    }
    return SEND_CODE;
  }

  /** Plain comparisons first: the decision path must not build varargs arrays for checks that pass. */
  private void requireArguments(PushState state, int channel, int messageClass, long millis, String name) {
    if (state == null || state.channels != channels) {
      requireOwn(state);
    }
    if (channel < 0 || channel >= channelHorizon.length) {
      throw new IllegalArgumentException("channel must be in [0, " + channelHorizon.length + "), got " + channel);
    }
    if (messageClass < 0 || messageClass >= classCapped.length) {
      throw new IllegalArgumentException("messageClass must be in [0, " + classCapped.length + "), got " + messageClass);
    }
    requireMillis(millis, name);
  }

  private static void requireMillis(long millis, String name) {
    if (millis < 0 || millis > MAX_MILLIS) {
      throw new IllegalArgumentException(name + " must be in [0, " + MAX_MILLIS + "] epoch millis, got " + millis);
    }
  }

  /** Instants past {@link #MAX_MILLIS} (a cool-down or window running past 2527) read as never. */
  private static long pack(Outcome outcome, Reason reason, int ruleKind, int ruleIndex, long millis) {
    return Math.min(millis, NEVER)
        | (long) outcome.ordinal() << OUTCOME_SHIFT
        | (long) (reason.ordinal() + 1) << REASON_SHIFT
        | (long) ruleKind << RULE_KIND_SHIFT
        | (long) ruleIndex << RULE_INDEX_SHIFT;
  }

  /**
   * Whether a packed decision of {@link #decide(PushState, int, int, long, long, long)} is SEND.
   *
   * @param decision a packed decision
   * @return {@code true} for send, {@code false} for defer or drop
   */
  public static boolean isSend(long decision) {
    return decision == SEND_CODE;
  }

  /**
   * Unpacks a decision of {@link #decide(PushState, int, int, long, long, long)}.
   *
   * @param code a packed decision of this throttle; other values may throw
   * @return the decision, with rule paths of this throttle's policy
   * @throws IllegalArgumentException for some values that are not packed decisions
   */
  public Decision decision(long code) {
    if (code == SEND_CODE) {
      return new Decision(Outcome.SEND, null, null, null, null);
    }
    Outcome outcome = OUTCOMES[(int) (code >>> OUTCOME_SHIFT) & 3];
    Reason reason = REASONS[((int) (code >>> REASON_SHIFT) & 31) - 1];
    int index = (int) (code >>> RULE_INDEX_SHIFT) & 0xFF;
    String rule = switch ((int) (code >>> RULE_KIND_SHIFT) & 15) {
      case RULE_CONSENT -> "channels[" + index + "].consent";
      case RULE_DEDUPE -> "dedupeWindow";
      case RULE_QUIET -> "quietHours";
      case RULE_QUIET_DROP -> "classes[" + index + "].quietHours";
      case RULE_COOL_DOWN -> "campaignCoolDown";
      case RULE_CAP -> "caps[" + index + "]";
      case RULE_CLOCK -> "caps";
      default -> throw new IllegalArgumentException("not a packed decision: " + Long.toHexString(code));
    };
    long millis = code & TIME_MASK;
    Instant instant = millis == NEVER || reason == Reason.NO_CONSENT || reason == Reason.DUPLICATE
        ? null
        : Instant.ofEpochMilli(millis);
    return outcome == Outcome.DEFER
        ? new Decision(outcome, reason, rule, instant, null)
        : new Decision(outcome, reason, rule, null, reason == Reason.QUIET_HOURS ? null : instant);
  }

  private boolean isQuiet(CalendarIndex calendar, long millis) {
    return isQuietTimeOfDay(Math.floorMod(LocalTimes.local(calendar, millis), LocalTimes.MILLIS_PER_DAY));
  }

  /** Whether local time of day {@code millisOfDay} (in [0, 1 day)) is inside quiet hours. */
  private boolean isQuietTimeOfDay(long millisOfDay) {
    return quietStartMillis < quietEndMillis
        ? millisOfDay >= quietStartMillis && millisOfDay < quietEndMillis
        : millisOfDay >= quietStartMillis || millisOfDay < quietEndMillis;
  }

  /**
   * The first instant after {@code millis} outside quiet hours. Usually the minute after the
   * window's last; where DST skips the local minutes outside the window, the next window's end.
   */
  private long quietEnd(CalendarIndex calendar, long millis) {
    long at = millis;
    do {
      long local = LocalTimes.local(calendar, at);
      long dayStart = Math.floorDiv(local, LocalTimes.MILLIS_PER_DAY) * LocalTimes.MILLIS_PER_DAY;
      int minute = (int) ((local - dayStart) / LocalTimes.MILLIS_PER_MINUTE);
      long target = dayStart + (quietEnd + 1) * LocalTimes.MILLIS_PER_MINUTE
          + (minute > quietEnd ? LocalTimes.MILLIS_PER_DAY : 0);
      at = LocalTimes.firstInstantAtLocal(calendar, at, target);
    } while (isQuiet(calendar, at));
    return at;
  }

  private int adaptiveMax(PushState state, int cap, long day) {
    if (state.firstActiveDay == PushState.NO_DAY || day - state.firstActiveDay + 1 < capMinHistoryDays[cap]) {
      return capMax[cap];
    }
    long activeDays = (long) Math.floor(capPerActiveDay[cap] * activeDaysIn28(state, day));
    return (int) Math.max(capClampMin[cap], Math.min(capClampMax[cap], activeDays));
  }

  /** Active local days in the 28 days ending on {@code day}, today included. */
  static int activeDaysIn28(PushState state, long day) {
    if (state.lastActiveDay == PushState.NO_DAY) {
      return 0;
    }
    // Bit i of activeDays is day lastActiveDay - i; the window is days day-27..day.
    long shift = day - state.lastActiveDay;
    long lo = Math.max(0, -shift);
    long hi = Math.min(63, 27 - shift);
    if (lo > hi) {
      return 0;
    }
    long mask = (hi == 63 ? -1L : (1L << (hi + 1)) - 1) & -(1L << lo);
    return Long.bitCount(state.activeDays & mask);
  }

  /** -1 if a send at {@code now} keeps at most max in (now - window, now], else when it would. */
  private static long rollingNext(long[] sends, int channel, int max, long window, long now) {
    if (max == 0) {
      return NEVER;
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
   * start. {@code offset} and {@code day} are the zone's offset and the local day at {@code now}.
   */
  private static long calendarNext(
      CalendarIndex calendar, long[] sends, int channel, int max, Granularity granularity, long now, long offset, long day) {
    if (max == 0) {
      return NEVER;
    }
    long firstDay = LocalTimes.periodFirstDay(calendar, granularity, day);
    long start = periodStart(calendar, granularity, firstDay, now, offset);
    int count = 0;
    for (int j = sends.length - 1; j >= 0 && PushState.sentAt(sends[j]) >= start; j--) {
      if ((channel < 0 || PushState.channelOf(sends[j]) == channel) && ++count == max) {
        long nextDay = LocalTimes.nextPeriodFirstDay(calendar, granularity, day);
        return periodStart(calendar, granularity, nextDay, now, offset);
      }
    }
    return -1;
  }

  /**
   * The first instant of local day {@code firstDay}. Usually the zone's offset then is the one at
   * {@code now}, with no transition in between, and lookups just before (and, for weeks and months,
   * at) that instant confirm it; otherwise the general search. Within a day no tz zone has two
   * transitions, so for days one lookup suffices.
   */
  private static long periodStart(CalendarIndex calendar, Granularity granularity, long firstDay, long now, long offset) {
    long candidate = firstDay * LocalTimes.MILLIS_PER_DAY - offset;
    return calendar.offsetMillis(candidate - 1) == offset
            && (granularity == Granularity.DAY || calendar.offsetMillis(candidate) == offset)
        ? candidate
        : LocalTimes.dayStartMillis(calendar, firstDay, now);
  }

  private static int indexOf(long[] ids, long[] times, long id, long after) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id && times[i] > after) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- transitions

  /**
   * {@code state} after {@code delivery}: counted for caps if its class is capped and some cap
   * counts its channel, its campaign's cool-down restarted (capped classes), its key remembered for
   * the dedupe window. Entries no rule needs any more are dropped. Recording a keyed delivery twice
   * returns the same state; without a key the state cannot tell a redelivery from a second send.
   *
   * @param state a state of this throttle's channels
   * @param delivery what was sent and when; may be older than deliveries already recorded
   * @return the new state, or {@code state} itself for a keyed redelivery
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for an unknown channel or class, a state of another channel
   *     layout, or a time outside [1970, {@link #MAX_MILLIS}]
   */
  public PushState record(PushState state, Delivery delivery) {
    Checks.requireNonNull(delivery, "delivery");
    Message message = delivery.message();
    return record(state, channelIndex(message.channel()), classIndex(message.messageClass()),
        idHash(message.campaign()), idHash(message.key()), delivery.sentAt().toEpochMilli());
  }

  /**
   * The primitive form of {@link #record(PushState, Delivery)}; arguments as for {@code decide}.
   *
   * @param state a state of this throttle's channels
   * @param channel a channel index from {@link #channelIndex(String)}
   * @param messageClass a class index from {@link #classIndex(String)}
   * @param campaign the campaign's {@link #idHash(String)}, 0 for none
   * @param key the message key's {@link #idHash(String)}, 0 for none
   * @param sentAtMillis when it was sent, epoch millis in [0, {@link #MAX_MILLIS}]
   * @return the new state, or {@code state} itself for a keyed redelivery
   * @throws NullPointerException if {@code state} is null
   * @throws IllegalArgumentException for an index or time out of range, or a state of another
   *     channel layout
   */
  public PushState record(PushState state, int channel, int messageClass, long campaign, long key, long sentAtMillis) {
    requireArguments(state, channel, messageClass, sentAtMillis, "sentAt");
    if (key != 0) {
      for (int i = 0; i < state.keys.length; i++) {
        if (state.keys[i] == key && state.keyTimes[i] == sentAtMillis) {
          return state;
        }
      }
    }
    boolean capped = classCapped[messageClass];
    long[] sends = capped && channelHorizon[channel] > 0
        ? insertSend(state.sends, sentAtMillis << PushState.CHANNEL_BITS | channel)
        : state.sends;
    long[][] campaigns = capped && campaign != 0 && coolDownMillis > 0
        ? upsert(state.campaigns, state.campaignTimes, campaign, sentAtMillis, coolDownMillis)
        : new long[][] {state.campaigns, state.campaignTimes};
    long[][] keys = key != 0
        ? upsert(state.keys, state.keyTimes, key, sentAtMillis, dedupeMillis)
        : new long[][] {state.keys, state.keyTimes};
    return state.withDeliveries(sends, campaigns[0], campaigns[1], keys[0], keys[1]);
  }

  /** Inserts in time order and drops what no cap needs after the newest delivery. */
  private long[] insertSend(long[] sends, long send) {
    int at = sends.length;
    while (at > 0 && sends[at - 1] > send) {
      at--;
    }
    long newest = PushState.sentAt(Math.max(send, sends.length == 0 ? send : sends[sends.length - 1]));
    long[] out = new long[sends.length + 1];
    int n = 0;
    for (int i = 0; i <= sends.length; i++) {
      long s = i == at ? send : sends[i < at ? i : i - 1];
      if (PushState.sentAt(s) > newest - channelHorizon[PushState.channelOf(s)]) {
        out[n++] = s;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Sets id's time to the later of old and new, dropping entries older than window before the newest. */
  private static long[][] upsert(long[] ids, long[] times, long id, long at, long window) {
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

  /**
   * {@code state} after the user was active at {@code occurredAt}: the local day joins the active
   * days (adaptive caps) and the local hour of week gains weight 1 in the send-time histogram, whose
   * weights halve every {@link PushPolicy.SendTime#halfLife()}. Recording the same activity twice
   * counts the day once but weighs the hour twice.
   *
   * @param state a state of this throttle's channels
   * @param occurredAt when the user was active; may be older than activity already recorded
   * @return the new state
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for a state of another channel layout or a time outside
   *     [1970, {@link #MAX_MILLIS}]
   */
  public PushState recordActivity(PushState state, Instant occurredAt) {
    requireOwn(state);
    long millis = Checks.requireNonNull(occurredAt, "occurredAt").toEpochMilli();
    requireMillis(millis, "occurredAt");
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
    histogram[hourOfWeek(state.calendar, millis)] += (float) Math.pow(0.5, (asOf - millis) / halfLifeMillis);
    return state.withActivity(first, last, bits, histogram, asOf);
  }

  /** Local hour of week of {@code millis}, Monday 00:00 = 0. */
  static int hourOfWeek(CalendarIndex calendar, long millis) {
    long local = LocalTimes.local(calendar, millis);
    long day = Math.floorDiv(local, LocalTimes.MILLIS_PER_DAY);
    // Epoch day 0 (1970-01-01) is a Thursday, day 3 of a Monday-based week.
    int dayOfWeek = Math.floorMod(day + 3, 7);
    return dayOfWeek * 24 + (int) (Math.floorMod(local, LocalTimes.MILLIS_PER_DAY) / HOUR);
  }

  /**
   * The preferred instant to send to this user at or after {@code from}: the start of the local
   * hour, within the next 7 days, with the most decayed activity weight whose start is outside quiet
   * hours ({@code from} itself when that hour is the current one); ties go to the earliest. Users
   * without activity get the policy's fallback local time, moved out of quiet hours.
   *
   * @param state a state of this throttle's channels
   * @param from the earliest acceptable instant
   * @return the proposed instant, at or after {@code from}; caps and consent are not considered,
   *     so {@link #decide(PushState, Message, Instant)} it then
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for a state of another channel layout or {@code from} outside
   *     [1970, {@link #MAX_MILLIS}]
   */
  public Instant proposeSendTime(PushState state, Instant from) {
    requireOwn(state);
    long fromMillis = Checks.requireNonNull(from, "from").toEpochMilli();
    requireMillis(fromMillis, "from");
    CalendarIndex calendar = state.calendar;
    long local = LocalTimes.local(calendar, fromMillis);
    long hourStart = Math.floorDiv(local, HOUR) * HOUR;
    long best = -1;
    float bestWeight = 0;
    for (int h = 0; h < PushState.HOURS_PER_WEEK && state.histogram.length > 0; h++) {
      long at = h == 0 ? fromMillis : LocalTimes.firstInstantAtLocal(calendar, fromMillis, hourStart + h * HOUR);
      float weight = state.histogram[hourOfWeek(calendar, at)];
      if (weight > bestWeight && !(hasQuiet && isQuiet(calendar, at))) {
        bestWeight = weight;
        best = at;
      }
    }
    if (best < 0) {
      long dayStart = Math.floorDiv(local, LocalTimes.MILLIS_PER_DAY) * LocalTimes.MILLIS_PER_DAY;
      long target = dayStart + fallbackMinute * LocalTimes.MILLIS_PER_MINUTE;
      best = LocalTimes.firstInstantAtLocal(calendar, fromMillis, target < local ? target + LocalTimes.MILLIS_PER_DAY : target);
      if (hasQuiet && isQuiet(calendar, best)) {
        best = quietEnd(calendar, best);
      }
    }
    return Instant.ofEpochMilli(best);
  }

  // ---------------------------------------------------------------- ids

  /**
   * The index of {@code channel} for the primitive methods.
   *
   * @param channel a channel id, compared exactly
   * @return its position in the policy's channel list
   * @throws NullPointerException if {@code channel} is null
   * @throws IllegalArgumentException naming the known channels if the policy does not have it
   */
  public int channelIndex(String channel) {
    Integer i = channelIndexes.get(Checks.requireNonNull(channel, "channel"));
    if (i == null) {
      throw new IllegalArgumentException(
          "channel: unknown channel \"" + channel + "\" (known: " + String.join(", ", channels) + ")");
    }
    return i;
  }

  /**
   * The index of message class {@code name} for the primitive methods.
   *
   * @param name a class name, compared exactly; the built-in ones included
   * @return its position in the policy's class list
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException naming the known classes if the policy does not have it
   */
  public int classIndex(String name) {
    Integer i = classIndexes.get(Checks.requireNonNull(name, "messageClass"));
    if (i == null) {
      throw new IllegalArgumentException(
          "messageClass: unknown class \"" + name + "\" (known: " + String.join(", ", classNames) + ")");
    }
    return i;
  }

  /**
   * The priority of class {@code classIndex}: higher goes first among messages due together.
   *
   * @param classIndex a class index from {@link #classIndex(String)}
   * @return the class's priority
   * @throws ArrayIndexOutOfBoundsException if {@code classIndex} is out of range
   */
  public int priority(int classIndex) {
    return classPriority[classIndex];
  }

  /**
   * A 64-bit id for a campaign or message key: FNV-1a over the UTF-16 units, never 0 for a string;
   * 0 for {@code null}. Two distinct ids collide with probability about 2^-64 per pair.
   *
   * @param id a campaign or message key, or {@code null}
   * @return the hash; non-zero for any string, the empty one included
   */
  public static long idHash(String id) {
    if (id == null) {
      return 0;
    }
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001b3L;
    }
    return h == 0 ? 1 : h;
  }

  // ---------------------------------------------------------------- persisted forms

  /**
   * The versioned binary form of {@code state} (family {@code PUSH}); see {@link PushState} for sizes.
   *
   * @param state a state of this throttle's channels
   * @return a new array; channels are stored by id, so a later policy can read it
   * @throws NullPointerException if {@code state} is null
   * @throws IllegalArgumentException for a state of another channel layout
   */
  public byte[] toBytes(PushState state) {
    return PushStateCodec.toBytes(requireOwn(state));
  }

  /**
   * Reads a binary form; channels the policy no longer has are dropped with their deliveries.
   *
   * @param bytes a binary form written by {@link #toBytes}, possibly under another policy
   * @return the state, laid out for this throttle's channels; channels new to it have no answer
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException for bytes of another family or version, or truncated bytes
   */
  public PushState stateFromBytes(byte[] bytes) {
    return PushStateCodec.fromBytes(this, bytes);
  }

  /**
   * The versioned JSON form of {@code state}.
   *
   * @param state a state of this throttle's channels
   * @return JSON with channels by id, read back by {@link #stateFromJson}
   * @throws NullPointerException if {@code state} is null
   * @throws IllegalArgumentException for a state of another channel layout
   */
  public String toJson(PushState state) {
    return PushStateCodec.toJson(requireOwn(state));
  }

  /**
   * Reads a JSON form; channels the policy no longer has are dropped with their deliveries.
   *
   * @param json a JSON form written by {@link #toJson(PushState)}, possibly under another policy
   * @return the state, laid out for this throttle's channels
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the JSON path of the bad value
   */
  public PushState stateFromJson(String json) {
    return PushStateCodec.fromJson(this, json);
  }

  List<String> channels() {
    return channels;
  }

  long channelHorizon(int channel) {
    return channelHorizon[channel];
  }
}
