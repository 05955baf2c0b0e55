package dev.userops.incentives.push;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.userops.core.ConfigException;
import dev.userops.core.WindowMode;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.incentives.Cap;
import dev.userops.incentives.support.ConfigPaths;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What may be sent to a user, when: consent per channel, frequency caps, campaign cool-down, dedupe,
 * quiet hours and send-time preferences. The configuration only; {@link #policy()} compiles it into
 * the decision engine, a {@link PushPolicy}. JSON form (all but {@code version} and {@code channels}
 * optional):
 *
 * <pre>{@code
 * {"version": 1,
 *  "channels": [{"id": "push"}, {"id": "email", "consent": "OPT_OUT"}],
 *  "classes": [{"name": "flash-sale", "priority": 20, "quietHours": "DROP"}],
 *  "caps": [{"channel": "push", "max": 3, "window": "P1D", "mode": "CALENDAR"},
 *           {"max": 5, "window": "PT72H", "mode": "ROLLING"},
 *           {"max": 4, "window": "P1W", "mode": "CALENDAR",
 *            "adaptive": {"perActiveDay": 0.5, "min": 1, "max": 14}}],
 *  "quietHours": {"start": "22:00", "end": "08:00"},
 *  "campaignCoolDown": "PT24H", "dedupeWindow": "P7D",
 *  "sendTime": {"halfLife": "P14D", "fallback": "10:00"}, "weekStart": "MONDAY"}
 * }</pre>
 *
 * <p>Message classes {@value #TRANSACTIONAL} (priority 100, not capped, ignores quiet hours) and
 * {@value #MARKETING} (priority 0, capped, deferred in quiet hours) exist unless redefined.
 *
 * @param version format version, {@value #FORMAT_VERSION}; 0 in Java means the current one
 * @param channels the channel ids this program knows (an open set: any non-blank id), at most 64
 * @param classes message classes beyond (or redefining) the two built-in ones, at most 200
 * @param caps frequency caps, at most 200; a message must pass every cap that matches its channel:
 *     the strictest wins
 * @param quietHours local hours in the user's zone when capped classes are deferred or dropped;
 *     {@code null} for none
 * @param campaignCoolDown a campaign reaches a user at most once per this duration (capped classes
 *     only); {@code null} for no cool-down
 * @param dedupeWindow how long a delivered message key blocks the same key; {@code null} means
 *     {@value #DEFAULT_DEDUPE_WINDOW}
 * @param sendTime send-time proposal settings; {@code null} for the defaults
 * @param weekStart first day of a calendar week for {@code P1W} calendar caps; {@code null} means
 *     Monday
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushProgram(
    int version,
    List<Channel> channels,
    List<MessageClass> classes,
    List<ChannelCap> caps,
    QuietHours quietHours,
    Duration campaignCoolDown,
    Duration dedupeWindow,
    SendTime sendTime,
    DayOfWeek weekStart) {
  /** The configuration format this code writes and reads. */
  public static final int FORMAT_VERSION = 1;
  /** The built-in class of messages the user asked for (receipts, security codes). */
  public static final String TRANSACTIONAL = "transactional";
  /** The built-in class of promotional messages. */
  public static final String MARKETING = "marketing";
  /** Dedupe window when none is configured. */
  public static final String DEFAULT_DEDUPE_WINDOW = "P1D";

  static final int MAX_CHANNELS = 64;
  static final int MAX_RULES = 200;
  /**
   * Checks every field and cross-reference; messages start with the JSON path of the bad value.
   *
   * @param version {@value #FORMAT_VERSION}, or 0 for the current one
   * @param channels 1 to 64 channels with distinct ids
   * @param classes extra or redefined classes with distinct names, at most 200, or {@code null}
   * @param caps at most 200 caps, each naming a declared channel or none, or {@code null}
   * @param quietHours quiet hours, or {@code null} for none
   * @param campaignCoolDown a positive duration, or {@code null} for none
   * @param dedupeWindow a positive duration, or {@code null} for {@value #DEFAULT_DEDUPE_WINDOW}
   * @param sendTime send-time settings, or {@code null} for the defaults
   * @param weekStart first day of a week, or {@code null} for Monday
   * @throws NullPointerException if {@code channels}, a channel, a class or a cap is null
   * @throws IllegalArgumentException if a value is out of range, duplicated or refers to an unknown
   *     channel
   */
  public PushProgram {
    Checks.checkArgument(
        version == 0 || version == FORMAT_VERSION,
        "version: expected %s, got %s", FORMAT_VERSION, version);
    version = FORMAT_VERSION;
    channels = List.copyOf(Checks.requireNonNull(channels, "channels"));
    Checks.checkArgument(
        !channels.isEmpty() && channels.size() <= MAX_CHANNELS,
        "channels: expected 1 to %s channels, got %s", MAX_CHANNELS, channels.size());
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < channels.size(); i++) {
      Checks.checkArgument(
          ids.add(channels.get(i).id()), "channels[%s].id: duplicate channel \"%s\"", i, channels.get(i).id());
    }
    classes = withBuiltInClasses(classes == null ? List.of() : classes);
    caps = List.copyOf(caps == null ? List.of() : caps);
    Checks.checkArgument(caps.size() <= MAX_RULES, "caps: expected at most %s caps, got %s", MAX_RULES, caps.size());
    for (int i = 0; i < caps.size(); i++) {
      String channel = caps.get(i).channel();
      Checks.checkArgument(
          channel == null || ids.contains(channel),
          "caps[%s].channel: unknown channel \"%s\" (declared: %s)", i, channel, String.join(", ", ids));
    }
    requirePositive(campaignCoolDown, "campaignCoolDown");
    dedupeWindow = dedupeWindow == null ? Duration.parse(DEFAULT_DEDUPE_WINDOW) : dedupeWindow;
    requirePositive(dedupeWindow, "dedupeWindow");
    sendTime = sendTime == null ? new SendTime(null, null) : sendTime;
    weekStart = weekStart == null ? DayOfWeek.MONDAY : weekStart;
  }

  private static List<MessageClass> withBuiltInClasses(List<MessageClass> configured) {
    Checks.checkArgument(
        configured.size() <= MAX_RULES, "classes: expected at most %s classes, got %s", MAX_RULES, configured.size());
    List<MessageClass> all = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < configured.size(); i++) {
      MessageClass c = Checks.requireNonNull(configured.get(i), "classes[" + i + "]");
      Checks.checkArgument(names.add(c.name()), "classes[%s].name: duplicate class \"%s\"", i, c.name());
      all.add(c);
    }
    for (String builtIn : List.of(TRANSACTIONAL, MARKETING)) {
      if (names.add(builtIn)) {
        all.add(new MessageClass(builtIn, null, null, null));
      }
    }
    return List.copyOf(all);
  }

  private static void requirePositive(Duration duration, String name) {
    Checks.checkArgument(
        duration == null || (!duration.isNegative() && !duration.isZero()),
        "%s: expected a positive ISO-8601 duration, got %s", name, duration);
  }

  /**
   * A program over {@code channels} (all opt-in) with {@code caps} and no other rule.
   *
   * @param channels 1 to 64 distinct, non-blank channel ids
   * @param caps the caps, or {@code null} for none
   * @return the program, with the built-in classes and the default dedupe window
   * @throws NullPointerException if {@code channels} or a cap is null
   * @throws IllegalArgumentException if a channel id is blank or repeated, there are too many, or
   *     a cap names an unknown channel
   */
  public static PushProgram of(List<String> channels, List<ChannelCap> caps) {
    return new PushProgram(
        FORMAT_VERSION, channels.stream().map(id -> new Channel(id, null)).toList(), null, caps, null, null, null, null, null);
  }

  /**
   * A copy with {@code quietHours}.
   *
   * @param quietHours the quiet hours, or {@code null} for none
   * @return a new program, otherwise equal
   */
  public PushProgram withQuietHours(QuietHours quietHours) {
    return new PushProgram(version, channels, classes, caps, quietHours, campaignCoolDown, dedupeWindow, sendTime, weekStart);
  }

  /**
   * Compiles this program into its decision engine. Build once and share: the policy precomputes
   * the rules and is thread-safe.
   *
   * @return a new policy deciding by this program
   */
  public PushPolicy policy() {
    return new PushPolicy(this);
  }

  /**
   * Reads a program from its JSON form, version {@value #FORMAT_VERSION}.
   *
   * @throws ConfigException naming the JSON path of the offending value, e.g. {@code
   *     caps[1].window: expected P1D, P1W or P1M for a CALENDAR cap, got "P2D"}
   * @param json the JSON form; {@code version} and {@code channels} are required
   * @return the program
   * @throws NullPointerException if {@code json} is null
   */
  public static PushProgram fromJson(String json) {
    try {
      return Json.read(json, PushProgram.class);
    } catch (ConfigException e) {
      throw ConfigPaths.refined(e);
    }
  }

  /**
   * This program's JSON form, defaults written out.
   *
   * @return indented JSON, read back equal by {@link #fromJson}
   */
  public String toJson() {
    return Json.writePretty(this);
  }

  /** Whether a channel needs the user's explicit consent. */
  public enum Consent {
    /** Only after the user said yes (the default). */
    OPT_IN,
    /** Unless the user said no. */
    OPT_OUT
  }

  /**
   * A message channel.
   *
   * @param id the channel id, e.g. {@code "push"}, {@code "sms"}, {@code "wechat"}
   * @param consent {@code null} means {@link Consent#OPT_IN}
   */
  public record Channel(String id, Consent consent) {
    /**
     * Requires an id; defaults consent to opt-in.
     *
     * @param id the channel id, not blank
     * @param consent opt-in or opt-out, or {@code null} for opt-in
     * @throws IllegalArgumentException if {@code id} is null or blank
     */
    public Channel {
      Checks.checkArgument(id != null && !id.isBlank(), "id: expected a non-blank channel id, got %s", id);
      consent = consent == null ? Consent.OPT_IN : consent;
      // Interned, as states read back intern theirs: a policy then matches a state's channels by identity.
      id = id.intern();
    }
  }

  /** What happens to a message of a class in quiet hours. */
  public enum QuietHoursAction {
    /** Deferred to the first instant after the quiet window. */
    DEFER,
    /** Dropped with {@link Decision.Reason#QUIET_HOURS}. */
    DROP,
    /** Sent anyway. */
    IGNORE
  }

  /**
   * A message class.
   *
   * @param name the class name
   * @param priority higher first when several messages for a user are due at the same instant (the
   *     simulator orders by it); {@code null} means 100 for transactional, 0 otherwise
   * @param capped whether caps and campaign cool-down apply and deliveries count toward caps;
   *     {@code null} means false for transactional, true otherwise
   * @param quietHours {@code null} means IGNORE for transactional, DEFER otherwise
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MessageClass(String name, Integer priority, Boolean capped, QuietHoursAction quietHours) {
    /**
     * Requires a name and fills the defaults.
     *
     * @param name the class name, not blank
     * @param priority the priority, or {@code null} for the default
     * @param capped whether caps apply, or {@code null} for the default
     * @param quietHours the action in quiet hours, or {@code null} for the default
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public MessageClass {
      Checks.checkArgument(name != null && !name.isBlank(), "name: expected a non-blank class name, got %s", name);
      boolean transactional = TRANSACTIONAL.equals(name);
      priority = priority == null ? (transactional ? 100 : 0) : priority;
      capped = capped == null ? !transactional : capped;
      quietHours = quietHours == null ? (transactional ? QuietHoursAction.IGNORE : QuietHoursAction.DEFER) : quietHours;
    }
  }

  /**
   * A frequency cap on deliveries of capped classes: the shared {@link Cap} on one channel (or all
   * channels together), optionally with an adaptive limit. In JSON the cap's fields sit beside the
   * channel, as in format 1: {@code {"channel": "push", "max": 3, "window": "P1D", "mode":
   * "CALENDAR", "adaptive": {...}}}; {@code channel}, {@code mode} (default {@code CALENDAR}) and
   * {@code adaptive} are optional.
   *
   * @param channel the channel counted and limited; {@code null} for all channels together
   * @param cap the limit and its window: {@link Cap#max()} deliveries per window; for an adaptive
   *     cap, the limit of users with too little history
   * @param adaptive derives the limit from the user's activity; {@code null} for a fixed limit
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"channel", "max", "window", "mode", "adaptive"})
  public record ChannelCap(String channel, @JsonIgnore Cap cap, Adaptive adaptive) {
    /**
     * Requires a cap; whether the channel is declared is checked by the program.
     *
     * @param channel the channel, or {@code null} for all channels together
     * @param cap the limit and window
     * @param adaptive the adaptive limit, or {@code null} for a fixed one
     * @throws NullPointerException if {@code cap} is null
     */
    public ChannelCap {
      Checks.requireNonNull(cap, "cap");
    }

    /**
     * A fixed cap on {@code channel}.
     *
     * @param channel the channel, or {@code null} for all channels together
     * @param cap the limit and window, e.g. {@code Cap.calendar(3, Granularity.DAY)}
     * @return the cap, not adaptive
     * @throws NullPointerException if {@code cap} is null
     */
    public static ChannelCap of(String channel, Cap cap) {
      return new ChannelCap(channel, cap, null);
    }

    @JsonCreator
    static ChannelCap fromJson(
        @JsonProperty("channel") String channel,
        @JsonProperty(value = "max", required = true) long max,
        @JsonProperty("window") String window,
        @JsonProperty("mode") WindowMode mode,
        @JsonProperty("adaptive") Adaptive adaptive) {
      return new ChannelCap(channel, new Cap(max, window, mode), adaptive);
    }

    /**
     * The limit, as {@link Cap#max()}; a JSON field of its own.
     *
     * @return deliveries per window, {@code >= 0}
     */
    @JsonProperty("max")
    public long max() {
      return cap.max();
    }

    /**
     * The window, as {@link Cap#window()}; a JSON field of its own.
     *
     * @return {@code P1D}, {@code P1W} or {@code P1M} for a calendar cap, an ISO-8601 duration for a
     *     rolling one
     */
    @JsonProperty("window")
    public String window() {
      return cap.window();
    }

    /**
     * The mode, as {@link Cap#mode()}; a JSON field of its own.
     *
     * @return calendar or rolling
     */
    @JsonProperty("mode")
    public WindowMode mode() {
      return cap.mode();
    }
  }

  /**
   * A limit from the user's own activity: {@code clamp(floor(perActiveDay × active days in the 28
   * local days ending today), min, max)}. Users whose first recorded activity is fewer than {@code
   * minHistoryDays} local days back (today counting as one) get the cap's {@code max} instead.
   *
   * @param perActiveDay deliveries allowed per active day, finite and &gt;= 0
   * @param min lower clamp, &gt;= 0
   * @param max upper clamp, &gt;= min
   * @param minHistoryDays in [1, 64]; {@code null} means 28
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Adaptive(double perActiveDay, int min, int max, Integer minHistoryDays) {
    /**
     * Checks the factor and the clamp.
     *
     * @param perActiveDay deliveries per active day, finite and {@code >= 0}
     * @param min lower clamp, {@code >= 0}
     * @param max upper clamp, {@code >= min}
     * @param minHistoryDays days of history needed, in [1, 64], or {@code null} for 28
     * @throws IllegalArgumentException if a value is out of range or not finite
     */
    public Adaptive {
      Checks.checkArgument(
          Double.isFinite(perActiveDay) && perActiveDay >= 0,
          "perActiveDay: expected a finite number >= 0, got %s", perActiveDay);
      Checks.checkArgument(min >= 0 && min <= max, "min: expected 0 <= min <= max (%s), got %s", max, min);
      minHistoryDays = minHistoryDays == null ? 28 : minHistoryDays;
      Checks.checkArgument(
          minHistoryDays >= 1 && minHistoryDays <= 64,
          "minHistoryDays: expected 1 to 64, got %s", minHistoryDays);
    }
  }

  /**
   * Local hours of the user's zone in which capped classes are deferred or dropped, in whole
   * minutes, both boundary minutes inside: 22:00–08:00 holds 22:00:00 to 08:00:59.999. An overnight
   * window (start after end) wraps midnight. A window must leave at least one minute of the day
   * outside it.
   *
   * @param start first quiet minute, local
   * @param end last quiet minute, local
   */
  public record QuietHours(LocalTime start, LocalTime end) {
    /**
     * Requires whole minutes and a window shorter than a day.
     *
     * @param start first quiet minute, local, whole minutes
     * @param end last quiet minute, local, whole minutes; before {@code start} for an overnight
     *     window
     * @throws IllegalArgumentException if a time is null or has seconds, or the window covers the
     *     whole day
     */
    public QuietHours {
      requireMinute(start, "start");
      requireMinute(end, "end");
      int startMinute = start.getHour() * 60 + start.getMinute();
      int endMinute = end.getHour() * 60 + end.getMinute();
      Checks.checkArgument(
          Math.floorMod(endMinute + 1 - startMinute, 1440) != 0,
          "end: quiet hours %s-%s cover the whole day", start, end);
    }

    private static void requireMinute(LocalTime time, String name) {
      Checks.checkArgument(
          time != null && time.getSecond() == 0 && time.getNano() == 0,
          "%s: expected a local time in whole minutes (HH:MM), got %s", name, time);
    }
  }

  /**
   * Send-time proposals from a decayed hour-of-week histogram of the user's activity.
   *
   * @param halfLife an activity's weight halves over this duration; {@code null} means 14 days
   * @param fallback local time proposed for users without activity; {@code null} means 10:00
   */
  public record SendTime(Duration halfLife, LocalTime fallback) {
    /**
     * Fills the defaults and requires a positive half-life.
     *
     * @param halfLife a positive duration, or {@code null} for 14 days
     * @param fallback local time for users without activity, or {@code null} for 10:00
     * @throws IllegalArgumentException if {@code halfLife} is zero or negative
     */
    public SendTime {
      halfLife = halfLife == null ? Duration.ofDays(14) : halfLife;
      Checks.checkArgument(
          !halfLife.isNegative() && !halfLife.isZero(), "halfLife: expected a positive duration, got %s", halfLife);
      fallback = fallback == null ? LocalTime.of(10, 0) : fallback;
    }
  }
}
