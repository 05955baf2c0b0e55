package dev.userops.incentives.push;

import dev.userops.core.CalendarIndex;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.push.Decision.Reason;
import dev.userops.incentives.push.Decision.Verdict;
import dev.userops.incentives.push.PushProgram.MessageClass;
import dev.userops.incentives.push.PushProgram.QuietHoursAction;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled {@link PushProgram}: {@code apply(state, message, now)} decides whether a message may
 * go to a user now and returns the decision with the user's new state, in which a sent message
 * counts. Pure: no clock, no I/O, no mutable state; thread-safe. Make one with {@link
 * PushProgram#policy()}.
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
 * <p>Applying the same keyed message twice is a no-op the second time ({@link Reason#DUPLICATE},
 * state unchanged); without a key the state cannot tell a redelivery from a second send.
 *
 * <p>Instants are epoch millis in [1970-01-01, about 2527-06) ({@link #MAX_MILLIS}) so that a
 * decision packs into one {@code long} on the allocation-free path, {@link #decide(PushState,
 * PushRequest)}.
 */
public final class PushPolicy {
  /** Latest instant a decision or delivery may carry, in epoch millis (2^44 - 2). */
  public static final long MAX_MILLIS = PackedDecision.MAX_MILLIS;

  private final PushProgram program;
  private final List<String> channels;
  private final Map<String, Integer> channelIndexes = new HashMap<>();
  private final Map<String, Integer> classIndexes = new HashMap<>();
  private final List<String> classNames;
  private final long optOut;
  private final boolean[] classCapped;
  private final QuietHoursAction[] classQuiet;
  private final int[] classPriority;
  private final CapTable caps;
  private final QuietWindow quiet;
  private final SendTimeModel sendTime;
  private final long coolDownMillis;
  private final long dedupeMillis;
  private final DayOfWeek weekStart;

  PushPolicy(PushProgram program) {
    this.program = Checks.requireNonNull(program, "program");
    this.channels = program.channels().stream().map(PushProgram.Channel::id).toList();
    long optOutMask = 0;
    for (int i = 0; i < channels.size(); i++) {
      channelIndexes.put(channels.get(i), i);
      if (program.channels().get(i).consent() == PushProgram.Consent.OPT_OUT) {
        optOutMask |= 1L << i;
      }
    }
    this.optOut = optOutMask;
    List<MessageClass> classes = program.classes();
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
    this.caps = new CapTable(program.caps(), channelIndexes, channels.size());
    this.quiet = new QuietWindow(program.quietHours());
    this.sendTime = new SendTimeModel(program.sendTime(), quiet);
    this.coolDownMillis = program.campaignCoolDown() == null ? 0 : program.campaignCoolDown().toMillis();
    this.dedupeMillis = program.dedupeWindow().toMillis();
    this.weekStart = program.weekStart();
  }

  /**
   * The program this policy decides by.
   *
   * @return the program it was compiled from
   */
  public PushProgram program() {
    return program;
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
   * @param state the user's state, of any layout (see {@link PushState})
   * @param channel a channel id of the program
   * @param consent the user's answer; replaces any earlier one
   * @return the new state, laid out for this policy
   * @throws NullPointerException if {@code state} or {@code channel} is null
   * @throws IllegalArgumentException for an unknown channel
   */
  public PushState withConsent(PushState state, String channel, boolean consent) {
    long bit = 1L << channelIndex(channel);
    PushState own = own(state);
    return consent ? own.with(own.granted | bit, own.revoked & ~bit) : own.with(own.granted & ~bit, own.revoked | bit);
  }

  /**
   * {@code state} with the user in another zone. Deliveries keep their instants; calendar caps then
   * count them in the new zone's periods, and active days recorded so far keep their old dates.
   *
   * @param state the user's state, of any layout
   * @param zone the user's new zone
   * @return the new state, laid out for this policy
   * @throws NullPointerException if an argument is null
   */
  public PushState withZone(PushState state, ZoneId zone) {
    CalendarIndex calendar = calendar(zone);
    return own(state).with(calendar);
  }

  private CalendarIndex calendar(ZoneId zone) {
    return CalendarIndex.of(Checks.requireNonNull(zone, "zone"), weekStart);
  }

  /**
   * {@code state} laid out for this policy: itself if it already is; else with this policy's
   * channels (answers and deliveries of dropped channels gone, deliveries no cap counts gone) and
   * calendar week start.
   */
  PushState own(PushState state) {
    Checks.requireNonNull(state, "state");
    if (state.channels == channels && state.calendar.weekStart() == weekStart) {
      return state;
    }
    CalendarIndex calendar = state.calendar.weekStart() == weekStart ? state.calendar : calendar(state.zone());
    if (hasChannels(state)) {
      return state.with(channels, calendar);
    }
    return state.laidOut(channels, calendar, caps::horizon);
  }

  /** Whether {@code state} lists this policy's channels in its order; compares without allocating. */
  private boolean hasChannels(PushState state) {
    List<String> theirs = state.channels;
    if (theirs == channels) {
      return true;
    }
    if (theirs.size() != channels.size()) {
      return false;
    }
    for (int i = 0; i < theirs.size(); i++) {
      if (!theirs.get(i).equals(channels.get(i))) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- apply and decide

  /**
   * Decides whether {@code message} may go to the user of {@code state} at {@code now}, and on
   * SEND counts it as delivered then: for caps if its class is capped and some cap counts its
   * channel, restarting its campaign's cool-down (capped classes), remembering its key for the
   * dedupe window. Entries no rule needs any more are dropped.
   *
   * @param state the user's state as last persisted, of any layout; {@link #newState} for a new user
   * @param message the message
   * @param now the decision instant, in [1970, {@link #MAX_MILLIS}]
   * @return the decision and the state to persist if the message is sent (the input state, laid
   *     out for this policy, unless sent)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for a channel or class the program does not know, or {@code
   *     now} out of range
   */
  public PushOutcome apply(PushState state, Message message, Instant now) {
    Checks.requireNonNull(message, "message");
    Checks.requireNonNull(now, "now");
    return apply(state, channelIndex(message.channel()), classIndex(message.messageClass()),
        idHash(message.campaign()), idHash(message.key()), now.toEpochMilli());
  }

  /**
   * The primitive form of {@link #apply(PushState, Message, Instant)}: the same decision and state
   * from indexes and id hashes, without strings or {@link Instant}s.
   *
   * @param state the user's state as last persisted, of any layout
   * @param request the message and instant, every field set
   * @return the decision and the state to persist if the message is sent
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for an index or instant out of range
   */
  public PushOutcome apply(PushState state, PushRequest request) {
    Checks.requireNonNull(request, "request");
    return apply(state, request.channel(), request.messageClass(), request.campaign(), request.key(), request.atMillis());
  }

  private PushOutcome apply(PushState state, int channel, int messageClass, long campaign, long key, long nowMillis) {
    PushState own = own(state);
    long code = decide(own, channel, messageClass, campaign, key, nowMillis);
    PushState next = code == PackedDecision.SEND ? record(own, channel, messageClass, campaign, key, nowMillis) : own;
    return new PushOutcome(next, PackedDecision.unpack(code));
  }

  /**
   * The allocation-free check: the decision {@link #apply(PushState, PushRequest)} would return,
   * packed in a {@code long}, without the new state. {@link #isSend(long)} tests it, {@link
   * #decision(long)} unpacks it. Allocation-free for states returned by this policy or read back
   * under the same program ({@link PushState}); a state of another layout is laid out first.
   *
   * @param state the user's state
   * @param request the message and instant, every field set
   * @return the packed decision; 0 for send
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for an index or instant out of range
   */
  public long decide(PushState state, PushRequest request) {
    Checks.requireNonNull(request, "request");
    Checks.requireNonNull(state, "state");
    PushState own = hasChannels(state) ? state : own(state);
    return decide(own, request.channel(), request.messageClass(), request.campaign(), request.key(), request.atMillis());
  }

  /** The decision for {@code message} at {@code now}, changing nothing (tests and previews). */
  Decision decide(PushState state, Message message, Instant now) {
    return apply(state, message, now).decision();
  }

  private long decide(PushState state, int channel, int messageClass, long campaign, long key, long nowMillis) {
    requireArguments(channel, messageClass, nowMillis, "now");
    long bit = 1L << channel;
    if ((state.granted & bit) == 0 && ((optOut & bit) == 0 || (state.revoked & bit) != 0)) {
      return PackedDecision.pack(Verdict.DROP, Reason.NO_CONSENT, PackedDecision.RULE_CONSENT, channel, 0);
    }
    if (key != 0 && indexOf(state.keys, state.keyTimes, key, nowMillis - dedupeMillis) >= 0) {
      return PackedDecision.pack(Verdict.DROP, Reason.DUPLICATE, PackedDecision.RULE_DEDUPE, 0, 0);
    }
    // The state's calendar, or this policy's week start for a state read back on its own.
    CalendarIndex calendar = state.calendar.weekStart() == weekStart ? state.calendar : calendar(state.zone());
    long offset = calendar.offsetMillis(nowMillis);
    // The local day as CalendarIndex.dayIndex defines it, and the time of day: one division for both.
    long day = Math.floorDiv(nowMillis + offset, QuietWindow.MILLIS_PER_DAY);
    QuietHoursAction action = classQuiet[messageClass];
    if (quiet.active() && action != QuietHoursAction.IGNORE
        && quiet.isQuietTimeOfDay(nowMillis + offset - day * QuietWindow.MILLIS_PER_DAY)) {
      long end = quiet.end(calendar, nowMillis);
      return action == QuietHoursAction.DEFER
          ? PackedDecision.pack(Verdict.DEFER, Reason.QUIET_HOURS, PackedDecision.RULE_QUIET, 0, end)
          : PackedDecision.pack(Verdict.DROP, Reason.QUIET_HOURS, PackedDecision.RULE_QUIET_DROP, messageClass, end);
    }
    if (!classCapped[messageClass]) {
      return PackedDecision.SEND;
    }
    if (campaign != 0 && coolDownMillis > 0) {
      int i = indexOf(state.campaigns, state.campaignTimes, campaign, nowMillis - coolDownMillis);
      if (i >= 0) {
        return PackedDecision.pack(Verdict.DROP, Reason.COOL_DOWN, PackedDecision.RULE_COOL_DOWN, 0,
            state.campaignTimes[i] + coolDownMillis);
      }
    }
    long[] sends = state.sends;
    if (sends.length > 0 && PushState.sentAt(sends[sends.length - 1]) > nowMillis) {
      return PackedDecision.pack(Verdict.DROP, Reason.CLOCK_BEHIND, PackedDecision.RULE_CLOCK, 0,
          PushState.sentAt(sends[sends.length - 1]));
    }
    return caps.check(state, calendar, channel, nowMillis, offset, day);
  }

  /** Plain comparisons first: the decision path must not build varargs arrays for checks that pass. */
  private void requireArguments(int channel, int messageClass, long millis, String name) {
    if (channel < 0 || channel >= channels.size()) {
      throw new IllegalArgumentException("channel must be in [0, " + channels.size() + "), got " + channel);
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

  private static int indexOf(long[] ids, long[] times, long id, long after) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id && times[i] > after) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether a packed decision of {@link #decide(PushState, PushRequest)} is SEND.
   *
   * @param decision a packed decision
   * @return {@code true} for send, {@code false} for defer or drop
   */
  public static boolean isSend(long decision) {
    return decision == PackedDecision.SEND;
  }

  /**
   * Unpacks a decision of {@link #decide(PushState, PushRequest)}.
   *
   * @param code a packed decision of this policy; other values may throw
   * @return the decision, with rule paths of this policy's program
   * @throws IllegalArgumentException for some values that are not packed decisions
   */
  public Decision decision(long code) {
    return PackedDecision.unpack(code);
  }

  // ---------------------------------------------------------------- transitions

  /**
   * {@code state} after {@code message} was delivered at {@code sentAt}, whatever the rules say:
   * for tests that build a history, including deliveries older than the newest one.
   */
  PushState record(PushState state, Message message, Instant sentAt) {
    long millis = sentAt.toEpochMilli();
    requireArguments(channelIndex(message.channel()), classIndex(message.messageClass()), millis, "sentAt");
    return record(own(state), channelIndex(message.channel()), classIndex(message.messageClass()),
        idHash(message.campaign()), idHash(message.key()), millis);
  }

  /** {@code state} (laid out for this policy) after a delivery at {@code sentAtMillis}. */
  private PushState record(PushState state, int channel, int messageClass, long campaign, long key, long sentAtMillis) {
    boolean capped = classCapped[messageClass];
    long[] sends = capped && caps.horizon(channel) > 0
        ? insertSend(state.sends, sentAtMillis << PushState.CHANNEL_BITS | channel)
        : state.sends;
    long[][] campaigns = capped && campaign != 0 && coolDownMillis > 0
        ? PushState.upsert(state.campaigns, state.campaignTimes, campaign, sentAtMillis, coolDownMillis)
        : new long[][] {state.campaigns, state.campaignTimes};
    long[][] keys = key != 0
        ? PushState.upsert(state.keys, state.keyTimes, key, sentAtMillis, dedupeMillis)
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
      if (PushState.sentAt(s) > newest - caps.horizon(PushState.channelOf(s))) {
        out[n++] = s;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * {@code state} after the user was active at {@code occurredAt}: the local day joins the active
   * days (adaptive caps) and the local hour of week gains weight 1 in the send-time histogram, whose
   * weights halve every {@link PushProgram.SendTime#halfLife()}. Recording the same activity twice
   * counts the day once but weighs the hour twice.
   *
   * @param state the user's state, of any layout
   * @param occurredAt when the user was active; may be older than activity already recorded
   * @return the new state, laid out for this policy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for a time outside [1970, {@link #MAX_MILLIS}]
   */
  public PushState recordActivity(PushState state, Instant occurredAt) {
    long millis = Checks.requireNonNull(occurredAt, "occurredAt").toEpochMilli();
    requireMillis(millis, "occurredAt");
    return sendTime.record(own(state), millis);
  }

  /**
   * The preferred instant to send to this user at or after {@code from}: the start of the local
   * hour, within the next 7 days, with the most decayed activity weight whose start is outside quiet
   * hours ({@code from} itself when that hour is the current one); ties go to the earliest. Users
   * without activity get the program's fallback local time, moved out of quiet hours.
   *
   * @param state the user's state, of any layout
   * @param from the earliest acceptable instant
   * @return the proposed instant, at or after {@code from}; caps and consent are not considered,
   *     so {@link #apply(PushState, Message, Instant)} it then
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException for {@code from} outside [1970, {@link #MAX_MILLIS}]
   */
  public Instant proposeSendTime(PushState state, Instant from) {
    long fromMillis = Checks.requireNonNull(from, "from").toEpochMilli();
    requireMillis(fromMillis, "from");
    return Instant.ofEpochMilli(sendTime.propose(own(state), fromMillis));
  }

  // ---------------------------------------------------------------- ids

  /**
   * The index of {@code channel} for {@link PushRequest#channel(int)}.
   *
   * @param channel a channel id, compared exactly
   * @return its position in the program's channel list
   * @throws NullPointerException if {@code channel} is null
   * @throws IllegalArgumentException naming the known channels if the program does not have it
   */
  public int channelIndex(String channel) {
    return index(channelIndexes, channel, "channel", "channel", channels);
  }

  private static int index(Map<String, Integer> indexes, String name, String field, String kind, List<String> known) {
    Integer i = indexes.get(Checks.requireNonNull(name, field));
    if (i == null) {
      throw new IllegalArgumentException(
          field + ": unknown " + kind + " \"" + name + "\" (known: " + String.join(", ", known) + ")");
    }
    return i;
  }

  /**
   * The index of message class {@code name} for {@link PushRequest#messageClass(int)}.
   *
   * @param name a class name, compared exactly; the built-in ones included
   * @return its position in the program's class list
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException naming the known classes if the program does not have it
   */
  public int classIndex(String name) {
    return index(classIndexes, name, "messageClass", "class", classNames);
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
}
